/**
 * Serial scanners send a byte stream; this turns it into scans. Pure: bytes and the current time
 * go in, frames and warnings come out. The caller owns the clock and the timer: it calls `tick`
 * at `deadline()` so that a partial frame can end (mode `none`) or be discarded (other modes).
 */

export type Terminator = 'CR' | 'LF' | 'CRLF' | 'ETX' | 'none';

export const TERMINATORS: readonly Terminator[] = ['CR', 'LF', 'CRLF', 'ETX', 'none'];

/** Longer than any real symbol's data (a full QR code holds 2,953 bytes, but never on a dock). */
export const MAX_FRAME_BYTES = 2000;

/** Scanners send a whole frame in one burst; 300 ms of silence mid-frame means it will not end. */
export const DEFAULT_PARTIAL_FRAME_TIMEOUT_MS = 300;

export type FramingWarningCode =
  'frame-too-long' | 'invalid-bytes' | 'partial-frame-timeout' | 'partial-frame-abandoned';

export interface ScanWarning<Code extends string = FramingWarningCode> {
  code: Code;
  /** One sentence an IT admin can act on, naming the scanner. */
  message: string;
  /** The scanner's configured id. */
  device: string;
  /** How many bytes were discarded, when bytes were discarded. */
  bytes?: number;
}

export type FramingOutput =
  { kind: 'frame'; data: string } | { kind: 'warning'; warning: ScanWarning };

export interface ScanFramerOptions {
  device: string;
  terminator: Terminator;
  /** Silence after which a partial frame ends (`none`) or is discarded (others). */
  partialFrameTimeoutMs?: number;
  maxFrameBytes?: number;
}

const CR = 0x0d;
const LF = 0x0a;
const STX = 0x02;
const ETX = 0x03;
const EOT = 0x04;
const GS = 0x1d;
const RS = 0x1e;

/** Printable ASCII plus the separators of GS1 (FNC1 as GS) and ISO/IEC 15434 envelopes. */
export function isAllowedScanByte(b: number): boolean {
  return (b >= 0x20 && b <= 0x7e) || b === GS || b === RS || b === EOT;
}

const TERMINATOR_BYTE: Record<Terminator, number | null> = {
  CR,
  LF,
  CRLF: null,
  ETX,
  none: null,
};

const TERMINATOR_NAME: Record<Terminator, string> = {
  CR: 'CR',
  LF: 'LF',
  CRLF: 'CR LF',
  ETX: 'ETX',
  none: 'none',
};

const count = (n: number) => n.toLocaleString('en-US');
const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export class ScanFramer {
  readonly device: string;
  readonly terminator: Terminator;
  readonly timeoutMs: number;
  readonly maxFrameBytes: number;

  // One spare byte: in ETX mode a leading STX is not data and does not count against the limit.
  private readonly buffer: Uint8Array;
  private length = 0;
  /** Bytes of a frame already known to be too long: counted, not kept. */
  private overflowBytes = 0;
  /** CRLF mode: a CR arrived and the next byte decides whether it was the terminator. */
  private pendingCr = false;
  private lastByteAt = 0;

  constructor(options: ScanFramerOptions) {
    const timeoutMs = options.partialFrameTimeoutMs ?? DEFAULT_PARTIAL_FRAME_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new RangeError(`partialFrameTimeoutMs must be > 0 (${timeoutMs})`);
    if (!TERMINATORS.includes(options.terminator)) {
      throw new RangeError(`unknown terminator "${String(options.terminator)}"`);
    }
    this.device = options.device;
    this.terminator = options.terminator;
    this.timeoutMs = timeoutMs;
    this.maxFrameBytes = options.maxFrameBytes ?? MAX_FRAME_BYTES;
    this.buffer = new Uint8Array(this.maxFrameBytes + 1);
  }

  /** True while bytes of an unfinished frame are held (or counted). */
  get hasPartialFrame(): boolean {
    return this.length > 0 || this.overflowBytes > 0 || this.pendingCr;
  }

  /** When `tick` must be called next, or null when nothing is pending. */
  deadline(): number | null {
    return this.hasPartialFrame ? this.lastByteAt + this.timeoutMs : null;
  }

  push(chunk: Uint8Array, now: number): FramingOutput[] {
    // A timer that fired late must not glue the stale partial frame to these new bytes.
    const out = this.tick(now);
    if (chunk.length === 0) return out;
    const terminatorByte = TERMINATOR_BYTE[this.terminator];
    for (const b of chunk) {
      if (this.terminator === 'CRLF') {
        if (this.pendingCr) {
          this.pendingCr = false;
          if (b === LF) {
            this.finish(out);
            continue;
          }
          // A lone CR is data (and invalid): keep it so the warning can name it.
          this.append(CR);
        }
        if (b === CR) this.pendingCr = true;
        else this.append(b);
      } else if (b === terminatorByte) {
        this.finish(out);
      } else {
        this.append(b);
      }
    }
    this.lastByteAt = now;
    return out;
  }

  /** Ends (mode `none`) or discards a partial frame once it has been silent for the timeout. */
  tick(now: number): FramingOutput[] {
    const out: FramingOutput[] = [];
    const deadline = this.deadline();
    if (deadline === null || now < deadline) return out;
    if (this.terminator === 'none') {
      this.finish(out);
      return out;
    }
    const name = TERMINATOR_NAME[this.terminator];
    if (this.overflowBytes > 0) {
      out.push(
        this.warn(
          'frame-too-long',
          `Scanner '${this.device}' sent ${count(this.overflowBytes)} bytes without a terminator (${name}); discarded (limit ${count(this.maxFrameBytes)})`,
          this.overflowBytes,
        ),
      );
    } else {
      const held = this.length + (this.pendingCr ? 1 : 0);
      const hint = this.pendingCr
        ? `it ended with CR but no LF: set the scanner's suffix to CR LF, or this scanner's terminator to CR`
        : `check that the scanner's suffix is set to ${name}`;
      out.push(
        this.warn(
          'partial-frame-timeout',
          `Scanner '${this.device}' sent ${plural(held, 'byte')} without a terminator (${name}) and then nothing for ${count(this.timeoutMs)} ms; discarded (${hint})`,
          held,
        ),
      );
    }
    this.reset();
    return out;
  }

  /** The port went away: no more bytes will come, so a partial frame is lost. */
  abandon(): FramingOutput[] {
    if (!this.hasPartialFrame) return [];
    const held = this.overflowBytes || this.length + (this.pendingCr ? 1 : 0);
    this.reset();
    return [
      this.warn(
        'partial-frame-abandoned',
        `Scanner '${this.device}' was disconnected in the middle of a frame; discarded ${plural(held, 'byte')}`,
        held,
      ),
    ];
  }

  private append(b: number): void {
    if (this.overflowBytes > 0) {
      this.overflowBytes += 1;
      return;
    }
    const limit = this.maxFrameBytes + (this.startsWithStx() ? 1 : 0);
    if (this.length >= limit) {
      // Resynchronise: stop keeping bytes, count them until the next terminator.
      this.overflowBytes = this.length - (this.startsWithStx() ? 1 : 0) + 1;
      this.length = 0;
      return;
    }
    this.buffer[this.length] = b;
    this.length += 1;
  }

  /** STX … ETX is the usual envelope of ETX-terminated scanners; the STX is not data. */
  private startsWithStx(): boolean {
    return this.terminator === 'ETX' && this.length > 0 && this.buffer[0] === STX;
  }

  private finish(out: FramingOutput[]): void {
    if (this.overflowBytes > 0) {
      const total = this.overflowBytes;
      this.reset();
      out.push(
        this.warn(
          'frame-too-long',
          `Scanner '${this.device}' sent a ${count(total)}-byte frame; discarded (limit ${count(this.maxFrameBytes)})`,
          total,
        ),
      );
      return;
    }
    const start = this.startsWithStx() ? 1 : 0;
    const bytes = this.buffer.subarray(start, this.length);
    this.reset();
    // A bare terminator (a scanner sending CR CR, or STX ETX) is not a scan and not a fault.
    if (bytes.length === 0) return;
    const bad: Array<{ at: number; byte: number }> = [];
    bytes.forEach((byte, i) => {
      if (!isAllowedScanByte(byte)) bad.push({ at: i + 1, byte });
    });
    if (bad.length > 0) {
      out.push(this.warn('invalid-bytes', this.invalidMessage(bytes.length, bad), bytes.length));
      return;
    }
    // latin1: one char per byte, so GS stays '\x1d' (all allowed bytes are ASCII anyway).
    let data = '';
    for (const b of bytes) data += String.fromCharCode(b);
    out.push({ kind: 'frame', data });
  }

  private invalidMessage(total: number, bad: Array<{ at: number; byte: number }>): string {
    const listed = bad
      .slice(0, 4)
      .map(({ at, byte }) => `${hex(byte)} at byte ${count(at)}`)
      .join(', ');
    const more = bad.length > 4 ? ` and ${count(bad.length - 4)} more` : '';
    const hints: string[] = [];
    if (bad.some(({ byte }) => byte === CR || byte === LF)) {
      hints.push(
        `the scanner's suffix does not match this scanner's terminator (${TERMINATOR_NAME[this.terminator]})`,
      );
    }
    if (bad.some(({ byte }) => byte >= 0x80 || byte === 0x00)) {
      hints.push(`the baud rate, data bits or parity differ between scanner and station`);
    }
    const hint = hints.length > 0 ? ` Likely cause: ${hints.join('; or ')}.` : '';
    return `Scanner '${this.device}' sent a ${count(total)}-byte frame with bytes that are not barcode text (${listed}${more}); discarded.${hint}`;
  }

  private warn(code: FramingWarningCode, message: string, bytes: number): FramingOutput {
    return { kind: 'warning', warning: { code, message, device: this.device, bytes } };
  }

  private reset(): void {
    this.length = 0;
    this.overflowBytes = 0;
    this.pendingCr = false;
  }
}
