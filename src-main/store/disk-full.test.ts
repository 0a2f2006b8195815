import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../src-shared/api/domain-backup';
import { AppError } from '../api/app-error';
import { caseGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, projections, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { quickCheck } from './database';
import { verifyLog } from './log-verify';
import { projectionTables } from './migrations';
import { createProjector, rebuildProjections } from './projections';
import { publicKeyFromPem } from './station-identity';

const CYCLES = 100;
const TODAY = '2026-11-28';
let now = Date.parse(`${TODAY}T09:00:00`);
let dir: ReturnType<typeof tempDir>;
let station: Station;
const pushed: StorageStatus[] = [];
let lotNo = 0;
/** Scans the station refused (each one used a lot number that must not be in the tables). */
let refusedScans = 0;

/** A carton of milk with a lot of its own: a new lot is three events in one transaction. */
function scanNewLot() {
  now += 1000;
  lotNo += 1;
  return station.scans.submit({
    data: `]C101${caseGtin('692000100001')}17270517${'10'}L${lotNo}`,
    source: 'wedge',
    device: 'wedge-1',
    actor: 'usr-inspector-1',
  });
}

const pragma = (name: string) => station.db.pragma(name, { simple: true }) as number;
const count = (sql: string) => (station.db.prepare(sql).get() as { n: number }).n;

const DELIVERY = `dlv-${TODAY}-1`;
const ofDelivery = `json_extract(payload, '$.deliveryId') = '${DELIVERY}'`;
const countedScans = `FROM events WHERE type = 'scan.recorded' AND ${ofDelivery} AND json_extract(payload, '$.outcome') = 'counted'`;

/** Nothing half-written: no gap in the log, every lot has its event and its counting scan. */
function assertConsistent() {
  expect(count('SELECT MAX(seq) AS n FROM events')).toBe(count('SELECT COUNT(*) AS n FROM events'));
  const lots = count(`SELECT COUNT(*) AS n FROM lots WHERE delivery_id = '${DELIVERY}'`);
  expect(lots).toBe(lotNo - refusedScans);
  expect(lots).toBe(
    count(`SELECT COUNT(*) AS n FROM events WHERE type = 'lot.received' AND ${ofDelivery}`),
  );
  // Each new lot was counted by exactly one scan in the same transaction, never apart from it.
  expect(lots).toBe(count(`SELECT COUNT(*) AS n ${countedScans}`));
  expect(
    count(`SELECT COALESCE(SUM(quantity), 0) AS n FROM lots WHERE delivery_id = '${DELIVERY}'`),
  ).toBe(count(`SELECT COALESCE(SUM(json_extract(payload, '$.units')), 0) AS n ${countedScans}`));
  // The last committed event carries the signature: a head left unsigned would be a torn append.
  expect(
    station.db.prepare('SELECT signature FROM events ORDER BY seq DESC LIMIT 1').get(),
  ).toMatchObject({ signature: expect.any(String) as string });
}

/** Every projection table, as sorted rows: compared before and after a rebuild from the log. */
function snapshot(): Record<string, string[]> {
  return Object.fromEntries(
    projectionTables.map((t) => [
      t,
      station.db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

beforeAll(() => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    // The probe's disk checks stay real; only the free-space floor is lowered for the test disk.
    dataSafety: { storage: { minFreeBytes: 1024 * 1024, headroomPages: 8, probeEveryMs: 100 } },
  });
  station.bus.subscribe((event, payload) => {
    if (event === 'storage.status') pushed.push(payload as StorageStatus);
  });
  station.scans.submit({
    data: `]C100${demoSscc(101)}`,
    source: 'wedge',
    device: 'wedge-1',
    actor: 'usr-inspector-1',
  });
});
afterAll(() => {
  station.close();
  dir.cleanup();
});

describe('a full disk while scanning (SQLITE_FULL from a capped max_page_count)', () => {
  it(`refuses scans with a clear message, writes nothing half, and resumes by itself — ${CYCLES} cycles`, () => {
    const started = Date.now();
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      // "The disk is full": no page beyond those the database has now (per connection).
      station.db.pragma(`max_page_count = ${pragma('page_count')}`);
      let refusal: unknown = null;
      for (let i = 0; i < 200 && refusal === null; i += 1) {
        try {
          scanNewLot();
        } catch (err) {
          refusal = err;
        }
      }
      expect(refusal).toBeInstanceOf(AppError);
      const error = refusal as AppError;
      expect(error.code).toBe('unavailable');
      expect(error.params).toEqual({ reason: 'storage-full' });
      expect(error.message).toMatch(/disk is full: this scan was NOT recorded/);
      expect(pushed.at(-1)?.state).toBe('full');
      // While full, the next scan is refused up front — it does not even try.
      const headBefore = station.log.head().seq;
      expect(() => scanNewLot()).toThrow(/NOT recorded/);
      expect(station.log.head().seq).toBe(headBefore);
      refusedScans += 2;
      assertConsistent();

      // "Space returns": the next scan goes through, with no restart and nobody clearing it.
      station.db.pragma(`max_page_count = ${pragma('page_count') + 10_000}`);
      const ok = scanNewLot();
      expect(ok.outcome).toBe('counted');
      expect(ok.seq).toBe(station.log.head().seq);
      expect(pushed.at(-1)?.state).toBe('ok');

      if (cycle % 25 === 0 || cycle === CYCLES) {
        const verdict = verifyLog(
          station.db,
          publicKeyFromPem(station.keys.publicKeyPem),
          station.stationId,
        );
        expect(verdict).toMatchObject({ ok: true, problem: null });
        expect(quickCheck(station.db)).toBeNull();
        const before = snapshot();
        rebuildProjections(station.db, createProjector(station.repos, projections));
        expect(snapshot()).toEqual(before);
      }
    }
    const elapsed = Date.now() - started;
    console.log(
      `disk-full: ${CYCLES} cycles, ${refusedScans} refusals, ${lotNo} scans, ${station.log.head().seq} events, ${elapsed} ms`,
    );
  });

  it('says so through the API: a refused scan is an `unavailable` error with a reason the UI translates', async () => {
    station.db.pragma(`max_page_count = ${pragma('page_count')}`);
    const { callAs } = await import('../test-support/station-calls');
    let reply = await callAs<unknown>(station, 'inspector', 'scan.submit', {
      data: `]C101${caseGtin('692000100001')}17270517${'10'}LX${lotNo}`,
      source: 'wedge',
    });
    for (let i = 0; i < 200 && reply.ok; i += 1) {
      lotNo += 1;
      reply = await callAs<unknown>(station, 'inspector', 'scan.submit', {
        data: `]C101${caseGtin('692000100001')}17270517${'10'}LX${lotNo}`,
        source: 'wedge',
      });
    }
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'unavailable', params: { reason: 'storage-full' } },
    });
    const status = await callAs<StorageStatus>(station, 'inspector', 'storage.status', {});
    expect(status.value.state).toBe('full');
    station.db.pragma(`max_page_count = ${pragma('page_count') + 10_000}`);
    // Nobody scans: the background probe notices the room by itself.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pushed.at(-1)?.state).toBe('ok');
    expect(
      (await callAs<StorageStatus>(station, 'inspector', 'storage.status', {})).value.state,
    ).toBe('ok');
  });
});
