import { GENESIS_HASH } from '../../src-main/store/event-hash';
import { toInt, type Queryable } from '../db';

export interface StationRow {
  stationId: string;
  name: string | null;
  publicKeyPem: string;
  ackedSeq: number;
  ackedHash: string;
  lastContact: Date | null;
  verificationFailures: number;
}

type Raw = {
  station_id: string;
  name: string | null;
  public_key: string;
  acked_seq: unknown;
  acked_hash: string;
  last_contact: Date | null;
  verification_failures: unknown;
};

const fromRaw = (r: Raw): StationRow => ({
  stationId: r.station_id,
  name: r.name,
  publicKeyPem: r.public_key,
  ackedSeq: toInt(r.acked_seq),
  ackedHash: r.acked_hash,
  lastContact: r.last_contact,
  verificationFailures: toInt(r.verification_failures),
});

const COLUMNS =
  'station_id, name, public_key, acked_seq, acked_hash, last_contact, verification_failures';

export async function findStation(q: Queryable, stationId: string): Promise<StationRow | null> {
  const [row] = await q.query<Raw>(`SELECT ${COLUMNS} FROM stations WHERE station_id = $1`, [
    stationId,
  ]);
  return row ? fromRaw(row) : null;
}

/**
 * The station row, locked until the transaction ends: two uploads of the same station run one
 * after the other, so a duplicate batch sent twice at once is stored once.
 */
export async function lockStation(tx: Queryable, stationId: string): Promise<StationRow | null> {
  const [row] = await tx.query<Raw>(
    `SELECT ${COLUMNS} FROM stations WHERE station_id = $1 FOR UPDATE`,
    [stationId],
  );
  return row ? fromRaw(row) : null;
}

export async function insertStation(
  tx: Queryable,
  s: { stationId: string; name: string | null; publicKeyPem: string; softwareVersion: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO stations (station_id, name, public_key, software_version, enrolled_at, acked_hash, last_contact)
     VALUES ($1, $2, $3, $4, $5, $6, $5)`,
    [s.stationId, s.name, s.publicKeyPem, s.softwareVersion, now, GENESIS_HASH],
  );
}

/** A re-enrollment with the same key: name and version may change, the upload state never. */
export async function refreshStation(
  tx: Queryable,
  s: { stationId: string; name: string | null; softwareVersion: string },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE stations SET name = COALESCE($2, name), software_version = $3, last_contact = $4
     WHERE station_id = $1`,
    [s.stationId, s.name, s.softwareVersion, now],
  );
}

export async function touchStation(q: Queryable, stationId: string, now: Date): Promise<void> {
  await q.query('UPDATE stations SET last_contact = $2 WHERE station_id = $1', [stationId, now]);
}

export async function advanceAck(
  tx: Queryable,
  stationId: string,
  ackedSeq: number,
  ackedHash: string,
): Promise<void> {
  await tx.query('UPDATE stations SET acked_seq = $2, acked_hash = $3 WHERE station_id = $1', [
    stationId,
    ackedSeq,
    ackedHash,
  ]);
}

/** Kept for the status page and audits: a station whose signatures fail is a security event. */
export async function recordVerificationFailure(
  q: Queryable,
  stationId: string,
  reason: string,
  detail: string,
): Promise<void> {
  await q.query(
    'INSERT INTO verification_failures (station_id, reason, detail) VALUES ($1, $2, $3)',
    [stationId, reason, detail.slice(0, 2000)],
  );
  await q.query(
    'UPDATE stations SET verification_failures = verification_failures + 1 WHERE station_id = $1',
    [stationId],
  );
}

export interface StationStats {
  stationId: string;
  name: string | null;
  /** Seqs have no gaps, so the high-water mark is also the number of events held. */
  events: number;
  lastSeq: number;
  lastContact: string | null;
  verificationFailures: number;
}

export async function stationStats(q: Queryable): Promise<StationStats[]> {
  const rows = await q.query<Raw>(`SELECT ${COLUMNS} FROM stations ORDER BY station_id`);
  return rows.map(fromRaw).map((s) => ({
    stationId: s.stationId,
    name: s.name,
    events: s.ackedSeq,
    lastSeq: s.ackedSeq,
    lastContact: s.lastContact ? new Date(s.lastContact).toISOString() : null,
    verificationFailures: s.verificationFailures,
  }));
}
