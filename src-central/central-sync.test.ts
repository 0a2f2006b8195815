import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashRow } from '../src-main/store/event-hash';
import { signHash } from '../src-main/store/station-identity';
import { MAX_CLOCK_SKEW_MS, type WireEvent } from '../src-shared/sync/protocol';
import { ENROLL_CODE_TTL_MS } from './store/enrollment';
import {
  startTestCentral,
  testBackends,
  TestStation,
  type TestCentral,
} from './test-support/central-harness';

const BACKENDS = await testBackends();

describe.each(BACKENDS)('central sync on %s', (backend) => {
  let central: TestCentral;
  const stations: TestStation[] = [];
  const station = () => {
    const s = new TestStation(central);
    stations.push(s);
    return s;
  };
  const count = async (stationId: string) =>
    Number(
      (
        await central.db.query<{ n: unknown }>(
          'SELECT count(*) AS n FROM events WHERE station_id = $1',
          [stationId],
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    central = await startTestCentral(backend);
  });
  afterAll(async () => {
    await central.close();
  });
  afterEach(() => {
    while (stations.length) stations.pop()?.close();
  });

  describe('enrollment', () => {
    it('enrolls with a one-time code and refuses the code a second time', async () => {
      const s = station();
      const code = await central.newCode();
      const first = await s.enroll(code);
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({
        stationId: s.id,
        ackedSeq: 0,
        ackedHash: '0'.repeat(64),
        checkpointSize: 0,
      });
      const other = station();
      const again = await other.enroll(code);
      expect(again).toMatchObject({ status: 403, json: { error: 'enrollment-refused' } });
      expect(String(again.json.message)).toMatch(/already been used/);
    });

    it('refuses an expired code and an unknown one', async () => {
      const s = station();
      const code = await central.newCode();
      central.skew.ms = ENROLL_CODE_TTL_MS + 1000;
      try {
        expect((await s.enroll(code)).json).toMatchObject({
          error: 'enrollment-refused',
          message: expect.stringMatching(/expired/) as unknown,
        });
      } finally {
        central.skew.ms = 0;
      }
      expect((await s.enroll('AAAA-BBBB-CCCC-DDDD')).status).toBe(403);
    });

    it('re-enrolls the same key with a new code, refuses another key for a known station', async () => {
      const s = station();
      expect((await s.enroll()).status).toBe(200);
      s.append(2);
      expect((await s.uploadEvents(s.wire(1, 3))).status).toBe(200);
      const again = await s.enroll();
      expect(again).toMatchObject({ status: 200, json: { ackedSeq: 3 } });
      const impostor = station();
      const res = await impostor.request(
        'POST',
        '/v1/enroll',
        {
          code: await central.newCode(),
          stationId: s.id,
          publicKeyPem: impostor.core.keys.publicKeyPem,
          softwareVersion: '0.1.0',
        },
        { signed: false },
      );
      expect(res).toMatchObject({ status: 409, json: { error: 'enrollment-refused' } });
    });
  });

  describe('request signatures', () => {
    it('answers a signed GET /v1/station and /v1/time unsigned', async () => {
      const s = station();
      await s.enroll();
      expect((await s.request('GET', '/v1/station')).json).toMatchObject({
        stationId: s.id,
        ackedSeq: 0,
      });
      const time = await s.request('GET', '/v1/time', undefined, { signed: false });
      expect(Math.abs(Number(time.json.serverTime) - Date.now())).toBeLessThan(5000);
    });

    it('refuses a bad signature (and counts it), an unknown station and an old timestamp', async () => {
      const s = station();
      await s.enroll();
      expect(
        (await s.request('GET', '/v1/station', undefined, { tamperSignature: true })).json,
      ).toMatchObject({ error: 'unauthenticated' });
      expect((await s.request('GET', '/v1/station', undefined, { signed: false })).status).toBe(
        401,
      );
      const stats = (
        await central.db.query<{ verification_failures: number }>(
          'SELECT verification_failures FROM stations WHERE station_id = $1',
          [s.id],
        )
      )[0];
      expect(stats?.verification_failures).toBe(1);
      const stranger = station();
      expect((await stranger.request('GET', '/v1/station')).json).toMatchObject({
        error: 'unknown-station',
      });
      const old = await s.request('GET', '/v1/station', undefined, {
        timestamp: Date.now() - MAX_CLOCK_SKEW_MS - 10_000,
      });
      expect(old).toMatchObject({ status: 401, json: { error: 'replay' } });
    });

    it('signs the body before gzip: a gzipped batch verifies, a body changed after signing does not', async () => {
      const s = station();
      await s.enroll();
      s.append(3);
      expect((await s.uploadEvents(s.wire(1, 4), true)).json).toMatchObject({
        ackedSeq: 4,
        stored: 4,
      });
      const body = { batchId: 'x', events: s.wire(1, 4) };
      const res = await s.request('POST', '/v1/events', body, {
        raw: Buffer.from(JSON.stringify({ ...body, batchId: 'y' })),
      });
      expect(res.status).toBe(200);
    });
  });

  describe('event batches', () => {
    it('stores a batch, acknowledges a duplicate and an overlap without storing twice', async () => {
      const s = station();
      await s.enroll();
      s.append(5);
      const first = await s.uploadEvents(s.wire(1, 4));
      expect(first).toMatchObject({
        status: 200,
        json: { ackedSeq: 4, stored: 4, ackedHash: s.wire(4, 4)[0]?.hash },
      });
      expect((await s.uploadEvents(s.wire(1, 4))).json).toMatchObject({ ackedSeq: 4, stored: 0 });
      expect((await s.uploadEvents(s.wire(3, 6))).json).toMatchObject({ ackedSeq: 6, stored: 2 });
      expect(await count(s.id)).toBe(6);
      const stored = await central.db.query<{ payload: string; payload_json: unknown }>(
        'SELECT payload, payload_json FROM events WHERE station_id = $1 AND seq = 2',
        [s.id],
      );
      expect(stored[0]?.payload).toBe(s.wire(2, 2)[0]?.payload);
      expect(stored[0]?.payload_json).toEqual({ version: 0 });
    });

    it('stores a concurrent duplicate batch once', async () => {
      const s = station();
      await s.enroll();
      s.append(30);
      const results = await Promise.all([
        s.uploadEvents(s.wire(1, 31)),
        s.uploadEvents(s.wire(1, 31)),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(results.map((r) => r.json.stored).sort()).toEqual([0, 31]);
      expect(await count(s.id)).toBe(31);
    });

    it('answers a gap with where head office stands', async () => {
      const s = station();
      await s.enroll();
      s.append(6);
      await s.uploadEvents(s.wire(1, 3));
      const res = await s.uploadEvents(s.wire(5, 7));
      expect(res).toMatchObject({ status: 409, json: { error: 'gap', ackedSeq: 3 } });
      expect((await s.uploadEvents(s.wire(4, 7))).json).toMatchObject({ ackedSeq: 7, stored: 4 });
    });

    it('refuses a tampered payload with a relinked chain, storing nothing', async () => {
      const s = station();
      await s.enroll();
      s.append(4);
      await s.uploadEvents(s.wire(1, 2));
      // Whoever edits the database can recompute every hash, but cannot sign without the key.
      const events = s.wire(3, 5);
      let prev = s.wire(2, 2)[0]?.hash ?? '';
      const forged: WireEvent[] = events.map((e) => {
        const payload = e.seq === 3 ? '{"version":999}' : e.payload;
        const out = { ...e, payload, prevHash: prev };
        out.hash = hashRow({ ...out, subjectsJson: out.subjects, payloadJson: out.payload });
        prev = out.hash;
        return out;
      });
      const res = await s.uploadEvents(forged);
      expect(res).toMatchObject({ status: 422, json: { error: 'chain-broken', seq: 3 } });
      expect(String(res.json.message)).toMatch(/signature/);
      expect(await count(s.id)).toBe(2);
      const failures = await central.db.query<{ reason: string }>(
        'SELECT reason FROM verification_failures WHERE station_id = $1',
        [s.id],
      );
      expect(failures.map((f) => f.reason)).toEqual(['signature']);
      // Without the signatures the batch end is unsigned: refused as well.
      const unsigned = forged.map((e) => ({ ...e, signature: null }));
      const res2 = await s.uploadEvents(unsigned);
      expect(res2).toMatchObject({ status: 422, json: { error: 'chain-broken', seq: 5 } });
      expect(String(res2.json.message)).toMatch(/last event of a batch must carry/);
      expect(await count(s.id)).toBe(2);
    });

    it('refuses a payload edited without relinking, and an unsigned batch end', async () => {
      const s = station();
      await s.enroll();
      s.appendOneBatch(5);
      const events = s.wire(1, 6);
      const edited = events.map((e) => (e.seq === 4 ? { ...e, payload: '{"version":7}' } : e));
      expect((await s.uploadEvents(edited)).json).toMatchObject({ error: 'chain-broken', seq: 4 });
      // Events 2..5 are unsigned (one append): a batch cut before 6 does not end on a signature.
      expect((await s.uploadEvents(events.slice(0, 4))).json).toMatchObject({
        error: 'chain-broken',
        seq: 4,
      });
      expect((await s.uploadEvents(events)).json).toMatchObject({ ackedSeq: 6, stored: 6 });
    });

    it('refuses a resent event that differs from the one held, and events of another station', async () => {
      const s = station();
      await s.enroll();
      s.append(2);
      await s.uploadEvents(s.wire(1, 3));
      // The station's own key, but a rewritten history (a restored backup that diverged).
      const rewritten = s.wire(1, 3).map((e) => {
        if (e.seq !== 3) return e;
        const out = { ...e, payload: '{"version":42}' };
        out.hash = hashRow({ ...out, subjectsJson: out.subjects, payloadJson: out.payload });
        out.signature = signHash(s.core.keys.privateKey, out.hash);
        return out;
      });
      const res = await s.uploadEvents(rewritten);
      expect(res).toMatchObject({
        status: 409,
        json: { error: 'chain-broken', seq: 3, ackedSeq: 3 },
      });
      const other = station();
      other.append(1);
      const foreign = await s.uploadEvents(other.wire(1, 2));
      expect(foreign).toMatchObject({ status: 422, json: { error: 'chain-broken', seq: 1 } });
      expect(String(foreign.json.message)).toMatch(/belongs to station/);
    });

    it('refuses an over-size gzip body with too-large, and garbage with bad-request', async () => {
      const s = station();
      await s.enroll();
      const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
      const res = await s.request('POST', '/v1/events', undefined, { raw: huge, gzip: true });
      expect(res.json).toMatchObject({ error: 'too-large' });
      expect(res.status).toBe(413);
      // Beyond every bound (photos included), gunzip itself stops.
      const bomb = await s.request('POST', '/v1/events', undefined, {
        raw: Buffer.alloc(30 * 1024 * 1024),
        gzip: true,
      });
      expect(bomb).toMatchObject({ status: 413, json: { error: 'too-large' } });
      const bad = await s.request('POST', '/v1/events', undefined, { raw: Buffer.from('{nope') });
      expect(bad).toMatchObject({ status: 400, json: { error: 'bad-request' } });
    });

    it('serves the stored events to BI tools by lot, supplier and type', async () => {
      const s = station();
      await s.enroll();
      s.append(6, 'LOT-BI');
      await s.uploadEvents(s.wire(1, 7));
      const get = async (q: string, auth = true) => {
        const res = await fetch(`${central.url}/api/events?${q}`, {
          headers: auth ? { authorization: `Bearer ${central.token}` } : {},
        });
        return {
          status: res.status,
          json: (await res.json()) as {
            events: { seq: number; payload: unknown }[];
            next: unknown;
          },
        };
      };
      expect((await get('lot=LOT-BI', false)).status).toBe(401);
      const byLot = await get(`lot=LOT-BI&station=${s.id}`);
      expect(byLot.json.events.map((e) => e.seq)).toEqual([2, 4, 6]);
      expect(byLot.json.events[0]?.payload).toEqual({ version: 0 });
      expect((await get(`supplier=SUP-2&station=${s.id}`)).json.events.map((e) => e.seq)).toEqual([
        3, 5, 7,
      ]);
      const page = await get(`type=demo.seeded&station=${s.id}&limit=4`);
      expect(page.json.events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
      expect(
        (await get(`type=demo.seeded&station=${s.id}&afterSeq=5`)).json.events.map((e) => e.seq),
      ).toEqual([6, 7]);
    });
  });
});
