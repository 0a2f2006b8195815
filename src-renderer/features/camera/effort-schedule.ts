/** How hard the reader tries on one frame: the quick pass, or the quick pass and the hard ones. */
export type Effort = 'fast' | 'hard';

export interface EffortOptions {
  /** Nothing read for this long: the frames are idle. */
  idleAfterMs: number;
  /** Below this motion (mean grey-level change) the camera is still… */
  stillBelow: number;
  /** …and a still camera with nothing read for this long is idle sooner. */
  stillIdleAfterMs: number;
  /** While idle, one frame in this many gets the hard passes; the others stay quick. */
  hardEvery: number;
}

export const DEFAULT_EFFORT: EffortOptions = {
  idleAfterMs: 1000,
  stillBelow: 4,
  stillIdleAfterMs: 300,
  hardEvery: 2,
};

/**
 * Chooses the effort for each frame the worker is free for. The fast pass runs on every one: a
 * code held up is read within a frame or two. When nothing has been read for a while — or the
 * camera is still and the quick pass keeps failing on what is in front of it (a small, blurred
 * or badly lit code) — the hard passes are worth their time; they take turns with quick passes
 * so a new code moved into view is still read at once.
 */
export class EffortSchedule {
  private lastReadAt: number;
  private stillSince: number | null = null;
  private framesSinceHard = 0;

  constructor(
    now: number,
    private readonly options: EffortOptions = DEFAULT_EFFORT,
  ) {
    this.lastReadAt = now;
  }

  next(now: number): Effort {
    const quiet = now - this.lastReadAt;
    const still =
      this.stillSince !== null && now - this.stillSince >= this.options.stillIdleAfterMs;
    const idle =
      quiet >= this.options.idleAfterMs || (still && quiet >= this.options.stillIdleAfterMs);
    if (!idle) return 'fast';
    return this.framesSinceHard + 1 >= this.options.hardEvery ? 'hard' : 'fast';
  }

  /** What a frame gave: codes read or not, and its motion against the frame before (if known). */
  done(now: number, effort: Effort, found: boolean, motion: number | null): void {
    if (found) this.lastReadAt = now;
    this.framesSinceHard = effort === 'hard' ? 0 : this.framesSinceHard + 1;
    if (motion === null || motion >= this.options.stillBelow) this.stillSince = null;
    else this.stillSince ??= now;
  }

  /** A new camera or a restart: start over as if a code had just been read. */
  reset(now: number): void {
    this.lastReadAt = now;
    this.stillSince = null;
    this.framesSinceHard = 0;
  }
}
