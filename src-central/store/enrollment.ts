import { createHash, randomInt } from 'node:crypto';
import type { Queryable } from '../db';

/** How long a one-time enrollment code stays usable. */
export const ENROLL_CODE_TTL_MS = 24 * 60 * 60_000;

// No 0/O, 1/I/L: the code is read off a screen and typed at the dock.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `ABCD-EFGH-JKMN-PQRS`: 16 characters from 31, about 79 bits. */
export function newEnrollCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.replace(/(.{4})(?!$)/g, '$1-');
}

/** Spaces, dashes and case do not matter when the code is typed in. */
export function codeDigest(code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}

export async function createEnrollCode(
  q: Queryable,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrollCode();
  const expiresAt = new Date(now.getTime() + ENROLL_CODE_TTL_MS);
  await q.query(
    'INSERT INTO enrollment_codes (code_sha256, created_at, expires_at) VALUES ($1, $2, $3)',
    [codeDigest(code), now, expiresAt],
  );
  return { code, expiresAt: expiresAt.toISOString() };
}

export type CodeCheck = 'ok' | 'unknown' | 'used' | 'expired';

/** Looks the code up and locks it, so two stations cannot both use it. */
export async function checkEnrollCode(tx: Queryable, code: string, now: Date): Promise<CodeCheck> {
  const [row] = await tx.query<{ expires_at: Date; used_at: Date | null }>(
    'SELECT expires_at, used_at FROM enrollment_codes WHERE code_sha256 = $1 FOR UPDATE',
    [codeDigest(code)],
  );
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'ok';
}

export async function markEnrollCodeUsed(
  tx: Queryable,
  code: string,
  stationId: string,
  now: Date,
): Promise<void> {
  await tx.query('UPDATE enrollment_codes SET used_by = $2, used_at = $3 WHERE code_sha256 = $1', [
    codeDigest(code),
    stationId,
    now,
  ]);
}
