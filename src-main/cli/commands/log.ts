import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandFailed, UsageError } from '../errors';

export function registerLog(program: Command): void {
  const log = program.command('log').description('The tamper-evident event log');
  log
    .command('verify')
    .description(
      'Check every seq, hash link, signature and checkpoint; exit 1 naming the first bad seq',
    )
    .option('--data-dir <dir>', 'station data directory')
    .option(
      '--checkpoint <file>',
      'also verify against a checkpoint held elsewhere (from "qcs log checkpoint"): catches a truncated log',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { dataDir?: string; checkpoint?: string; json?: boolean }) => {
      const { verifyLog } = await import('../../store/log-verify');
      const { parseCheckpoint } = await import('../../store/log-checkpoints');
      const { publicKeyFromPem } = await import('../../store/station-identity');
      const { openExistingStation } = await import('../open-existing');
      const checkpoint = opts.checkpoint ? readCheckpoint(opts.checkpoint, parseCheckpoint) : null;
      const station = openExistingStation(opts.dataDir);
      try {
        const result = verifyLog(
          station.db,
          publicKeyFromPem(station.keys.publicKeyPem),
          station.stationId,
          checkpoint ? { checkpoint } : {},
        );
        if (opts.json) console.log(JSON.stringify(result));
        else if (result.ok)
          console.log(
            `Log verified: ${result.checked} events, every hash link and signature holds; ` +
              `${result.checkpoints} checkpoint(s) match the log.`,
          );
        if (!result.ok)
          throw new CommandFailed(
            result.firstBadSeq === null
              ? `Log verification failed: ${result.problem}`
              : `Log verification failed at seq ${result.firstBadSeq}: ${result.problem}`,
          );
      } finally {
        station.close();
      }
    });

  log
    .command('checkpoint')
    .description('Print the latest signed checkpoint of the log as JSON: what head office keeps')
    .option('--data-dir <dir>', 'station data directory')
    .option('--out <file>', 'write the checkpoint to FILE instead of printing it')
    .action(async (opts: { dataDir?: string; out?: string }) => {
      const { storedCheckpoints } = await import('../../store/log-checkpoints');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const latest = storedCheckpoints(station.db).at(-1);
        if (!latest)
          throw new CommandFailed(
            'No checkpoint yet: the station writes one as its log grows and whenever it closes.',
          );
        const text = `${JSON.stringify(latest, null, 2)}\n`;
        const behind = station.repos.events.count() - latest.headSeq;
        const note =
          behind > 0
            ? ` The log has grown by ${behind} event(s) since; the next checkpoint covers them.`
            : '';
        if (opts.out) {
          const target = resolve(opts.out);
          writeFileSync(target, text);
          console.log(
            `Checkpoint ${latest.number} (events 1–${latest.headSeq}, head ${latest.headHash.slice(0, 16)}…) written to ${target}.${note}`,
          );
        } else {
          process.stdout.write(text);
          if (note) process.stderr.write(`${note.trim()}\n`);
        }
      } finally {
        station.close();
      }
    });
}

/** A checkpoint file that cannot be read or is not a checkpoint is a usage mistake (exit 2). */
function readCheckpoint<T>(file: string, parse: (text: string) => T): T {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError(`cannot read the checkpoint file ${file}`);
  }
  try {
    return parse(text);
  } catch (err) {
    throw new UsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
