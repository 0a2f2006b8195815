import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AdminFile } from '../../../src-central/admin-access';
import type { CentralDb } from '../../../src-central/db';
import type { ImportInput } from '../../../src-central/import';
import { CommandFailed, parseIntOption, UsageError } from '../errors';

export const DEFAULT_CENTRAL_PORT = 4790;

/** `--data-dir`, else `central/` under the station's default data directory. */
async function centralDir(option: string | undefined): Promise<string> {
  if (option) return resolve(option);
  const { resolveDataDir } = await import('../../paths');
  return join(resolveDataDir(undefined), 'central');
}

/**
 * Runs an admin action through the running server when its admin file names one that answers
 * (PGlite allows one process per data directory), else on the database directly.
 */
async function viaServerOrDb<T>(
  dataDirOption: string | undefined,
  http: (admin: AdminFile) => Promise<T>,
  direct: (db: CentralDb) => Promise<T>,
): Promise<T> {
  const access = await import('../../../src-central/admin-access');
  const dataDir = await centralDir(dataDirOption);
  const server = await access.liveServer(dataDir);
  if (server && server !== 'stale') return http(server);
  if (server === 'stale') {
    process.stderr.write(
      `Ignoring ${access.adminFilePath(dataDir)}: the server it names does not answer (stale file).\n`,
    );
  }
  const db = await access.openCentralForCommand(dataDir, process.env.DATABASE_URL);
  try {
    return await direct(db);
  } finally {
    await db.close();
  }
}

export function registerCentral(program: Command): void {
  const central = program
    .command('central')
    .description('Head office: the central sync service and its administration');

  central
    .command('serve')
    .description('Run the head-office service (PGlite in --data-dir, or DATABASE_URL)')
    .option(
      '--port <n>',
      'TCP port (0 picks a free one)',
      parseIntOption('--port', 0, 65535),
      DEFAULT_CENTRAL_PORT,
    )
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option(
      '--data-dir <dir>',
      'where PGlite keeps its data and the admin file (default: <station data dir>/central)',
    )
    .action(async (opts: { port: number; host: string; dataDir?: string }) => {
      const { mkdirSync } = await import('node:fs');
      const access = await import('../../../src-central/admin-access');
      const { startCentralServer, newAdminToken } = await import('../../../src-central/server');
      const dataDir = await centralDir(opts.dataDir);
      mkdirSync(dataDir, { recursive: true });
      const running = await access.liveServer(dataDir);
      if (running && running !== 'stale') {
        throw new UsageError(
          `head office already runs for ${dataDir} at ${running.url} (pid ${running.pid})`,
        );
      }
      const db = await access.openCentralForCommand(dataDir, process.env.DATABASE_URL);
      const token = newAdminToken();
      const server = await startCentralServer({
        db,
        adminToken: token,
        host: opts.host,
        port: opts.port,
        log: (line) => console.error(line),
      });
      access.writeAdminFile(dataDir, { url: server.url, pid: process.pid, token });
      const where = process.env.DATABASE_URL
        ? 'PostgreSQL (DATABASE_URL)'
        : `PGlite in ${join(dataDir, 'pgdata')}`;
      console.log(`Head office at ${server.url}  database: ${where}`);
      console.log(`Admin token in ${access.adminFilePath(dataDir)}`);
      let closing = false;
      const shutdown = () => {
        if (closing) return;
        closing = true;
        access.removeAdminFile(dataDir, process.pid);
        void server
          .close()
          .then(() => db.close())
          .finally(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });

  central
    .command('enroll-code')
    .description('Make a one-time enrollment code for a station (valid 24 hours)')
    .option('--data-dir <dir>', 'head-office data directory')
    .action(async (opts: { dataDir?: string }) => {
      const { createEnrollCode } = await import('../../../src-central/store/enrollment');
      const access = await import('../../../src-central/admin-access');
      const code = await viaServerOrDb(
        opts.dataDir,
        (admin) =>
          access.adminCall<{ code: string; expiresAt: string }>(
            admin,
            'POST',
            '/admin/enroll-codes',
          ),
        (db) => createEnrollCode(db, new Date()),
      );
      console.log(`${code.code}  (valid until ${code.expiresAt}; use it once: qcs station enroll)`);
    });

  central
    .command('stats')
    .description('Stations, their events, last contact and verification failures')
    .option('--data-dir <dir>', 'head-office data directory')
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      const { stationStats } = await import('../../../src-central/store/stations');
      const access = await import('../../../src-central/admin-access');
      type Stats = { stations: Awaited<ReturnType<typeof stationStats>> };
      const stats = await viaServerOrDb<Stats>(
        opts.dataDir,
        (admin) => access.adminCall<Stats>(admin, 'GET', '/admin/stats'),
        async (db) => ({ stations: await stationStats(db) }),
      );
      if (opts.json) {
        console.log(JSON.stringify(stats));
        return;
      }
      if (stats.stations.length === 0) console.log('No station has enrolled yet.');
      for (const s of stats.stations) {
        console.log(
          `${s.stationId}  events ${s.events}  last seq ${s.lastSeq}  last contact ${s.lastContact ?? 'never'}  verification failures ${s.verificationFailures}`,
        );
      }
    });

  central
    .command('import')
    .description(
      'Import master data (JSON, or CSV with one kind per file) for the stations to pull',
    )
    .argument('<file>', 'suppliers.csv, skus.csv…, or a JSON file')
    .option('--data-dir <dir>', 'head-office data directory')
    .option('--format <format>', 'json or csv (default: from the file name)')
    .action(async (file: string, opts: { dataDir?: string; format?: string }) => {
      if (opts.format !== undefined && opts.format !== 'json' && opts.format !== 'csv') {
        throw new UsageError(`--format is json or csv (got "${opts.format}")`);
      }
      let text: string;
      try {
        text = readFileSync(resolve(file), 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
      }
      const { importMasterData } = await import('../../../src-central/import');
      const access = await import('../../../src-central/admin-access');
      const input: ImportInput = {
        fileName: basename(file),
        text,
        format: opts.format === 'csv' || opts.format === 'json' ? opts.format : undefined,
      };
      type Report = Awaited<ReturnType<typeof importMasterData>>;
      const report = await viaServerOrDb<Report>(
        opts.dataDir,
        (admin) => access.adminCall<Report>(admin, 'POST', '/admin/import', input),
        (db) => importMasterData(db, input),
      );
      const accepted = Object.entries(report.accepted).map(([kind, n]) => `${n} ${kind}`);
      console.log(
        `Imported ${report.fileName}: ${accepted.length ? accepted.join(', ') : 'no change'}` +
          `; ${report.unchanged} unchanged; ${report.rejected.length} rejected.`,
      );
      for (const r of report.rejected) {
        console.log(
          `  ${r.row}${r.kind ? ` (${r.kind}${r.key ? ` ${r.key}` : ''})` : ''}: ${r.reason}`,
        );
      }
      if (report.rejected.length > 0) {
        throw new CommandFailed(
          `${report.rejected.length} row(s) rejected; the valid rows were imported.`,
        );
      }
    });

  central
    .command('full-refresh')
    .description('Make every station reload all master data at its next pull')
    .option('--data-dir <dir>', 'head-office data directory')
    .action(async (opts: { dataDir?: string }) => {
      const { raiseRefreshFloor } = await import('../../../src-central/store/master-data');
      const access = await import('../../../src-central/admin-access');
      const result = await viaServerOrDb(
        opts.dataDir,
        (admin) => access.adminCall<{ floor: number }>(admin, 'POST', '/admin/full-refresh'),
        async (db) => ({ floor: await raiseRefreshFloor(db) }),
      );
      console.log(
        `Every station reloads its master data at its next pull (cursor floor ${result.floor}).`,
      );
    });
}
