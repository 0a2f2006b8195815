import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStationCore, type StationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { canonicalRow, GENESIS_HASH } from './event-hash';
import { EventValidationError } from './event-log';
import { verifyLog } from './log-verify';
import { publicKeyFromPem } from './station-identity';

let dir: ReturnType<typeof tempDir>;
let core: StationCore;

const supplier = (id: string, standing: 'approved' | 'probation' = 'approved') => ({
  type: 'supplier.upserted' as const,
  payload: {
    supplierId: id,
    code: id.toUpperCase(),
    name: `Supplier ${id}`,
    standing,
    contact: '',
    cumulativeSalesCny: 0,
    documents: [],
    audits: [],
  },
  actor: 'usr-1',
  subjects: [`supplier:${id}`],
});

beforeEach(() => {
  dir = tempDir();
  core = openStationCore(dir.path);
});
afterEach(() => {
  core.close();
  dir.cleanup();
});

const verify = () => verifyLog(core.db, publicKeyFromPem(core.keys.publicKeyPem), core.stationId);

describe('event log', () => {
  it('starts with the station identity as event 1, chained to the genesis hash and signed', () => {
    const first = core.db.prepare('SELECT * FROM events WHERE seq = 1').get() as Record<
      string,
      unknown
    >;
    expect(first.type).toBe('station.initialized');
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(first.signature).toEqual(expect.any(String));
    expect(verify()).toMatchObject({ ok: true, checked: 1 });
  });

  it('chains, hashes and signs the last event of each append, and writes projections in the same transaction', () => {
    const [a, b] = core.log.appendMany([supplier('a'), supplier('b')]);
    const c = core.log.append(supplier('a', 'probation'));
    expect(a?.seq).toBe(2);
    expect(b?.prevHash).toBe(a?.hash);
    expect(a?.signature).toBeNull();
    expect(b?.signature).toEqual(expect.any(String));
    expect(c.signature).toEqual(expect.any(String));
    expect(core.repos.suppliers.byId('a')?.standing).toBe('probation');
    expect(core.repos.suppliers.all()).toHaveLength(2);
    expect(verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('hashes the RFC 8785 canonical JSON of the row', () => {
    const e = core.log.append(supplier('z'));
    const row = {
      seq: e.seq,
      id: e.id,
      stationId: e.stationId,
      recordedAt: e.recordedAt,
      actor: e.actor,
      coActor: e.coActor,
      type: e.type,
      subjectsJson: JSON.stringify(e.subjects),
      payloadJson: e.payloadJson,
      reason: e.reason,
      prevHash: e.prevHash,
    };
    const full = {
      actor: e.actor,
      coActor: e.coActor,
      id: e.id,
      payload: JSON.parse(e.payloadJson) as unknown,
      prevHash: e.prevHash,
      reason: e.reason,
      recordedAt: e.recordedAt,
      seq: e.seq,
      stationId: e.stationId,
      subjects: e.subjects,
      type: e.type,
    };
    expect(canonicalRow(row)).toBe(canonicalize(full));
  });

  it('refuses a malformed payload and writes nothing', () => {
    const before = core.repos.events.count();
    expect(() =>
      core.log.append({
        type: 'supplier.upserted',
        payload: { supplierId: 'x' } as never,
        actor: 'u',
      }),
    ).toThrow(EventValidationError);
    expect(core.repos.events.count()).toBe(before);
  });

  it('rolls back the events when a projection fails, so log and tables never disagree', () => {
    const before = core.repos.events.count();
    // A lot for a delivery that does not exist breaks the foreign key inside the projection.
    expect(() =>
      core.log.append({
        type: 'lot.received',
        payload: {
          lotId: 'l1',
          deliveryId: 'missing',
          gtin: '06920001000011',
          lot: 'A',
          quantity: 1,
          expiry: null,
          production: null,
          receivedOn: '2026-11-28',
        },
        actor: 'u',
      }),
    ).toThrow();
    expect(core.repos.events.count()).toBe(before);
    expect(verify().ok).toBe(true);
  });

  it('announces events only after the outermost transaction commits', () => {
    const seen: number[] = [];
    core.log.onAppended((events) => seen.push(...events.map((e) => e.seq)));
    core.log.transaction(() => {
      core.log.append(supplier('p'));
      core.log.append(supplier('q'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([2, 3]);
    expect(() =>
      core.log.transaction(() => {
        core.log.append(supplier('r'));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(seen).toEqual([2, 3]);
    expect(core.repos.suppliers.byId('r')).toBeUndefined();
  });

  it('rejects UPDATE and DELETE on events (append-only triggers)', () => {
    core.log.append(supplier('t'));
    expect(() => core.db.prepare("UPDATE events SET actor = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => core.db.prepare('DELETE FROM events WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('detects an edited row, a broken link, a gap and an unsigned tail, naming the seq', () => {
    core.log.appendMany([supplier('a'), supplier('b'), supplier('c')]);
    core.log.append(supplier('d'));
    core.db.exec('DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');

    core.db
      .prepare(
        `UPDATE events SET payload = replace(payload, 'Supplier b', 'Supplier B') WHERE seq = 3`,
      )
      .run();
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 3 });

    core.db
      .prepare(
        `UPDATE events SET payload = replace(payload, 'Supplier B', 'Supplier b') WHERE seq = 3`,
      )
      .run();
    expect(verify().ok).toBe(true);

    core.db.prepare('DELETE FROM events WHERE seq = 4').run();
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('detects rows appended without the station key', () => {
    core.log.append(supplier('a'));
    const head = core.log.head();
    core.db
      .prepare(
        `INSERT INTO events (seq, id, station_id, recorded_at, actor, type, subjects, payload, prev_hash, hash)
         VALUES (?, 'forged', ?, 0, 'x', 'demo.seeded', '[]', '{"version":1}', ?, 'ff')`,
      )
      .run(head.seq + 1, core.stationId, head.hash);
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: head.seq + 1 });
  });
});
