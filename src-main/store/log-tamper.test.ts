import Database from 'better-sqlite3';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed';
import { openStationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { hashRow } from './event-hash';
import type { EventRow, NewEvent } from './event-log';
import {
  checkpointDigest,
  parseCheckpoint,
  storedCheckpoints,
  type LogCheckpoint,
} from './log-checkpoints';
import { verifyLog, type VerifyResult } from './log-verify';
import { publicKeyFromPem } from './station-identity';

/**
 * Issue 7, "Done when": 10,000 random mutations, deletions, reorderings and truncations of a
 * copy of the log are all detected by `qcs log verify` (truncation against the last checkpoint).
 *
 * One station log is built through the real EventLog (the demo seed in one append, then carton
 * scans in appends of 2–9 events, a correction, signed checkpoints every 20 events and on
 * close). Each case tampers with a fresh in-memory copy of that database directly in SQL, as an
 * attacker with the file but without the station key would — the append-only triggers are
 * dropped first — and runs the function `qcs log verify` runs. The checkpoint "held elsewhere"
 * is the one `qcs log checkpoint` would have handed to head office when the station closed.
 */

const RUNS = 10_000;
const SEED = 20_261_125;
const CHECKPOINT_EVERY = 20;

const GTIN = '16920001000018';
const LOT = 'L1128A';

const scanEvent = (i: number): NewEvent<'scan.recorded'> => ({
  type: 'scan.recorded',
  payload: {
    scanId: `scan-${i}`,
    source: 'wedge',
    data: `]C101${GTIN}17270517\u001d10${LOT}\u001d21C${i}`,
    deliveryId: 'dlv-t',
    valid: true,
    gtin: GTIN,
    lot: LOT,
    lotId: 'lot-t',
    units: 12,
  },
  actor: 'usr-inspector-1',
  subjects: ['delivery:dlv-t', 'lot:lot-t'],
});

const supplierEvent = (contact: string): NewEvent<'supplier.upserted'> => ({
  type: 'supplier.upserted',
  payload: {
    supplierId: 'sup-t',
    code: 'T',
    name: 'Tamper Test Foods',
    standing: 'approved',
    contact,
    cumulativeSalesCny: 0,
    documents: [],
    audits: [],
  },
  actor: 'usr-manager-1',
  subjects: ['supplier:sup-t'],
});

interface Pristine {
  /** The attacker's copy: the station database with the append-only triggers dropped. */
  bytes: Buffer;
  publicKey: ReturnType<typeof publicKeyFromPem>;
  stationId: string;
  head: number;
  signedSeqs: number[];
  checkpoints: LogCheckpoint[];
  /** What head office holds: the checkpoint written when the station closed. */
  external: LogCheckpoint;
}

let pristine: Pristine;
const dir = tempDir();

beforeAll(() => {
  let now = Date.parse('2026-11-25T09:00:00');
  const core = openStationCore(dir.path, {
    clock: () => (now += 1000),
    checkpointEvery: CHECKPOINT_EVERY,
  });
  const rnd = fc.sample(fc.integer({ min: 2, max: 9 }), { numRuns: 200, seed: SEED });
  seedDemo(core.log, core.repos, '2026-11-25');
  const [supplier] = core.log.appendMany([
    supplierEvent('+86 10 0000 000'),
    {
      type: 'delivery.expected',
      payload: {
        deliveryId: 'dlv-t',
        number: 'ASN-TAMPER',
        supplierId: 'sup-t',
        expectedDate: '2026-11-25',
        ssccs: [],
        lines: [{ lineNo: 1, gtin: GTIN, quantity: 10_000, unit: 'EA' }],
      },
      actor: 'usr-manager-1',
    },
    {
      type: 'lot.received',
      payload: {
        lotId: 'lot-t',
        deliveryId: 'dlv-t',
        gtin: GTIN,
        lot: LOT,
        quantity: 0,
        expiry: '2027-05-17',
        production: null,
        receivedOn: '2026-11-25',
      },
      actor: 'usr-inspector-1',
    },
  ]);
  let scans = 0;
  for (let i = 0; scans < 90; i += 1) {
    const n = rnd[i % rnd.length] ?? 1;
    core.log.appendMany(Array.from({ length: n }, () => scanEvent((scans += 1))));
    if (scans >= 45 && scans - n < 45) {
      // A correction: a new event naming the one it corrects; nothing is edited.
      core.log.append({
        ...supplierEvent('+86 10 1234 5678'),
        reason: 'contact number mistyped',
        corrects: supplier?.id ?? '',
      });
    }
  }
  const stationId = core.stationId;
  const publicKey = publicKeyFromPem(core.keys.publicKeyPem);
  core.close();

  const file = new Database(join(dir.path, 'station.db'), { readonly: true });
  const image = file.serialize();
  file.close();
  // The file is in WAL mode, which an in-memory database cannot be: bytes 18 and 19 of the
  // header are the file-format read/write versions (2 = WAL, 1 = rollback journal).
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  copy.exec(`DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;
    DROP TRIGGER log_checkpoints_append_only_update; DROP TRIGGER log_checkpoints_append_only_delete;`);
  // Only the log is under test: the projections go, so that each of the 10,000 copies is small
  // and quick to open (the verifier reads the events and the checkpoints, nothing else).
  copy.pragma('foreign_keys = OFF');
  const keep = new Set(['events', 'log_checkpoints', 'station']);
  for (const { name } of copy
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all()) {
    if (!keep.has(name)) copy.exec(`DROP TABLE "${name}"`);
  }
  copy.exec('VACUUM');
  const head = (copy.prepare('SELECT max(seq) AS s FROM events').get() as { s: number }).s;
  const signedSeqs = copy
    .prepare<[], { seq: number }>('SELECT seq FROM events WHERE signature IS NOT NULL')
    .all()
    .map((r) => r.seq);
  const stored = storedCheckpoints(copy);
  const bytes = copy.serialize();
  copy.close();
  const last = stored.at(-1);
  if (!last) throw new Error('no checkpoint was written');
  pristine = {
    bytes,
    publicKey,
    stationId,
    head,
    signedSeqs,
    checkpoints: stored,
    // Through the same JSON head office would receive.
    external: parseCheckpoint(JSON.stringify(last)),
  };
});
afterAll(() => dir.cleanup());

const foreignKey = generateKeyPairSync('ed25519').privateKey;
const foreignSign = (hashHex: string) =>
  sign(null, Buffer.from(hashHex, 'hex'), foreignKey).toString('base64');

const KINDS = [
  'payload-char',
  'field',
  'signature-bytes',
  'signature-text',
  'signature-moved',
  'unsign-head',
  'delete-row',
  'swap-seqs',
  'rotate-seqs',
  'renumber',
  'truncate',
  'truncate-to-checkpoint',
  'append-forged',
  'rechain',
  'drop-checkpoint',
  'checkpoint-field',
  'forge-checkpoint',
  'drop-checkpoints-table',
] as const;
type Kind = (typeof KINDS)[number];

/** A tampering, as fast-check generates it; the numbers pick rows, positions and variants. */
interface Mutation {
  kind: Kind;
  a: number;
  b: number;
  c: number;
}

const FIELDS = [
  'actor',
  'co_actor',
  'recorded_at',
  'type',
  'subjects',
  'reason',
  'id',
  'station_id',
  'prev_hash',
  'hash',
] as const;
const HEX = '0123456789abcdef';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

/** A character other than `old`, picked by n. */
const otherChar = (old: string, n: number, alphabet: string) => {
  const c = alphabet[n % alphabet.length] ?? 'x';
  return c === old ? (alphabet[(n + 1) % alphabet.length] ?? 'y') : c;
};
const otherHex = (old: string, n: number) => {
  const p = n % old.length;
  return old.slice(0, p) + otherChar(old[p] ?? '', n >> 6, HEX) + old.slice(p + 1);
};

/**
 * Applies one tampering to the copy. Returns whether only a checkpoint held elsewhere can
 * reveal it (the log was cut short, or checkpoints at its end were dropped, consistently).
 */
function tamper(db: Database.Database, m: Mutation): { needsExternal: boolean } {
  const { head, signedSeqs, checkpoints } = pristine;
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    const found = statements.get(sql) ?? db.prepare(sql);
    statements.set(sql, found);
    return found;
  };
  const run = (sql: string, ...params: unknown[]) => {
    const changes = prepared(sql).run(...params).changes;
    if (changes === 0) throw new Error(`${m.kind}: "${sql}" changed nothing`);
  };
  const row = (seq: number) => prepared('SELECT * FROM events WHERE seq = ?').get(seq) as EventRow;
  const seqA = 1 + (m.a % head);
  const seqB = 1 + (m.b % head);
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;
  const rehash = (r: EventRow) =>
    hashRow({
      seq: r.seq,
      id: r.id,
      stationId: r.station_id,
      recordedAt: r.recorded_at,
      actor: r.actor,
      coActor: r.co_actor,
      type: r.type,
      subjectsJson: r.subjects,
      payloadJson: r.payload,
      reason: r.reason,
      prevHash: r.prev_hash,
    });
  switch (m.kind) {
    case 'payload-char': {
      const { payload } = row(seqA);
      const p = m.b % payload.length;
      const changed =
        payload.slice(0, p) +
        otherChar(payload[p] ?? '', m.c, '{}[]":,0123abcXYZ ') +
        payload.slice(p + 1);
      run('UPDATE events SET payload = ? WHERE seq = ?', changed, seqA);
      return { needsExternal: false };
    }
    case 'field': {
      const r = row(seqA);
      const field = pick(FIELDS, m.b);
      const value = {
        actor: r.actor === 'usr-manager-1' ? 'usr-inspector-1' : 'usr-manager-1',
        co_actor: r.co_actor === null ? 'usr-manager-1' : null,
        recorded_at: r.recorded_at + (m.c % 2 === 0 ? 1 : -1) * (1 + (m.c % 86_400_000)),
        type: r.type === 'lot.decided' ? 'scan.recorded' : 'lot.decided',
        subjects: r.subjects === '[]' ? '["lot:lot-t"]' : '[]',
        reason: r.reason === null ? 'tampered' : null,
        id: `tampered-${m.c}`,
        station_id: 'ST-ATTACKER00',
        prev_hash: otherHex(r.prev_hash, m.c),
        hash: otherHex(r.hash, m.c),
      }[field];
      run(`UPDATE events SET ${field} = ? WHERE seq = ?`, value, seqA);
      return { needsExternal: false };
    }
    case 'signature-bytes': {
      const seq = pick(signedSeqs, m.a);
      const bytes = Buffer.from(row(seq).signature ?? '', 'base64');
      const i = m.b % bytes.length;
      bytes[i] = (bytes[i] ?? 0) ^ (1 << (m.c % 8));
      run('UPDATE events SET signature = ? WHERE seq = ?', bytes.toString('base64'), seq);
      return { needsExternal: false };
    }
    case 'signature-text': {
      // Text that may decode to the same bytes (base64's spare bits): still not what was signed.
      const seq = pick(signedSeqs, m.a);
      const sig = row(seq).signature ?? '';
      const p = m.b % sig.length;
      const changed = sig.slice(0, p) + otherChar(sig[p] ?? '', m.c, BASE64) + sig.slice(p + 1);
      run('UPDATE events SET signature = ? WHERE seq = ?', changed, seq);
      return { needsExternal: false };
    }
    case 'signature-moved': {
      const from = pick(signedSeqs, m.a);
      const to = seqB === from ? 1 + (seqB % head) : seqB;
      run(
        'UPDATE events SET signature = (SELECT signature FROM events WHERE seq = ?) WHERE seq = ?',
        from,
        to,
      );
      return { needsExternal: false };
    }
    case 'unsign-head':
      run('UPDATE events SET signature = NULL WHERE seq = ?', head);
      return { needsExternal: false };
    case 'delete-row':
      run('DELETE FROM events WHERE seq = ?', seqA);
      return { needsExternal: false };
    case 'swap-seqs': {
      const other = seqB === seqA ? 1 + (seqA % head) : seqB;
      run('UPDATE events SET seq = -1 WHERE seq = ?', seqA);
      run('UPDATE events SET seq = ? WHERE seq = ?', seqA, other);
      run('UPDATE events SET seq = ? WHERE seq = -1', other);
      return { needsExternal: false };
    }
    case 'rotate-seqs': {
      const from = 1 + (m.a % (head - 2));
      const to = Math.min(head, from + 2 + (m.b % 20));
      run('UPDATE events SET seq = seq + 1000000 WHERE seq BETWEEN ? AND ?', from, to);
      run(
        'UPDATE events SET seq = CASE WHEN seq = ? THEN ? ELSE seq - 1000000 + 1 END WHERE seq > 1000000',
        to + 1_000_000,
        from,
      );
      return { needsExternal: false };
    }
    case 'renumber': {
      const target = [0, -1 - (m.c % 5), head + 1 + (m.c % 5)][m.b % 3] ?? 0;
      run('UPDATE events SET seq = ? WHERE seq = ?', target, seqA);
      return { needsExternal: false };
    }
    case 'truncate': {
      const cut = 1 + (m.a % (head - 1));
      run('DELETE FROM events WHERE seq > ?', cut);
      // Keep the checkpoints, drop those past the cut (covering the tracks), or drop them all.
      const variant = m.b % 3;
      if (variant === 1) run('DELETE FROM log_checkpoints WHERE head_seq > ?', cut);
      if (variant === 2) run('DELETE FROM log_checkpoints');
      return { needsExternal: variant !== 0 };
    }
    case 'truncate-to-checkpoint': {
      // The cleanest cut: back to an earlier checkpoint, whose head is signed; the log left
      // behind is internally perfect. Only the checkpoint head office holds can tell.
      const earlier = pick(checkpoints.slice(0, -1), m.a);
      run('DELETE FROM events WHERE seq > ?', earlier.headSeq);
      run('DELETE FROM log_checkpoints WHERE number > ?', earlier.number);
      return { needsExternal: true };
    }
    case 'append-forged': {
      const last = row(head);
      const forged: EventRow = {
        ...row(pick(signedSeqs, m.a)),
        seq: head + 1,
        id: `forged-${m.c}`,
        recorded_at: last.recorded_at + 1000,
        prev_hash: last.hash,
        signature: null,
      };
      forged.hash = rehash(forged);
      forged.signature = [null, foreignSign(forged.hash), last.signature][m.b % 3] ?? null;
      run(
        'INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ...Object.values(forged),
      );
      return { needsExternal: false };
    }
    case 'rechain': {
      // Alter one event and recompute every hash after it, as someone who knows the format
      // would; the signatures are kept, stripped, or redone with a key that is not the station's.
      const variant = m.b % 3;
      for (let seq = seqA, prev: string | null = null; seq <= head; seq += 1) {
        const r = row(seq);
        if (seq === seqA) r.actor = `${r.actor}-x`;
        else r.prev_hash = prev ?? r.prev_hash;
        r.hash = rehash(r);
        if (r.signature !== null || seq === head) {
          r.signature = [r.signature, null, foreignSign(r.hash)][variant] ?? null;
        }
        run(
          'UPDATE events SET actor = ?, prev_hash = ?, hash = ?, signature = ? WHERE seq = ?',
          r.actor,
          r.prev_hash,
          r.hash,
          r.signature,
          seq,
        );
        prev = r.hash;
      }
      return { needsExternal: false };
    }
    case 'drop-checkpoint': {
      const dropped = pick(checkpoints, m.a);
      run('DELETE FROM log_checkpoints WHERE number = ?', dropped.number);
      // Dropping the newest one leaves no hole: only the copy head office holds misses it.
      return { needsExternal: dropped.number === checkpoints.length };
    }
    case 'checkpoint-field': {
      const c = pick(checkpoints, m.a);
      const column = pick(
        ['number', 'station_id', 'log_size', 'head_seq', 'head_hash', 'created_at', 'signature'],
        m.b,
      );
      const sig = Buffer.from(c.signature, 'base64');
      sig[m.c % sig.length] = (sig[m.c % sig.length] ?? 0) ^ 1;
      const value = {
        number: checkpoints.length + 1 + (m.c % 3),
        station_id: 'ST-ATTACKER00',
        log_size: c.logSize - 1 - (m.c % 3),
        head_seq: m.c % 4 === 0 ? 0 : Math.max(1, c.headSeq - 1 - (m.c % 10)),
        head_hash: otherHex(c.headHash, m.c),
        created_at: c.createdAt + 1 + (m.c % 1000),
        signature: sig.toString('base64'),
      }[column];
      run(`UPDATE log_checkpoints SET ${column} = ? WHERE number = ?`, value, c.number);
      return { needsExternal: false };
    }
    case 'forge-checkpoint': {
      // Cut the log, then cover it with a checkpoint of the new head in the newest one's place,
      // signed with a key that is not the station's (the station's never leaves its data folder).
      const cut = pick(signedSeqs.slice(0, -1), m.a);
      run('DELETE FROM events WHERE seq > ?', cut);
      const replaced = checkpoints.filter((c) => c.headSeq > cut);
      const number = replaced[0]?.number ?? checkpoints.length + 1;
      if (replaced.length > 0) run('DELETE FROM log_checkpoints WHERE number >= ?', number);
      const forged = {
        ...pristine.external,
        number,
        logSize: cut,
        headSeq: cut,
        headHash: row(cut).hash,
        createdAt: pristine.external.createdAt + 1,
      };
      run(
        'INSERT INTO log_checkpoints VALUES (?, ?, ?, ?, ?, ?, ?)',
        forged.number,
        forged.stationId,
        forged.logSize,
        forged.headSeq,
        forged.headHash,
        forged.createdAt,
        foreignSign(checkpointDigest(forged)),
      );
      return { needsExternal: false };
    }
    case 'drop-checkpoints-table':
      db.exec('DROP TABLE log_checkpoints');
      return { needsExternal: false };
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

const verify = (db: Database.Database, external: boolean): VerifyResult =>
  verifyLog(
    db,
    pristine.publicKey,
    pristine.stationId,
    external ? { checkpoint: pristine.external } : {},
  );

describe('log verify against tampering', () => {
  it('passes the untouched copy, with and without the checkpoint held elsewhere', () => {
    const db = new Database(pristine.bytes);
    expect(pristine.head).toBeGreaterThanOrEqual(300);
    expect(pristine.signedSeqs.length).toBeGreaterThan(20);
    expect(pristine.checkpoints.length).toBeGreaterThanOrEqual(5);
    expect(pristine.external.headSeq).toBe(pristine.head);
    expect(verify(db, true)).toMatchObject({ ok: true, checked: pristine.head });
    expect(verify(db, false)).toMatchObject({ ok: true, checked: pristine.head });
    db.close();
  });

  it(`detects ${RUNS.toLocaleString('en')} random mutations, deletions, reorderings and truncations`, () => {
    const started = performance.now();
    const tally = new Map<Kind, { cases: number; detected: number; withoutCheckpoint: number }>();
    fc.assert(
      fc.property(mutation, (m) => {
        const db = new Database(pristine.bytes);
        try {
          const { needsExternal } = tamper(db, m);
          const t = tally.get(m.kind) ?? { cases: 0, detected: 0, withoutCheckpoint: 0 };
          tally.set(m.kind, t);
          t.cases += 1;
          // Without the checkpoint held elsewhere first: a checkpoint only adds checks, so what
          // the station's own log and checkpoints catch, verify with the checkpoint catches too
          // (every tenth case checks that as well). What they cannot catch must be a clean cut.
          if (!verify(db, false).ok) {
            t.withoutCheckpoint += 1;
            if (t.cases % 10 === 0 && verify(db, true).ok) return false;
          } else if (!needsExternal || verify(db, true).ok) {
            return false;
          }
          t.detected += 1;
          return true;
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = (performance.now() - started) / 1000;
    const cases = [...tally.values()].reduce((n, t) => n + t.cases, 0);
    const detected = [...tally.values()].reduce((n, t) => n + t.detected, 0);
    console.info(
      `${cases} tamperings, ${detected} detected in ${seconds.toFixed(1)} s:`,
      Object.fromEntries(
        [...tally].map(([k, t]) => [
          k,
          `${t.detected}/${t.cases} (${t.withoutCheckpoint} by the station's own checks)`,
        ]),
      ),
    );
    expect(cases).toBe(RUNS);
    expect(detected).toBe(RUNS);
    for (const kind of KINDS) expect(tally.get(kind)?.cases ?? 0, kind).toBeGreaterThan(100);
  }, 180_000);
});
