/**
 * A serial barcode scanner played back from a text file: for `qcs scanner emulate`, for tests
 * over a socat pty pair, and for trying a station against its real serial port.
 * `serialport` is imported lazily so that loading this module costs nothing.
 */
import type { Terminator } from './scan-framing';

/** Readable spellings of the control characters GS1 and ISO/IEC 15434 data carries. */
const ESCAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\\x1d|<GS>|\{GS\}/gi, '\x1d'],
  [/\\x1e|<RS>|\{RS\}/gi, '\x1e'],
  [/\\x04|<EOT>|\{EOT\}/gi, '\x04'],
];

/**
 * One scan per line. `\x1d`, `<GS>` and `{GS}` mean ASCII 29 (likewise RS and EOT); blank lines
 * and lines starting with `#` are skipped. Nothing else is trimmed: spaces can be data.
 */
export function parseScanLines(text: string): string[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => ESCAPES.reduce((s, [pattern, char]) => s.replace(pattern, char), line));
}

const TERMINATOR_BYTES: Record<Terminator, readonly number[]> = {
  CR: [0x0d],
  LF: [0x0a],
  CRLF: [0x0d, 0x0a],
  ETX: [0x03],
  none: [],
};

/** The bytes a scanner sends for one scan: the data as UTF-8, then the terminator. */
export function encodeScan(scan: string, terminator: Terminator): Uint8Array {
  return Buffer.concat([Buffer.from(scan, 'utf8'), Buffer.from(TERMINATOR_BYTES[terminator])]);
}

export interface ScanSink {
  /** Resolves once the bytes have left (for a serial port: drained to the device). */
  write(bytes: Uint8Array): Promise<void>;
}

export interface WriteScansOptions {
  /** Scans per second (default 10). */
  rate?: number;
  terminator?: Terminator;
  signal?: AbortSignal;
}

export const DEFAULT_SCAN_RATE = 10;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Writes the scans at a steady rate (scheduled from the start, so slow writes do not drift). */
export async function writeScans(
  sink: ScanSink,
  scans: readonly string[],
  options: WriteScansOptions = {},
): Promise<number> {
  const rate = options.rate ?? DEFAULT_SCAN_RATE;
  if (!(rate > 0)) throw new RangeError(`rate must be > 0 scans per second (got ${rate})`);
  const terminator = options.terminator ?? 'CR';
  const interval = 1000 / rate;
  const start = Date.now();
  let written = 0;
  for (const [i, scan] of scans.entries()) {
    options.signal?.throwIfAborted();
    if (i > 0) await sleep(start + i * interval - Date.now());
    await sink.write(encodeScan(scan, terminator));
    written += 1;
  }
  return written;
}

export interface SerialSink extends ScanSink {
  readonly path: string;
  close(): Promise<void>;
}

/** Opens PATH (a real port, or one end of a socat pty pair) for writing scans. */
export async function openSerialSink(path: string, baudRate = 9600): Promise<SerialSink> {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  // Errors after open (an unplug) reach the pending write's callback; never crash on them.
  port.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return {
    path,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (err) => {
          if (err) reject(err);
          else port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) resolve();
        // A port whose device vanished may fail to close; it is gone either way.
        else port.close(() => resolve());
      }),
  };
}

export interface EmulateOptions extends WriteScansOptions {
  path: string;
  scans: readonly string[];
  baudRate?: number;
}

/** Opens the port, writes every scan, closes the port; returns how many scans were written. */
export async function emulateScanner(options: EmulateOptions): Promise<number> {
  const sink = await openSerialSink(options.path, options.baudRate);
  try {
    return await writeScans(sink, options.scans, options);
  } finally {
    await sink.close();
  }
}
