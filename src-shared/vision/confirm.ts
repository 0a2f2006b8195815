/**
 * Confirmation over frames, for the live camera. The fast pass reads each frame once, so a 1-D
 * code from it is unconfirmed (see DecodedCode.confirmed): a single frame's misread would go
 * straight into the scan pipeline. ScanConfirmer passes a code on when the frame vouched for it
 * (a 2-D code, or a hard-pass consensus), or when the same text was read in enough recent
 * frames with no other text read at that place in the meantime; and it passes each code on once
 * while it stays in view, as a hardware scanner sends one scan per trigger pull.
 */
import type { DecodedCode, Quad } from './barcode-reader';
import { LINEAR_FORMATS, RETAIL_FORMATS } from './formats';

export interface ScanConfirmerOptions {
  /** Frames that must read an unconfirmed code (default 2). */
  frames?: number;
  /** How far back those frames may lie, in ms (default 1500). */
  windowMs?: number;
  /** A code out of view this long (ms) is passed on again when it comes back (default 2000). */
  repeatAfterMs?: number;
}

interface Sighting {
  key: string;
  code: DecodedCode;
  at: number;
}

function keyOf(code: DecodedCode): string {
  const family = RETAIL_FORMATS.has(code.format) ? 'retail' : code.format;
  return `${family}\u0000${code.text}`;
}

function bounds(q: Quad): [number, number, number, number] {
  const xs = [q.topLeft.x, q.topRight.x, q.bottomRight.x, q.bottomLeft.x];
  const ys = [q.topLeft.y, q.topRight.y, q.bottomRight.y, q.bottomLeft.y];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Whether two positions overlap (the hand and the camera move a little between frames). */
function overlaps(a: Quad, b: Quad): boolean {
  const [ax0, ay0, ax1, ay1] = bounds(a);
  const [bx0, by0, bx1, by1] = bounds(b);
  const pad = 0.1 * Math.max(ax1 - ax0, ay1 - ay0, bx1 - bx0, by1 - by0);
  return ax0 - pad <= bx1 && bx0 - pad <= ax1 && ay0 - pad <= by1 && by0 - pad <= ay1;
}

export class ScanConfirmer {
  private readonly frames: number;
  private readonly windowMs: number;
  private readonly repeatAfterMs: number;
  private sightings: Sighting[] = [];
  /** Codes passed on, by key: when they were last in view. */
  private readonly passedOn = new Map<string, number>();

  constructor(options: ScanConfirmerOptions = {}) {
    this.frames = Math.max(1, options.frames ?? 2);
    this.windowMs = options.windowMs ?? 1500;
    this.repeatAfterMs = options.repeatAfterMs ?? 2000;
  }

  /**
   * One frame's codes (from decodeFrame with `includeUnconfirmed`), read at `now` (ms).
   * Returns the codes to pass on to the scan pipeline now.
   */
  push(codes: readonly DecodedCode[], now: number): DecodedCode[] {
    this.sightings = this.sightings.filter((s) => now - s.at <= this.windowMs);
    for (const code of codes) this.sightings.push({ key: keyOf(code), code, at: now });
    const out: DecodedCode[] = [];
    for (const code of codes) {
      const key = keyOf(code);
      const lastSeen = this.passedOn.get(key);
      const wasInView = lastSeen !== undefined && now - lastSeen < this.repeatAfterMs;
      if (this.confirmed(code, key)) {
        if (!wasInView) out.push(code);
        this.passedOn.set(key, now);
      } else if (wasInView) {
        this.passedOn.set(key, now);
      }
    }
    for (const [key, at] of this.passedOn) {
      if (now - at >= this.repeatAfterMs) this.passedOn.delete(key);
    }
    return out;
  }

  private confirmed(code: DecodedCode, key: string): boolean {
    if (code.confirmed) return true;
    const same = this.sightings.filter((s) => s.key === key);
    if (new Set(same.map((s) => s.at)).size < this.frames) return false;
    // Another text read at the same place meanwhile: the reads disagree, trust neither.
    const linear = LINEAR_FORMATS.has(code.format);
    return !this.sightings.some(
      (s) =>
        s.key !== key &&
        LINEAR_FORMATS.has(s.code.format) === linear &&
        same.some((t) => overlaps(t.code.position, s.code.position)),
    );
  }

  /** Forgets everything (the camera was switched off or moved to another screen). */
  reset(): void {
    this.sightings = [];
    this.passedOn.clear();
  }
}
