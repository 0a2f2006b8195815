import type { MasterChange, MasterDataPage, MasterKind } from '../../src-shared/sync/protocol';
import { toInt, type Queryable } from '../db';

type Raw = { cursor: unknown; kind: MasterKind; key: string; body: MasterChange['body'] };

const fromRaw = (r: Raw): MasterChange => ({
  cursor: toInt(r.cursor),
  kind: r.kind,
  key: r.key,
  body: r.body,
});

/** The latest body of each (kind, key) asked for. */
export async function latestBodies(
  q: Queryable,
  keys: readonly { kind: MasterKind; key: string }[],
): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await q.query<Raw>(
    `SELECT DISTINCT ON (kind, key) cursor, kind, key, body FROM master_changes
     WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     ORDER BY kind, key, cursor DESC`,
    [keys.map((k) => k.kind), keys.map((k) => k.key)],
  );
  return new Map(rows.map((r) => [`${r.kind}\u0000${r.key}`, r.body]));
}

export const bodyKey = (kind: MasterKind, key: string) => `${kind}\u0000${key}`;

export async function appendChanges(
  tx: Queryable,
  changes: readonly { kind: MasterKind; key: string; body: unknown }[],
): Promise<void> {
  if (changes.length === 0) return;
  // unnest keeps the order of the arrays, so cursors follow the file's order.
  await tx.query(
    `INSERT INTO master_changes (kind, key, body)
     SELECT k, ky, b::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(k, ky, b, n)
     ORDER BY n`,
    [
      changes.map((c) => c.kind),
      changes.map((c) => c.key),
      changes.map((c) => JSON.stringify(c.body)),
    ],
  );
}

export async function refreshFloor(q: Queryable): Promise<number> {
  const [row] = await q.query<{ floor: unknown }>('SELECT floor FROM master_refresh');
  return toInt(row?.floor ?? 0);
}

export async function maxCursor(q: Queryable): Promise<number> {
  const [row] = await q.query<{ max: unknown }>(
    'SELECT COALESCE(max(cursor), 0) AS max FROM master_changes',
  );
  return toInt(row?.max ?? 0);
}

/**
 * Every station must reload master data from scratch. The floor takes a fresh value of the
 * cursor sequence, so it is above every cursor a station may hold (even one fully up to date)
 * and at or below the cursor a snapshot ends on (see masterPage).
 */
export async function raiseRefreshFloor(q: Queryable): Promise<number> {
  const [row] = await q.query<{ floor: unknown }>(
    `UPDATE master_refresh SET floor = nextval(pg_get_serial_sequence('master_changes', 'cursor')),
       raised_at = now() RETURNING floor`,
  );
  return toInt(row?.floor ?? 0);
}

/**
 * One page for a station that holds everything up to `after`. Below the refresh floor (or from
 * nothing, when there is something) the station gets a snapshot instead — the latest change of
 * each key, in cursor order — and keeps asking with `refresh=1` until `more` is false; that
 * last page's nextCursor is where its incremental pulls start. A key changed while the snapshot
 * is being paged shows up again later with its newer body, so the final state is right.
 */
export async function masterPage(
  q: Queryable,
  after: number,
  limit: number,
  continuingSnapshot: boolean,
): Promise<MasterDataPage> {
  const floor = await refreshFloor(q);
  const max = await maxCursor(q);
  const snapshot = continuingSnapshot || after < floor || (after === 0 && max > 0);
  const rows = snapshot
    ? await q.query<Raw>(
        `SELECT cursor, kind, key, body FROM (
           SELECT DISTINCT ON (kind, key) cursor, kind, key, body FROM master_changes
           ORDER BY kind, key, cursor DESC) latest
         WHERE cursor > $1 ORDER BY cursor LIMIT $2`,
        [continuingSnapshot ? after : 0, limit + 1],
      )
    : await q.query<Raw>(
        'SELECT cursor, kind, key, body FROM master_changes WHERE cursor > $1 ORDER BY cursor LIMIT $2',
        [after, limit + 1],
      );
  const more = rows.length > limit;
  const changes = rows.slice(0, limit).map(fromRaw);
  const lastCursor = changes.at(-1)?.cursor ?? after;
  const nextCursor = more ? lastCursor : snapshot ? Math.max(max, floor, lastCursor) : lastCursor;
  return { changes, nextCursor, more, fullRefresh: snapshot };
}
