import type { WireEvent } from '../../src-shared/sync/protocol';
import { toInt, type Queryable } from '../db';
import { copyTextLine } from './copy-text';

/** Hashes head office holds for some seqs of one station (to compare a resent batch). */
export async function storedHashes(
  q: Queryable,
  stationId: string,
  fromSeq: number,
  toSeq: number,
): Promise<Map<number, string>> {
  const rows = await q.query<{ seq: unknown; hash: string }>(
    'SELECT seq, hash FROM events WHERE station_id = $1 AND seq BETWEEN $2 AND $3',
    [stationId, fromSeq, toSeq],
  );
  return new Map(rows.map((r) => [toInt(r.seq), r.hash]));
}

/**
 * One INSERT for the whole batch: each column travels as one array parameter and unnest turns
 * them back into rows (a statement per event would cost a round trip each). payload_json is
 * parsed by PostgreSQL from the exact text, which stays in `payload` for re-verification.
 */
export async function insertEvents(
  tx: Queryable,
  events: readonly WireEvent[],
  receivedAt: Date,
): Promise<void> {
  if (events.length === 0) return;
  if (tx.copyFrom) {
    // COPY is PostgreSQL's bulk path: several times faster than the INSERT below for a batch.
    const at = receivedAt.toISOString();
    await tx.copyFrom(
      `COPY events (station_id, seq, id, recorded_at, actor, co_actor, type, subjects, payload,
                    payload_json, reason, prev_hash, hash, signature, received_at) FROM STDIN`,
      events.map((e) =>
        copyTextLine([
          e.stationId,
          e.seq,
          e.id,
          e.recordedAt,
          e.actor,
          e.coActor,
          e.type,
          e.subjects,
          e.payload,
          e.payload,
          e.reason,
          e.prevHash,
          e.hash,
          e.signature,
          at,
        ]),
      ),
    );
    return;
  }
  const col = <K extends keyof WireEvent>(k: K) => events.map((e) => e[k]);
  await tx.query(
    `INSERT INTO events (station_id, seq, id, recorded_at, actor, co_actor, type, subjects, payload,
                         payload_json, reason, prev_hash, hash, signature, received_at)
     SELECT st, sq, id, ra, ac, ca, ty, sj, pl, pl::jsonb, re, ph, h, sg, $14
     FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[],
                 $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                 $13::text[])
       AS u(st, sq, id, ra, ac, ca, ty, sj, pl, re, ph, h, sg)`,
    [
      col('stationId'),
      col('seq'),
      col('id'),
      col('recordedAt'),
      col('actor'),
      col('coActor'),
      col('type'),
      col('subjects'),
      col('payload'),
      col('reason'),
      col('prevHash'),
      col('hash'),
      col('signature'),
      receivedAt,
    ],
  );
}

export interface EventQuery {
  station?: string | undefined;
  lot?: string | undefined;
  supplier?: string | undefined;
  type?: string | undefined;
  /** Keyset paging: events after (afterStation, afterSeq) in (station_id, seq) order. */
  afterStation?: string | undefined;
  afterSeq?: number | undefined;
  limit: number;
}

export interface EventOut {
  stationId: string;
  seq: number;
  id: string;
  recordedAt: number;
  actor: string;
  coActor: string | null;
  type: string;
  subjects: unknown;
  payload: unknown;
  reason: string | null;
  hash: string;
  receivedAt: string;
}

type Raw = {
  station_id: string;
  seq: unknown;
  id: string;
  recorded_at: unknown;
  actor: string;
  co_actor: string | null;
  type: string;
  subjects: string;
  payload_json: unknown;
  reason: string | null;
  hash: string;
  received_at: Date;
};

/** The read API for BI tools: filters use the type and subject indexes. */
export async function queryEvents(q: Queryable, f: EventQuery): Promise<EventOut[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.station) add((p) => `station_id = ${p}`, f.station);
  if (f.type) add((p) => `type = ${p}`, f.type);
  // The expression matches the GIN index (subjects::jsonb) exactly.
  if (f.lot) add((p) => `subjects::jsonb @> ${p}::jsonb`, JSON.stringify([`lot:${f.lot}`]));
  if (f.supplier)
    add((p) => `subjects::jsonb @> ${p}::jsonb`, JSON.stringify([`supplier:${f.supplier}`]));
  if (f.afterSeq !== undefined) {
    if (f.station || f.afterStation === undefined) add((p) => `seq > ${p}`, f.afterSeq);
    else {
      params.push(f.afterStation, f.afterSeq);
      where.push(`(station_id, seq) > ($${params.length - 1}, $${params.length})`);
    }
  }
  params.push(f.limit);
  const rows = await q.query<Raw>(
    `SELECT station_id, seq, id, recorded_at, actor, co_actor, type, subjects, payload_json, reason,
            hash, received_at
     FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY station_id, seq LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    stationId: r.station_id,
    seq: toInt(r.seq),
    id: r.id,
    recordedAt: toInt(r.recorded_at),
    actor: r.actor,
    coActor: r.co_actor,
    type: r.type,
    subjects: JSON.parse(r.subjects) as unknown,
    payload: r.payload_json,
    reason: r.reason,
    hash: r.hash,
    receivedAt: new Date(r.received_at).toISOString(),
  }));
}

export async function countEvents(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM events');
  return toInt(row?.n ?? 0);
}
