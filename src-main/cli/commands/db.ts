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
        const summary = await backupDatabase(station.db, target, {
          stationId: station.stationId,
          publicKey: station.keys.publicKey,
          publicKeyPem: station.keys.publicKeyPem,
        });
        console.log(
          `Backup written to ${target}: ${summary.pages} pages, quick_check ok, log verified up to event ${summary.headSeq}.`,
        );
      } finally {
        station.close();
      }
    });

  db.command('restore')
    .description(
      "Replace the station database with a verified backup of this same station (the station must be stopped; the key in keys/ must be the station's)",
    )
    .argument('<file>', 'the backup to restore')
    .option('--data-dir <dir>', 'station data directory')
    .option('--force', 'restore even though the current log holds events the backup lacks')
    .action(async (file: string, opts: { dataDir?: string; force?: boolean }) => {
      const { resolveDataDir } = await import('../../paths');
      const { restoreBackup, RestoreRefused } = await import('../../backup/restore');
      const dataDir = resolveDataDir(opts.dataDir);
      try {
        const result = restoreBackup({ file, dataDir, force: opts.force ?? false });
        console.log(
          `Restored station ${result.stationId} up to event ${result.headSeq} into ${dataDir}.` +
            (result.keptAs ? ` The replaced database is kept as ${result.keptAs}.` : '') +
            (result.setAside ? ` ${result.setAside} later event(s) are only in that file.` : ''),
        );
      } catch (err) {
        if (err instanceof RestoreRefused) throw new CommandFailed(err.message);
        throw err;
      }
    });
}
