/**
 * What to do when the window's renderer crashes or hangs: reload it. Nothing is lost by a
 * reload — the station's state lives in the main process and SQLite, the IPC session is keyed
 * by the webContents (which survives a reload), and the page asks for what it shows again.
 *
 * A renderer that dies again straight after each reload would loop forever, burning the CPU
 * and hiding the problem, so reloads are counted: more than `maxReloads` inside `windowMs`
 * and we stop and show the error instead.
 */
export interface RecoveryPolicyOptions {
  maxReloads?: number;
  windowMs?: number;
  /** A hung renderer gets this long to answer again before it is reloaded. */
  hangGraceMs?: number;
}

export type RecoveryDecision = { action: 'reload' } | { action: 'give-up'; crashes: number };

export class RendererRecovery {
  private readonly maxReloads: number;
  private readonly windowMs: number;
  readonly hangGraceMs: number;
  private reloads: number[] = [];

  constructor(
    options: RecoveryPolicyOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.maxReloads = options.maxReloads ?? 3;
    this.windowMs = options.windowMs ?? 60_000;
    this.hangGraceMs = options.hangGraceMs ?? 10_000;
  }

  /**
   * The renderer is gone (Electron's `render-process-gone` reason) or hung past the grace time.
   * A clean exit (the window closing) needs nothing.
   */
  onFailure(reason: string): RecoveryDecision | null {
    if (reason === 'clean-exit') return null;
    const now = this.clock();
    this.reloads = this.reloads.filter((t) => now - t < this.windowMs);
    if (this.reloads.length >= this.maxReloads) {
      return { action: 'give-up', crashes: this.reloads.length + 1 };
    }
    this.reloads.push(now);
    return { action: 'reload' };
  }
}
