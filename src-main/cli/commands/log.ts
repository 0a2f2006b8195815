import type { Command } from 'commander';
import { CommandFailed } from '../errors';

export function registerLog(program: Command): void {
  const log = program.command('log').description('The tamper-evident event log');
  log
    .command('verify')
    .description('Check every hash link and signature; exit 1 naming the first bad seq')
    .option('--data-dir <dir>', 'station data directory')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      const { verifyLog } = await import('../../store/log-verify');
      const { publicKeyFromPem } = await import('../../store/station-identity');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const result = verifyLog(
          station.db,
          publicKeyFromPem(station.keys.publicKeyPem),
          station.stationId,
        );
        if (opts.json) console.log(JSON.stringify(result));
        else if (result.ok)
          console.log(
            `Log verified: ${result.checked} events, every hash link and signature holds.`,
          );
        if (!result.ok)
          throw new CommandFailed(
            `Log verification failed at seq ${result.firstBadSeq}: ${result.problem}`,
          );
      } finally {
        station.close();
      }
    });
}
