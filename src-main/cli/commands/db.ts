import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandFailed, UsageError } from '../errors';

export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description('The station database: migrations, checks, rebuilds, backups');

  db.command('migrate')
    .description('Apply pending migrations (the station also does this at start)')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { dataDir?: string }) => {
      const { resolveDataDir, databaseFile } = await import('../../paths');
      const { openDatabase } = await import('../../store/database');
      const { migrate, latestSchemaVersion } = await import('../../store/migrate');
      const dataDir = resolveDataDir(opts.dataDir);
      if (!existsSync(databaseFile(dataDir))) throw new UsageError(`no station data in ${dataDir}`);
      const handle = openDatabase(databaseFile(dataDir));
      try {
        const applied = migrate(handle);
        console.log(
          applied.length === 0
            ? `Schema is up to date (version ${latestSchemaVersion()}).`
            : `Applied ${applied.map((m) => `${m.version} ${m.name}`).join(', ')}; schema is now version ${latestSchemaVersion()}.`,
        );
      } finally {
        handle.close();
      }
    });

  db.command('check')
    .description('Integrity check (PRAGMA quick_check), schema version and log verification')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { dataDir?: string }) => {
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
        const version = station.db.pragma('user_version', { simple: true }) as number;
        console.log(`quick_check: ok; schema version ${version}; ${result.checked} events checked`);
        if (!result.ok)
          throw new CommandFailed(
            `log verification failed at seq ${result.firstBadSeq}: ${result.problem}`,
          );
      } finally {
        station.close();
      }
    });

  db.command('rebuild')
    .description('Rebuild every projection table from the event log, in one transaction')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { dataDir?: string }) => {
      const { rebuildProjections, createProjector } = await import('../../store/projections');
      const { projections } = await import('../../station');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const count = rebuildProjections(station.db, createProjector(station.repos, projections));
        console.log(`Rebuilt projections from ${count} events.`);
      } finally {
        station.close();
      }
    });

  db.command('backup')
    .description('Online backup of the station database to FILE (the station may keep running)')
    .argument('<file>', 'where to write the backup')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (file: string, opts: { dataDir?: string }) => {
      const { backupDatabase } = await import('../../store/backup');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const target = resolve(file);
        const summary = await backupDatabase(station.db, target);
        console.log(`Backup written to ${target}: ${summary.pages} pages, quick_check ok.`);
      } finally {
        station.close();
      }
    });
}
