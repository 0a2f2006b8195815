import type { Queryable } from '../db';

export async function hasPhoto(q: Queryable, sha256: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM photos WHERE sha256 = $1', [sha256]);
  return rows.length > 0;
}

/** Content-addressed, so storing the same photo twice is a no-op; true when it is new. */
export async function storePhoto(q: Queryable, sha256: string, bytes: Buffer): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO photos (sha256, bytes, size) VALUES ($1, $2, $3)
     ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [sha256, bytes, bytes.length],
  );
  return rows.length > 0;
}

export async function photoBytes(q: Queryable, sha256: string): Promise<Buffer | null> {
  const [row] = await q.query<{ bytes: Uint8Array }>('SELECT bytes FROM photos WHERE sha256 = $1', [
    sha256,
  ]);
  return row ? Buffer.from(row.bytes) : null;
}
