import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkpointDigest, storedCheckpoints } from '../src-main/store/log-checkpoints';
import { signHash } from '../src-main/store/station-identity';
import type { LogCheckpoint } from '../src-shared/sync/protocol';
import {
  startTestCentral,
  testBackends,
  TestStation,
  type TestCentral,
} from './test-support/central-harness';

const BACKENDS = await testBackends();

describe.each(BACKENDS)('checkpoints and photos on %s', (backend) => {
  let central: TestCentral;
  const stations: TestStation[] = [];
  const station = async () => {
    const s = new TestStation(central);
    stations.push(s);
    await s.enroll();
    return s;
  };
  /** A checkpoint signed with the station's key, as a station whose log was cut would write. */
  const signed = (
    s: TestStation,
    c: Omit<LogCheckpoint, 'signature' | 'kind' | 'version' | 'stationId'>,
  ): LogCheckpoint => {
    const unsigned = {
      kind: 'qcs.log-checkpoint' as const,
      version: 1 as const,
      stationId: s.id,
      ...c,
    };
    return { ...unsigned, signature: signHash(s.core.keys.privateKey, checkpointDigest(unsigned)) };
  };

  beforeAll(async () => {
    central = await startTestCentral(backend);
  });
  afterAll(async () => {
    await central.close();
  });
  afterEach(() => {
    while (stations.length) stations.pop()?.close();
  });

  it('stores the station checkpoints idempotently and reports the largest', async () => {
    const s = await station();
    s.append(4);
    const cp = signed(s, {
      number: 1,
      logSize: 5,
      headSeq: 5,
      headHash: s.wire(5, 5)[0]?.hash ?? '',
      createdAt: Date.now(),
    });
    const res = await s.request('POST', '/v1/checkpoints', { checkpoints: [cp] });
    expect(res).toMatchObject({ status: 200, json: { checkpointSize: 5 } });
    expect((await s.request('POST', '/v1/checkpoints', { checkpoints: [cp] })).json).toEqual({
      checkpointSize: 5,
    });
    expect((await s.request('GET', '/v1/station')).json).toMatchObject({
      checkpointSize: 5,
      ackedSeq: 0,
    });
    // Events uploaded later must agree with the checkpoint held.
    expect((await s.uploadEvents(s.wire(1, 5))).json).toMatchObject({ ackedSeq: 5 });
  });

  it("accepts the checkpoints the station's LogCheckpoints writes", async () => {
    const s = new TestStation(central, { checkpointEvery: 2 });
    stations.push(s);
    await s.enroll();
    s.append(5);
    const written = storedCheckpoints(s.core.db);
    expect(written.length).toBeGreaterThanOrEqual(2);
    const res = await s.request('POST', '/v1/checkpoints', { checkpoints: written });
    expect(res).toMatchObject({ status: 200, json: { checkpointSize: written.at(-1)?.logSize } });
    expect((await s.uploadEvents(s.wire(1, 6))).json).toMatchObject({ ackedSeq: 6 });
  });

  it('refuses a checkpoint that says the log is shorter than one already held, and a forged one', async () => {
    const s = await station();
    s.append(6);
    const hash = (seq: number) => s.wire(seq, seq)[0]?.hash ?? '';
    const ok = signed(s, {
      number: 1,
      logSize: 7,
      headSeq: 7,
      headHash: hash(7),
      createdAt: Date.now(),
    });
    expect((await s.request('POST', '/v1/checkpoints', { checkpoints: [ok] })).status).toBe(200);
    const shorter = signed(s, {
      number: 2,
      logSize: 4,
      headSeq: 4,
      headHash: hash(4),
      createdAt: Date.now(),
    });
    const res = await s.request('POST', '/v1/checkpoints', { checkpoints: [shorter] });
    expect(res).toMatchObject({ status: 409, json: { error: 'checkpoint-conflict' } });
    expect(String(res.json.message)).toMatch(/shorter/);
    const forged = {
      ...signed(s, { number: 3, logSize: 9, headSeq: 9, headHash: hash(7), createdAt: 1 }),
      logSize: 10,
      headSeq: 10,
    };
    expect(
      (await s.request('POST', '/v1/checkpoints', { checkpoints: [forged] })).json,
    ).toMatchObject({ error: 'chain-broken' });
    // A batch whose event at the checkpoint's head differs is a conflict too.
    await s.uploadEvents(s.wire(1, 3));
    const other = signed(s, {
      number: 2,
      logSize: 8,
      headSeq: 8,
      headHash: 'a'.repeat(64),
      createdAt: Date.now(),
    });
    expect((await s.request('POST', '/v1/checkpoints', { checkpoints: [other] })).status).toBe(200);
    s.append(1);
    const conflict = await s.uploadEvents(s.wire(4, 8));
    expect(conflict).toMatchObject({ status: 409, json: { error: 'checkpoint-conflict', seq: 8 } });
    expect((await s.request('GET', '/v1/station')).json).toMatchObject({ ackedSeq: 3 });
  });

  it('refuses a checkpoint contradicting events head office holds', async () => {
    const s = await station();
    s.append(3);
    await s.uploadEvents(s.wire(1, 4));
    const cp = signed(s, {
      number: 1,
      logSize: 2,
      headSeq: 2,
      headHash: s.wire(3, 3)[0]?.hash ?? '',
      createdAt: Date.now(),
    });
    expect((await s.request('POST', '/v1/checkpoints', { checkpoints: [cp] })).json).toMatchObject({
      error: 'checkpoint-conflict',
    });
  });

  it('stores photos by hash: HEAD, PUT once, mismatch refused', async () => {
    const s = await station();
    const bytes = Buffer.from('not really a jpeg, but bytes all the same');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const put = (body: Buffer, name = sha) =>
      s.request('PUT', `/v1/photos/${name}`, undefined, {
        raw: body,
        contentType: 'application/octet-stream',
      });
    expect((await s.request('HEAD', `/v1/photos/${sha}`)).status).toBe(404);
    expect((await put(bytes)).status).toBe(201);
    expect((await put(bytes)).status).toBe(200);
    expect((await s.request('HEAD', `/v1/photos/${sha}`)).status).toBe(200);
    const wrong = await put(Buffer.from('other bytes'));
    expect(wrong).toMatchObject({ status: 422, json: { error: 'photo-mismatch' } });
    const stored = await central.db.query<{ bytes: Uint8Array; size: number }>(
      'SELECT bytes, size FROM photos WHERE sha256 = $1',
      [sha],
    );
    expect(Buffer.from(stored[0]?.bytes ?? []).equals(bytes)).toBe(true);
    expect(
      (await s.request('HEAD', `/v1/photos/${sha}`, undefined, { tamperSignature: true })).status,
    ).toBe(401);
  });
});
