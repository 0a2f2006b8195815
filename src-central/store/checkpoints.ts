import type { LogCheckpoint } from '../../src-shared/sync/protocol';
import { CHECKPOINT_KIND } from '../../src-shared/sync/protocol';
import { toInt, type Queryable } from '../db';

type Raw = {
  station_id: string;
  number: unknown;
  log_size: unknown;
  head_seq: unknown;
  head_hash: string;
  created_at: unknown;
  signature: string;
};

const fromRaw = (r: Raw): LogCheckpoint => ({
  kind: CHECKPOINT_KIND,
  version: 1,
  stationId: r.station_id,
  number: toInt(r.number),
  logSize: toInt(r.log_size),
  headSeq: toInt(r.head_seq),
  headHash: r.head_hash,
  createdAt: toInt(r.created_at),
  signature: r.signature,
});

export async function stationCheckpoints(
  q: Queryable,
  stationId: string,
): Promise<LogCheckpoint[]> {
  const rows = await q.query<Raw>(
    'SELECT * FROM checkpoints WHERE station_id = $1 ORDER BY number',
    [stationId],
  );
  return rows.map(fromRaw);
}

/** Checkpoints whose head falls in [fromSeq, toSeq]: a batch covering them must match them. */
export async function checkpointsInRange(
  q: Queryable,
  stationId: string,
  fromSeq: number,
  toSeq: number,
): Promise<LogCheckpoint[]> {
  const rows = await q.query<Raw>(
    'SELECT * FROM checkpoints WHERE station_id = $1 AND head_seq BETWEEN $2 AND $3',
    [stationId, fromSeq, toSeq],
  );
  return rows.map(fromRaw);
}

/** logSize of the largest checkpoint held for the station (0 = none). */
export async function checkpointSize(q: Queryable, stationId: string): Promise<number> {
  const [row] = await q.query<{ size: unknown }>(
    'SELECT COALESCE(max(log_size), 0) AS size FROM checkpoints WHERE station_id = $1',
    [stationId],
  );
  return toInt(row?.size ?? 0);
}

export async function insertCheckpoint(q: Queryable, c: LogCheckpoint): Promise<void> {
  await q.query(
    `INSERT INTO checkpoints (station_id, number, log_size, head_seq, head_hash, created_at, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (station_id, number) DO NOTHING`,
    [c.stationId, c.number, c.logSize, c.headSeq, c.headHash, c.createdAt, c.signature],
  );
}
