import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: N=2^14, r=8, p=1 (~16 MiB, tens of ms): slow enough to make guessing a
// 4–8 digit PIN from a stolen hash expensive, fast enough for a sign-in at the dock.
const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash` (base64url), never the PIN itself. */
export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash ?? '', 'base64url');
  const actual = scryptSync(pin, Buffer.from(salt ?? '', 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
