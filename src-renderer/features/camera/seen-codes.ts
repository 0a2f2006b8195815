/** A code that left the view for this long and comes back is a new scan (another carton). */
export const GONE_AFTER_MS = 1500;
/** Frames that must read an unconfirmed (single-copy 1-D) code before it counts. */
export const CONFIRMING_FRAMES = 2;

/** One code one frame read. */
export interface Sighting {
  data: string;
  /** The frame alone vouches for it (see DecodedCode.confirmed). */
  confirmed: boolean;
}

/**
 * Which codes in view are new. The camera sees the same label on every frame for as long as it
 * is held up: it is submitted once, and again only after it has been out of view (no frame read
 * it) for `goneAfterMs`. The station's own 300 ms double-read window is the second guard; this
 * one is what keeps a label held under the camera for ten seconds from being counted fifty
 * times. A frame that reads nothing does not make a code leave: a missed read between two reads
 * of a code still in front of the lens is common, and the clock alone decides.
 *
 * A 1-D read that the frame could not confirm (one quick pass, no error correction) counts only
 * once `confirmingFrames` frames have read the same data within the window — how a handheld
 * scanner guards against a misread digit.
 */
export class SeenCodes {
  private readonly lastSeen = new Map<string, number>();
  private readonly pending = new Map<string, { frames: number; at: number }>();

  constructor(
    private readonly goneAfterMs = GONE_AFTER_MS,
    private readonly confirmingFrames = CONFIRMING_FRAMES,
  ) {}

  /** Notes the codes one frame read at `now` (ms) and answers those to submit, in frame order. */
  observe(codes: readonly Sighting[], now: number): string[] {
    this.forget(now);
    const fresh: string[] = [];
    const thisFrame = new Set<string>();
    for (const { data, confirmed } of codes) {
      if (thisFrame.has(data)) continue;
      thisFrame.add(data);
      if (this.lastSeen.has(data)) {
        this.lastSeen.set(data, now);
        continue;
      }
      const frames = (this.pending.get(data)?.frames ?? 0) + 1;
      if (confirmed || frames >= this.confirmingFrames) {
        this.pending.delete(data);
        this.lastSeen.set(data, now);
        fresh.push(data);
      } else {
        this.pending.set(data, { frames, at: now });
      }
    }
    return fresh;
  }

  /** Codes in view, for as long as they count as still there. */
  inView(now: number): string[] {
    this.forget(now);
    return [...this.lastSeen.keys()];
  }

  /** Everything forgotten: the camera was restarted or switched. */
  clear(): void {
    this.lastSeen.clear();
    this.pending.clear();
  }

  private forget(now: number): void {
    for (const [code, at] of this.lastSeen) {
      if (now - at >= this.goneAfterMs) this.lastSeen.delete(code);
    }
    for (const [code, p] of this.pending) {
      if (now - p.at >= this.goneAfterMs) this.pending.delete(code);
    }
  }
}
