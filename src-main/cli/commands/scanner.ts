import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { openSerialSink, parseScanLines, writeScans } from '../../devices/scanner-emulator';
import { explainOpenError } from '../../devices/serial-port-io';
import { CommandFailed, parseIntOption, UsageError } from '../errors';

// Exported so tests (and the serial integration test) drive the same code as the command. The
// module is light: it loads `serialport` only when a port is opened.
export {
  encodeScan,
  emulateScanner,
  openSerialSink,
  parseScanLines,
  writeScans,
} from '../../devices/scanner-emulator';

const EMULATOR_TERMINATORS = ['CR', 'LF', 'CRLF'] as const;
type EmulatorTerminator = (typeof EMULATOR_TERMINATORS)[number];

function parseTerminator(value: string): EmulatorTerminator {
  const upper = value.toUpperCase();
  const found = EMULATOR_TERMINATORS.find((t) => t === upper);
  if (!found) {
    throw new UsageError(`--terminator must be CR, LF or CRLF (got "${value}")`);
  }
  return found;
}

/** A port that is not there is a usage mistake (exit 2); one that will not open is a failure. */
function openError(path: string, err: unknown): Error {
  const { failure, detail } = explainOpenError(path, err);
  return failure === 'missing' ? new UsageError(detail) : new CommandFailed(detail);
}

export function registerScanner(program: Command): void {
  const scanner = program.command('scanner').description('Serial barcode scanners');

  scanner
    .command('emulate')
    .description(
      'Play a scanner: write the scans in FILE to a serial port (or one end of a socat pty pair)',
    )
    .requiredOption('--port <path>', 'serial device to write to (/dev/ttyUSB0, COM3, a pty)')
    .requiredOption(
      '--file <scans>',
      'UTF-8 text, one scan per line; \\x1d, <GS> or {GS} mean GS (ASCII 29); blank and # lines skipped',
    )
    .option('--rate <n>', 'scans per second', parseIntOption('--rate', 1, 1000), 10)
    .option('--terminator <t>', 'sent after each scan: CR, LF or CRLF', parseTerminator, 'CR')
    .option('--baud-rate <n>', 'baud rate', parseIntOption('--baud-rate', 50, 4_000_000), 9600)
    .action(
      async (opts: {
        port: string;
        file: string;
        rate: number;
        terminator: EmulatorTerminator;
        baudRate: number;
      }) => {
        let text: string;
        try {
          text = await readFile(opts.file, 'utf8');
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          throw new UsageError(
            code === 'ENOENT'
              ? `no scan file at ${opts.file}`
              : `cannot read ${opts.file}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        const scans = parseScanLines(text);
        if (scans.length === 0) {
          throw new UsageError(
            `${opts.file} has no scans (blank lines and # comments are skipped)`,
          );
        }
        // Windows COM names are not files; there the open error says whether the port exists.
        if (process.platform !== 'win32' && !existsSync(opts.port)) {
          throw new UsageError(`no serial port at ${opts.port}`);
        }
        const sink = await openSerialSink(opts.port, opts.baudRate).catch((err: unknown) => {
          throw openError(opts.port, err);
        });
        let written: number;
        try {
          written = await writeScans(sink, scans, {
            rate: opts.rate,
            terminator: opts.terminator,
          });
        } catch (err) {
          throw new CommandFailed(
            `writing to ${opts.port} failed: ${err instanceof Error ? err.message : String(err)}`,
          );
        } finally {
          await sink.close();
        }
        console.log(
          `Wrote ${written} ${written === 1 ? 'scan' : 'scans'} to ${opts.port} (${opts.terminator} after each, ${opts.rate} per second).`,
        );
      },
    );
}
