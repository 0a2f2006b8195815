import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src-main/store/database';
import type { NewEvent } from '../src-main/store/event-log';
import { openStationCore } from '../src-main/station';
import { median, percentile, result, type Benchmark } from './harness';

const ROUNDS = 7;
const BATCHED_EVENTS = 6_000;
const BATCH_SIZE = 500;
const SINGLE_EVENTS = 1_500;

const GTIN = '16920001000018';
const LOT = 'L1128A';

/** A carton scan at the dock: counted into its lot and its delivery line (the projection). */
export function scanEvent(i: number): NewEvent<'scan.recorded'> {
  return {
    type: 'scan.recorded',
    payload: {
      scanId: `scan-${i}`,
      source: 'serial',
      data: `]C101${GTIN}17270517\u001d10${LOT}\u001d21C${i}`,
      deliveryId: 'dlv-bench',
      valid: true,
      gtin: GTIN,
      lot: LOT,
      lotId: 'lot-bench',
      units: 12,
    },
    actor: 'usr-bench',
    subjects: ['delivery:dlv-bench', 'lot:lot-bench'],
  };
}

/** The delivery and lot the scans count into, as intake would have opened them. */
export function openDelivery(core: ReturnType<typeof openStationCore>): void {
  core.log.appendMany([
    {
      type: 'supplier.upserted',
      payload: {
        supplierId: 'sup-bench',
        code: 'B',
        name: 'Bench',
        standing: 'approved',
        contact: '',
        cumulativeSalesCny: 0,
        documents: [],
        audits: [],
      },
      actor: 'usr-bench',
    },
    {
      type: 'delivery.expected',
      payload: {
        deliveryId: 'dlv-bench',
        number: 'ASN-BENCH',
        supplierId: 'sup-bench',
        expectedDate: '2026-11-28',
        ssccs: [],
        lines: [{ lineNo: 1, gtin: GTIN, quantity: 1_000_000, unit: 'EA' }],
      },
      actor: 'usr-bench',
    },
    {
      type: 'lot.received',
      payload: {
        lotId: 'lot-bench',
        deliveryId: 'dlv-bench',
        gtin: GTIN,
        lot: LOT,
        quantity: 12,
        expiry: '2027-05-17',
        production: null,
        receivedOn: '2026-11-28',
      },
      actor: 'usr-bench',
    },
  ]);
}

/**
 * The baseline writes the same rows as the log — the event row with the same columns and
 * values, its subject rows, and the same projection updates — with plain prepared statements,
 * plus SHA-256 of each row, in the same transactions and with the same pragmas. What it skips is
 * what the log adds: payload validation, canonical JSON, the hash chain and the signature.
 */
function rawBaseline(dir: string) {
  const db: Database.Database = openDatabase(join(dir, 'raw.db'));
  db.exec(`
    CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, station_id TEXT NOT NULL,
      recorded_at INTEGER NOT NULL, actor TEXT NOT NULL, co_actor TEXT, type TEXT NOT NULL,
      subjects TEXT NOT NULL, payload TEXT NOT NULL, reason TEXT, prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL, signature TEXT) STRICT;
    CREATE TABLE event_subjects (subject TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (subject, seq)) STRICT, WITHOUT ROWID;
    CREATE TABLE lots (lot_id TEXT PRIMARY KEY, quantity INTEGER NOT NULL) STRICT;
    CREATE TABLE delivery_lines (delivery_id TEXT NOT NULL, line_no INTEGER NOT NULL, gtin TEXT NOT NULL,
      received_qty INTEGER NOT NULL, PRIMARY KEY (delivery_id, line_no)) STRICT;
    INSERT INTO lots VALUES ('lot-bench', 12);
    INSERT INTO delivery_lines VALUES ('dlv-bench', 1, '${GTIN}', 0);
  `);
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertSubject = db.prepare('INSERT INTO event_subjects (subject, seq) VALUES (?, ?)');
  const addUnits = db.prepare('UPDATE lots SET quantity = quantity + ? WHERE lot_id = ?');
  const addReceived = db.prepare(
    'UPDATE delivery_lines SET received_qty = received_qty + ? WHERE delivery_id = ? AND gtin = ?',
  );
  let seq = 0;
  let prev = '0'.repeat(64);
  const row = (i: number) => {
    const e = scanEvent(i);
    seq += 1;
    const id = uuidv7();
    const recordedAt = Date.now();
    const subjects = JSON.stringify(e.subjects);
    const payload = JSON.stringify(e.payload);
    const hash = createHash('sha256')
      .update(`${seq}${id}${recordedAt}${e.actor}${e.type}${subjects}${payload}${prev}`)
      .digest('hex');
    insert.run(
      seq,
      id,
      'ST-BENCHMARK',
      recordedAt,
      e.actor,
      null,
      e.type,
      subjects,
      payload,
      null,
      prev,
      hash,
      null,
    );
    for (const subject of e.subjects ?? []) insertSubject.run(subject, seq);
    addUnits.run(12, 'lot-bench');
    addReceived.run(12, 'dlv-bench', GTIN);
    prev = hash;
  };
  return {
    batched(from: number, count: number) {
      db.transaction(() => {
        for (let i = from; i < from + count; i += 1) row(i);
      })();
    },
    single(i: number) {
      db.transaction(() => row(i))();
    },
    close: () => db.close(),
  };
}

/** For context only: a bare three-column table of payloads + SHA-256 (no indexes, no projection). */
function payloadTable(dir: string) {
  const db: Database.Database = openDatabase(join(dir, 'payloads.db'));
  db.exec(
    'CREATE TABLE raw (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, payload TEXT NOT NULL, hash TEXT NOT NULL) STRICT',
  );
  const insert = db.prepare('INSERT INTO raw (id, payload, hash) VALUES (?, ?, ?)');
  return {
    batched(from: number, count: number) {
      db.transaction(() => {
        for (let i = from; i < from + count; i += 1) {
          const payload = JSON.stringify(scanEvent(i).payload);
          insert.run(uuidv7(), payload, createHash('sha256').update(payload).digest('hex'));
        }
      })();
    },
    close: () => db.close(),
  };
}

function timeBatched(fn: (from: number, count: number) => void): number {
  const started = performance.now();
  for (let from = 0; from < BATCHED_EVENTS; from += BATCH_SIZE) fn(from, BATCH_SIZE);
  return BATCHED_EVENTS / ((performance.now() - started) / 1000);
}

function timeSingles(fn: (i: number) => void, offset: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < SINGLE_EVENTS; i += 1) {
    const t = performance.now();
    fn(offset + i);
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

export const eventAppend: Benchmark = {
  name: 'event-append',
  targets: {
    'event-append-batched': {
      minRatio: 0.5,
      why: 'issue 2: batched append at least 0.5x the raw baseline',
    },
  },
  description:
    'The log append (validate, canonical JSON, hash chain, Ed25519 signature, projection) against raw inserts + SHA-256',
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'qcs-bench-append-'));
    try {
      const core = openStationCore(join(dir, 'station'));
      openDelivery(core);
      const raw = rawBaseline(dir);
      const payloads = payloadTable(dir);
      // Warm every path (JIT, statement caches) before measuring.
      raw.batched(10_000_000, 1000);
      payloads.batched(10_000_000, 1000);
      core.log.appendMany(Array.from({ length: 1000 }, (_, i) => scanEvent(10_000_000 + i)));

      // Rounds alternate between the two so that drift in machine load hits both alike;
      // each side reports its median round.
      const rawRates: number[] = [];
      const logRates: number[] = [];
      const payloadRates: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const offset = round * BATCHED_EVENTS;
        rawRates.push(timeBatched((from, count) => raw.batched(offset + from, count)));
        payloadRates.push(timeBatched((from, count) => payloads.batched(offset + from, count)));
        logRates.push(
          timeBatched((from, count) =>
            core.log.appendMany(
              Array.from({ length: count }, (_, k) => scanEvent(offset + from + k)),
            ),
          ),
        );
      }
      const rawRate = median(rawRates);
      const logRate = median(logRates);
      const rawSingles = timeSingles((i) => raw.single(i), 1_000_000);
      const logSingles = timeSingles((i) => core.log.append(scanEvent(i)), 1_000_000);
      raw.close();
      payloads.close();
      core.close();
      const rate = (samples: number[]) =>
        samples.length / (samples.reduce((a, b) => a + b, 0) / 1000);
      return [
        result({
          name: 'event-append-batched',
          value: logRate,
          unit: 'events/s',
          baseline:
            'raw better-sqlite3 inserts of the same rows (event row, subject rows, projection updates) + SHA-256 per row, same transactions and pragmas',
          baselineValue: rawRate,
          notes: `median of ${ROUNDS} alternating rounds of ${BATCHED_EVENTS} carton scans (scan.recorded, 2 subjects, counted into a lot and a delivery line) in transactions of ${BATCH_SIZE}; WAL, synchronous=FULL; one Ed25519 signature per transaction; higher ratio is better (target >= 0.5). For context: a bare 3-column payload table + SHA-256 takes ${median(payloadRates).toFixed(0)} events/s (ratio ${(logRate / median(payloadRates)).toFixed(3)})`,
        }),
        result({
          name: 'event-append-single',
          value: rate(logSingles),
          unit: 'events/s',
          baseline:
            'raw better-sqlite3 inserts of the same rows + SHA-256, one event per transaction',
          baselineValue: rate(rawSingles),
          notes: `${SINGLE_EVENTS} appends, one per transaction (each fsynced): log p50 ${percentile(logSingles, 50).toFixed(3)} ms, p99 ${percentile(logSingles, 99).toFixed(3)} ms; raw p50 ${percentile(rawSingles, 50).toFixed(3)} ms, p99 ${percentile(rawSingles, 99).toFixed(3)} ms`,
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
