import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `qcs diagnostics --data-dir D --out FILE`: the same zip as the app's "Collect diagnostics". */
export function registerDiagnostics(program: Command): void {
  program
    .command('diagnostics')
    .description(
      'Write a zip of the logs, versions, settings and log-verify summary (no personal data)',
    )
    .option('--data-dir <dir>', 'station data directory')
    .option('--out <file>', 'zip file to write (default: a dated name in the current folder)')
    .action(async (opts: { dataDir?: string; out?: string }) => {
      const { collectStationDiagnostics } = await import('../../logging/station-diagnostics');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const d = await collectStationDiagnostics(station, station.dataDir, 'cli');
        const target = resolve(opts.out ?? d.fileName);
        writeFileSync(target, d.zip);
        console.log(
          `Diagnostics (${d.entries.length} files, ${d.zip.length} bytes) written to ${target}.`,
        );
      } finally {
        station.close();
      }
    });
}
