/**
 * The station's log file: JSON lines in `<dataDir>/logs/station.log`, rotated by size
 * (station.log → station.1.log → … → station.<keep>.log, the oldest dropped).
 *
 * Our own ~100 lines instead of pino + pino-roll: pino's file transports run in a worker
 * thread that loads its target module from disk by name, which our esbuild bundle and the
 * asar would both have to special-case, and pino-roll rotates by time/size in that worker,
 * so a crash can lose the lines that explain it. Here every line is written synchronously
 * before the call returns (a station logs a few lines a minute, not thousands a second), the
 * same code runs in Electron's main process and under plain Node (`qcs serve`), and rotation
 * is a rename chain that a test can watch.
 *
 * What goes in: start/stop, errors with their stack, crashes and reloads. Never user names,
 * badges, PINs or supplier data: callers log call names and error messages, and diagnostics
 * (diagnostics.ts) ship these files as they are.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  close(): void;
}

export interface LoggerOptions {
  /** Folder of the log files, usually `logsDir(dataDir)`. */
  dir: string;
  /** File stem: `<name>.log`, `<name>.1.log`… */
  name?: string;
  /** Rotate once the current file reaches this size (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 5). */
  keep?: number;
  /** Also echo each line to stderr (a terminal running `qcs serve`). */
  echo?: boolean;
  clock?: () => number;
}

export const LOG_FILE_NAME = 'station';

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** An Error as plain JSON: message and stack survive JSON.stringify. */
function jsonSafe(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(options: LoggerOptions): Logger {
  const name = options.name ?? LOG_FILE_NAME;
  const maxBytes = options.maxBytes ?? 5 * 1_048_576;
  const keep = options.keep ?? 5;
  const clock = options.clock ?? Date.now;
  const file = (n: number) => join(options.dir, n === 0 ? `${name}.log` : `${name}.${n}.log`);
  mkdirSync(options.dir, { recursive: true });
  let fd: number | null = openSync(file(0), 'a');
  let size = fstatSync(fd).size;

  const rotate = () => {
    if (fd !== null) closeSync(fd);
    rmSync(file(keep), { force: true });
    for (let n = keep - 1; n >= 0; n -= 1) {
      if (existsSync(file(n))) renameSync(file(n), file(n + 1));
    }
    fd = openSync(file(0), 'a');
    size = 0;
  };

  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (fd === null) return;
    const extra = Object.fromEntries(
      Object.entries(fields ?? {}).map(([k, v]) => [k, jsonSafe(v)]),
    );
    const line = `${JSON.stringify({ time: new Date(clock()).toISOString(), level, msg, ...extra })}\n`;
    const bytes = Buffer.byteLength(line);
    // Rotate before a line that would overflow, so no file grows past maxBytes (unless one
    // line alone is bigger: it is still written whole, never cut).
    if (size > 0 && size + bytes > maxBytes) rotate();
    size += writeSync(fd, line);
    if (options.echo) process.stderr.write(`[${level}] ${msg}\n`);
  };

  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
