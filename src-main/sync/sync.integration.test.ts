import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCentral,
  testBackends,
  type TestCentral,
} from '../../src-central/test-support/central-harness';
import { importMasterData } from '../../src-central/import';
import { raiseRefreshFloor } from '../../src-central/store/master-data';
import type { OpenResult } from '../../src-shared/api/domain-intake';
import type { SyncRoundResult } from '../../src-shared/api/domain-sync';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { callAs, valueOf } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';

const FAST_RETRY = { attempts: 3, baseMs: 5, maxMs: 20 };
const backends = await testBackends();

/** What head office holds of one station: count, last seq and the hash of its newest event. */
async function centralCopy(central: TestCentral, stationId: string) {
  const rows = await central.db.query<{ n: unknown; last: unknown }>(
    'SELECT count(*) AS n, max(seq) AS last FROM events WHERE station_id = $1',
    [stationId],
  );
  const n = Number(rows[0]?.n ?? 0);
  const last = Number(rows[0]?.last ?? 0);
  const head = await central.db.query<{ hash: string }>(
    'SELECT hash FROM events WHERE station_id = $1 AND seq = $2',
    [stationId, last],
  );
  return { count: n, lastSeq: last, headHash: head[0]?.hash ?? null };
}

function supplierPayload(station: Station, supplierId: string): Record<string, unknown> {
  const row = station.db
    .prepare<[string], { payload: string }>(
      `SELECT e.payload FROM events e JOIN event_subjects s ON s.seq = e.seq
       WHERE s.subject = ? AND e.type = 'supplier.upserted' ORDER BY e.seq DESC LIMIT 1`,
    )
    .get(`supplier:${supplierId}`);
  if (!row) throw new Error(`no supplier.upserted for ${supplierId}`);
  return JSON.parse(row.payload) as Record<string, unknown>;
}

describe.each(backends)('station ↔ head office over HTTP (%s)', (backend) => {
  let central: TestCentral;
  let dir: ReturnType<typeof tempDir>;
  let station: Station;

  beforeAll(async () => {
    central = await startTestCentral(backend);
  });
  afterAll(async () => {
    await central.close();
  });
  beforeEach(() => {
    dir = tempDir('qcs-sync-');
    station = openStation({
      dataDir: dir.path,
      mode: 'browser',
      demo: true,
      validateOutput: true,
      sync: { retry: FAST_RETRY, timeoutMs: 5000 },
    });
  });
  afterEach(() => {
    station.close();
    dir.cleanup();
  });

  const enroll = async () =>
    valueOf(
      callAs(station, 'admin', 'sync.enroll', {
        centralUrl: central.url,
        code: await central.newCode(),
      }),
    );

  it('refuses to sync before enrollment, and only an admin enrolls', async () => {
    await expect(station.sync.syncNow()).rejects.toThrow(/not enrolled/);
    expect(station.sync.status().state).toBe('not-configured');
    const byManager = await callAs(station, 'qc-manager', 'sync.enroll', {
      centralUrl: central.url,
      code: await central.newCode(),
    });
    expect(byManager).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const badCode = await callAs(station, 'admin', 'sync.enroll', {
      centralUrl: central.url,
      code: 'WRONG-CODE-0000',
    });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(badCode.error.message).toMatch(/refused the enrollment/);
  });

  it('uploads every event exactly once and ends with the same head hash as the station', async () => {
    await enroll();
    const first = await valueOf(callAs<SyncRoundResult>(station, 'inspector', 'sync.now', {}));
    const head = station.log.head();
    expect(first.errors).toEqual([]);
    expect(first.ackedSeq).toBe(head.seq);
    expect(first.uploadedEvents).toBe(head.seq);
    expect(await centralCopy(central, station.stationId)).toEqual({
      count: head.seq,
      lastSeq: head.seq,
      headHash: head.hash,
    });
    const status = station.sync.status();
    expect(status).toMatchObject({ state: 'idle', pendingEvents: 0, offlineAlarm: false });
    expect(status.lastSuccessAt).not.toBeNull();

    // New facts go up in the next round; nothing already acknowledged is sent again.
    await callAs(station, 'inspector', 'intake.open', { code: demoSscc(101) });
    const second = await station.sync.syncNow();
    const after = station.log.head();
    expect(second.uploadedEvents).toBe(after.seq - head.seq);
    expect(await centralCopy(central, station.stationId)).toMatchObject({
      count: after.seq,
      headHash: after.hash,
    });
    expect((await station.sync.syncNow()).uploadedEvents).toBe(0);
  });

  it('applies a blacklisting from head office in one round: that supplier’s next delivery is refused at the dock', async () => {
    await enroll();
    await station.sync.syncNow();
    const payload = { ...supplierPayload(station, 'sup-northfield'), standing: 'blacklisted' };
    const report = await importMasterData(central.db, {
      fileName: 'suppliers.json',
      text: JSON.stringify({ suppliers: [payload] }),
    });
    expect(report.rejected).toEqual([]);

    const round = await station.sync.syncNow();
    expect(round.errors).toEqual([]);
    expect(round.pulledChanges).toBeGreaterThanOrEqual(1);
    expect(station.repos.suppliers.byId('sup-northfield')?.standing).toBe('blacklisted');
    const opened = await valueOf(
      callAs<OpenResult>(station, 'inspector', 'intake.open', { code: demoSscc(101) }),
    );
    expect(opened.status).toBe('refused');
    // Head office's change is an event of the station's log, by head office, and goes back up.
    const applied = station.db
      .prepare<[], { actor: string }>(
        "SELECT actor FROM events WHERE type = 'supplier.upserted' ORDER BY seq DESC LIMIT 1",
      )
      .get();
    expect(applied?.actor).toBe('head-office');
    // The same change pulled again appends nothing.
    const before = station.log.head().seq;
    await station.sync.syncNow();
    expect(
      station.db
        .prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM events WHERE seq > ? AND type = 'supplier.upserted'",
        )
        .get(before)?.n,
    ).toBe(0);
  });

  it('uploads the photos the log refers to, once, by hash', async () => {
    await enroll();
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#c33' },
    })
      .jpeg()
      .toBuffer();
    const photo = await station.photos.put(jpeg);
    await valueOf(
      callAs(station, 'qc-manager', 'complaints.record', {
        source: 'customer-service',
        description: 'Swollen pack',
        lotId: 'lot-stock-1',
        photos: [photo.sha256],
      }),
    );
    expect((await station.sync.syncNow()).uploadedPhotos).toBe(1);
    const stored = await central.db.query<{ size: unknown }>(
      'SELECT size FROM photos WHERE sha256 = $1',
      [photo.sha256],
    );
    expect(Number(stored[0]?.size)).toBe(photo.bytes);
    expect(station.sync.status().pendingPhotos).toBe(0);
    expect((await station.sync.syncNow()).uploadedPhotos).toBe(0);
  });

  it('a full refresh replaces the station’s copy: a user head office withdrew can no longer sign in', async () => {
    await enroll();
    const user = {
      userId: 'usr-ho-1',
      name: 'Wang Fang',
      role: 'inspector',
      badge: 'QCS-HO-0001',
      pin: '4321',
      active: true,
    };
    await importMasterData(central.db, {
      fileName: 'users.json',
      text: JSON.stringify({ users: [user] }),
    });
    await station.sync.syncNow();
    const signIn = () =>
      station.registry.dispatch(
        'auth.signIn',
        { badge: 'QCS-HO-0001', pin: '4321' },
        { clientId: 'screen-ho', transport: 'test' },
      );
    expect(await signIn()).toMatchObject({ ok: true });

    // Head office's user list no longer has her: a fresh import of others, then a full refresh.
    await central.db.query("DELETE FROM master_changes WHERE kind = 'user'");
    await raiseRefreshFloor(central.db);
    const round = await station.sync.syncNow();
    expect(round.errors).toEqual([]);
    expect(station.repos.users.byId('usr-ho-1')?.active).toBe(0);
    expect(await signIn()).toMatchObject({ ok: false });
    // Demo users are the station's own (not from head office): a refresh leaves them alone.
    expect(station.repos.users.byId('usr-manager-1')?.active).toBe(1);
  });

  it('offline: the round fails with a clear error, nothing is lost, and the next round catches up', async () => {
    await enroll();
    await station.sync.syncNow();
    station.repos.sync.enroll(
      'http://127.0.0.1:9',
      Date.now(),
      station.log.head().seq,
      station.log.head().hash,
    );
    await callAs(station, 'inspector', 'intake.open', { code: demoSscc(102) });
    const offline = await station.sync.syncNow();
    expect(offline.errors[0]).toMatch(/cannot be reached/);
    expect(station.sync.status()).toMatchObject({ state: 'offline' });
    expect(station.sync.status().pendingEvents).toBeGreaterThan(0);

    station.repos.sync.enroll(central.url, Date.now(), 0, '0'.repeat(64));
    const back = await station.sync.syncNow();
    expect(back.errors).toEqual([]);
    const head = station.log.head();
    expect(await centralCopy(central, station.stationId)).toMatchObject({
      count: head.seq,
      headHash: head.hash,
    });
  });
});
