import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openTestDb } from '../src-central/test-support/central-harness';
import { migrateCentral } from '../src-central/migrate';
import { copyTextLine } from '../src-central/store/copy-text';
import { createEnrollCode } from '../src-central/store/enrollment';
import { openStationCore } from '../src-main/station';
import type { EventRow } from '../src-main/store/event-log';
import { SyncService } from '../src-main/sync/sync-service';
import { QCS_BIN } from '../src-main/test-support/run-cli';
import { tempDir } from '../src-main/test-support/temp-dir';
import { PhotoStore } from '../src-main/vision/photo-store';
import { openDelivery, scanEvent } from './event-append.bench';
import { median, result, type Benchmark } from './harness';

const EVENTS = 60_000;
const APPEND = 20;
const ROUNDS = 3;

function copyLine(r: EventRow, receivedAt: string): string {
  return copyTextLine([
    r.station_id,
    r.seq,
    r.id,
    r.recorded_at,
    r.actor,
    r.co_actor,
    r.type,
    r.subjects,
    r.payload,
    r.payload,
    r.reason,
    r.prev_hash,
    r.hash,
    r.signature,
    receivedAt,
  ]);
}

/** `qcs central serve` on PostgreSQL; answers its URL once it listens. */
async function serveCentral(dataDir: string, databaseUrl: string) {
  const child = spawn(
    process.execPath,
    [QCS_BIN, 'central', 'serve', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    },
  );
  const adminFile = join(dataDir, 'central-admin.json');
  for (let i = 0; i < 400 && !existsSync(adminFile); i += 1) {
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!existsSync(adminFile)) throw new Error('qcs central serve did not start');
  const { url } = JSON.parse(readFileSync(adminFile, 'utf8')) as { url: string };
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const syncThroughput: Benchmark = {
  name: 'sync-throughput',
  description: `events/s from a station into PostgreSQL over loopback HTTP to qcs central serve (${EVENTS.toLocaleString('en')} scan events, signed, verified, committed), against a bare COPY of the same rows`,
  targets: {
    'sync-throughput': {
      minRatio: 0.3,
      why: 'issue 8: sync reaches at least 0.3x of a bare COPY into the same table',
    },
  },
  async run() {
    const { db, cleanup } = await openTestDb('postgres');
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    try {
      await migrateCentral(db);
      // The baseline's connection goes to the same database the central service writes.
      const dbName = (await db.query<{ d: string }>('SELECT current_database() AS d'))[0]?.d;
      const copyUrl = new URL(url);
      copyUrl.pathname = `/${dbName}`;
      // Head office in its own process, as it runs (`qcs central serve`), on the same server.
      const centralDir = tempDir('qcs-bench-central-');
      const central = await serveCentral(centralDir.path, copyUrl.toString());
      const client = new pg.Client({ connectionString: copyUrl.toString() });
      await client.connect();
      const syncRates: number[] = [];
      const copyRates: number[] = [];
      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const dir = tempDir('qcs-bench-sync-');
          const core = openStationCore(dir.path);
          try {
            openDelivery(core);
            for (let i = 0; core.repos.events.count() < EVENTS; i += APPEND) {
              core.log.appendMany(Array.from({ length: APPEND }, (_, k) => scanEvent(i + k)));
            }
            const service = new SyncService({
              db: core.db,
              repos: core.repos,
              log: core.log,
              keys: core.keys,
              stationId: core.stationId,
              photos: new PhotoStore(dir.path),
            });
            await service.enroll(
              central.url,
              (await createEnrollCode(db, new Date())).code,
              'system',
            );
            // Counted after enrolling: the enrollment is an event of the log too.
            const n = core.repos.events.count();
            const started = performance.now();
            const r = await service.runRound();
            const seconds = (performance.now() - started) / 1000;
            if (r.errors.length > 0 || r.ackedSeq !== n) {
              throw new Error(
                `sync round failed: ${r.errors.join('; ')} (acked ${r.ackedSeq}/${n})`,
              );
            }
            syncRates.push(n / seconds);

            // Baseline: the same rows, COPY'd into a table like head office's (same indexes).
            await client.query('DROP TABLE IF EXISTS bench_copy');
            await client.query('CREATE TABLE bench_copy (LIKE events INCLUDING ALL)');
            const rows = core.repos.events.after(0, n);
            const receivedAt = new Date().toISOString();
            const copyStarted = performance.now();
            await pipeline(
              Readable.from(rows.map((row) => copyLine(row, receivedAt))),
              client.query(
                copyFrom(
                  'COPY bench_copy (station_id, seq, id, recorded_at, actor, co_actor, type, subjects, payload, payload_json, reason, prev_hash, hash, signature, received_at) FROM STDIN',
                ),
              ),
            );
            copyRates.push(n / ((performance.now() - copyStarted) / 1000));
            await client.query('DROP TABLE bench_copy');
          } finally {
            core.close();
            dir.cleanup();
          }
        }
      } finally {
        await client.end();
        await central.close();
        centralDir.cleanup();
      }
      const syncRate = median(syncRates);
      const copyRate = median(copyRates);
      return [
        result({
          name: 'sync-throughput',
          value: syncRate,
          unit: 'events/s',
          baseline:
            'bare COPY of the same rows into a table like events (same indexes), same database',
          baselineValue: copyRate,
          notes: `median of ${ROUNDS} rounds of ${EVENTS.toLocaleString('en')} events; sync ${syncRates.map((x) => Math.round(x)).join('/')} ev/s, COPY ${copyRates.map((x) => Math.round(x)).join('/')} ev/s`,
        }),
      ];
    } finally {
      await cleanup();
    }
  },
};
