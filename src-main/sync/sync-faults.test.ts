import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testBackends } from '../../src-central/test-support/central-harness';
import type { CentralDb } from '../../src-central/db';
import { migrateCentral } from '../../src-central/migrate';
import { startCentralServer, type RunningCentral } from '../../src-central/server';
import { createEnrollCode } from '../../src-central/store/enrollment';
import { openStationCore, type StationCore } from '../station';
import { FaultProxy, prng } from '../test-support/fault-proxy';
import { tempDir } from '../test-support/temp-dir';
import { PhotoStore } from '../vision/photo-store';
import { SyncService } from './sync-service';

const MIN_EVENTS = 10_000;
const MIN_FAULTS = 1_000;
const SEED = Number(process.env.QCS_FAULT_SEED ?? 20261128);
// The real server when there is one (CI has it): the same code path as head office runs.
const backend = (await testBackends()).at(-1) ?? 'pglite';

describe(`sync under faults (${backend}, seed ${SEED})`, () => {
  const dir = tempDir('qcs-faults-');
  let db: CentralDb;
  let cleanup: () => Promise<void>;
  let central: RunningCentral | null = null;
  let port = 0;
  let core: StationCore;

  const startCentral = async () => {
    central = await startCentralServer({ db, adminToken: 'faults', port });
    port = Number(new URL(central.url).port);
  };

  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb(backend));
    await migrateCentral(db);
    await startCentral();
    core = openStationCore(dir.path, { checkpointEvery: 500 });
  });
  afterAll(async () => {
    core.close();
    await central?.close();
    await cleanup();
    dir.cleanup();
  });

  it(`delivers ≥ ${MIN_EVENTS} events exactly once through ≥ ${MIN_FAULTS} faults and central restarts`, async () => {
    const random = prng(SEED);
    const proxy = new FaultProxy(() => `http://127.0.0.1:${port}`, random, {
      faultRate: 0.55,
      stallMs: 160,
    });
    const proxyUrl = await proxy.start();
    const service = new SyncService({
      db: core.db,
      repos: core.repos,
      log: core.log,
      keys: core.keys,
      stationId: core.stationId,
      photos: new PhotoStore(dir.path),
      retry: { attempts: 4, baseMs: 2, maxMs: 10 },
      timeoutMs: 120,
      batchEvents: 12,
    });
    const code = (await createEnrollCode(db, new Date())).code;
    // Enrollment goes straight to head office: the faults are for the upload.
    await service.enroll(central?.url ?? '', code, 'system');
    core.repos.sync.enroll(proxyUrl, Date.now(), 0, '0'.repeat(64));

    let version = 0;
    /** Appends of 1 to 25 events (only the last of each is signed), as the dock produces them. */
    const appendSome = (n: number) => {
      for (let left = n; left > 0;) {
        const size = Math.min(left, 1 + Math.floor(random() * 25));
        core.log.appendMany(
          Array.from({ length: size }, () => ({
            type: 'demo.seeded' as const,
            payload: { version: (version += 1) },
            actor: 'usr-dock',
            subjects: [`lot:lot-${version % 97}`],
          })),
        );
        left -= size;
      }
    };

    let rounds = 0;
    let restarts = 0;
    let failedRounds = 0;
    for (;;) {
      if (core.log.head().seq < MIN_EVENTS || proxy.faults < MIN_FAULTS) appendSome(400);
      const down = rounds % 9 === 4;
      if (down) {
        await central?.close();
        central = null;
        // Head office comes back while the station is still retrying, or after the round gave up.
        setTimeout(() => void startCentral(), Math.floor(random() * 60));
        restarts += 1;
      }
      const r = await service.runRound();
      if (!central) await new Promise((res) => setTimeout(res, 80));
      if (r.errors.length > 0) failedRounds += 1;
      rounds += 1;
      const link = core.repos.sync.link();
      const done =
        core.log.head().seq >= MIN_EVENTS &&
        proxy.faults >= MIN_FAULTS &&
        r.errors.length === 0 &&
        link?.acked_seq === core.log.head().seq;
      if (done) break;
      expect(rounds, 'the sync never converged').toBeLessThan(3000);
      expect(link?.events_paused ?? null).toBeNull();
    }
    await proxy.stop();

    // Head office holds exactly the station's log: same count, same hashes, no gaps, no doubles.
    const head = core.log.head();
    const rows = await db.query<{ seq: unknown; hash: string }>(
      'SELECT seq, hash FROM events WHERE station_id = $1 ORDER BY seq',
      [core.stationId],
    );
    const local = core.db
      .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq')
      .all();
    expect(rows.length).toBe(head.seq);
    expect(rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }))).toEqual(local);
    expect(rows.at(-1)?.hash).toBe(head.hash);
    const held = await db.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM checkpoints WHERE station_id = $1',
      [core.stationId],
    );
    expect(Number(held[0]?.n)).toBeGreaterThan(0);

    const counts = Object.fromEntries(proxy.counts);
    console.log(
      `sync faults: ${head.seq} events, ${proxy.faults} faults ${JSON.stringify(counts)}, ${rounds} rounds (${failedRounds} cut short), ${restarts} central restarts`,
    );
    expect(head.seq).toBeGreaterThanOrEqual(MIN_EVENTS);
    expect(proxy.faults).toBeGreaterThanOrEqual(MIN_FAULTS);
    for (const fault of ['reset-before', 'reset-after', 'duplicate', 'replay-older', 'stall']) {
      expect(proxy.counts.get(fault as never) ?? 0, fault).toBeGreaterThan(20);
    }
  }, 600_000);
});
