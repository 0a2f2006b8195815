/**
 * Which cartons to open. The choice must be random for the supplier, yet reproducible for an
 * auditor who holds the seed recorded with the inspection. The algorithm is fixed, and is
 * specified here so that it can be reimplemented in any language and give the same cartons:
 *
 * 1. Hash: take the seed string's UTF-8 bytes and compute 64-bit FNV-1a
 *    (h = 0xcbf29ce484222325; for each byte b: h = ((h XOR b) × 0x100000001b3) mod 2^64).
 * 2. Generator: SplitMix64 started at state = h. Each draw:
 *      state = (state + 0x9e3779b97f4a7c15) mod 2^64; z = state;
 *      z = ((z XOR (z >> 30)) × 0xbf58476d1ce4e5b9) mod 2^64;
 *      z = ((z XOR (z >> 27)) × 0x94d049bb133111eb) mod 2^64;
 *      output z XOR (z >> 31).
 * 3. Uniform integer in [0, m): limit = 2^64 − (2^64 mod m); draw until the output x < limit
 *    (rejection, so that no index is favoured); return x mod m.
 * 4. Partial Fisher–Yates on the cartons 1…population: a[i] = i + 1; for i = 0 … count − 1:
 *    j = i + uniform(population − i); swap a[i] and a[j]. The cartons are a[0 … count − 1], sorted.
 *
 * Test vectors (unit-selection.test.ts): FNV-1a("a") = 0xaf63dc4c8601ec8c; SplitMix64 from state 0
 * first outputs 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f.
 *
 * This is not a cryptographic generator: the unpredictability comes from the seed, which newSeed
 * builds from operating-system randomness that the caller passes in.
 */
import { SamplingError } from './errors';

const MASK_64 = (1n << 64n) - 1n;
const TWO_TO_64 = 1n << 64n;
const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** A SplitMix64 stream; each call returns the next 64-bit output as a bigint. */
export function splitMix64(seed: bigint): () => bigint {
  let state = seed & MASK_64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  };
}

function uniformBelow(next: () => bigint, bound: number): number {
  const m = BigInt(bound);
  const limit = TWO_TO_64 - (TWO_TO_64 % m);
  for (;;) {
    const x = next();
    if (x < limit) return Number(x % m);
  }
}

export interface UnitSelectionRequest {
  /** Cartons (or units) in the lot, numbered 1…population in the order they are stacked. */
  population: number;
  /** How many to open; more than the population means all of them. */
  count: number;
  /** Recorded with the inspection so that the choice can be recomputed (see newSeed). */
  seed: string;
}

/** 1-based carton numbers to open, ascending, without repeats. */
export function selectUnits({ population, count, seed }: UnitSelectionRequest): number[] {
  if (!Number.isSafeInteger(population) || population < 1) {
    throw new SamplingError(
      'invalid-population',
      `The number of cartons must be a whole number, at least 1 (got ${String(population)}).`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new SamplingError(
      'invalid-count',
      `The number of cartons to open must be a whole number, 0 or more (got ${String(count)}).`,
    );
  }
  if (typeof seed !== 'string' || seed.length === 0) {
    throw new SamplingError('invalid-seed', 'A non-empty seed is needed to choose the cartons.');
  }
  const k = Math.min(count, population);
  const next = splitMix64(fnv1a64(seed));
  // Sparse array: only the swapped positions are stored, so a lot of 500 000 cartons costs k entries.
  const swapped = new Map<number, number>();
  const at = (i: number): number => swapped.get(i) ?? i + 1;
  const chosen: number[] = [];
  for (let i = 0; i < k; i += 1) {
    const j = i + uniformBelow(next, population - i);
    const picked = at(j);
    swapped.set(j, at(i));
    swapped.set(i, picked);
    chosen.push(picked);
  }
  return chosen.sort((a, b) => a - b);
}

const MIN_ENTROPY_BYTES = 16;

/**
 * A fresh seed from randomness the caller supplies (e.g. crypto.getRandomValues(new
 * Uint8Array(16)) in the station), so this function stays pure. At least 16 bytes (128 bits), given
 * as bytes or as a hex string; returned as lowercase hex.
 */
export function newSeed(entropy: Uint8Array | string): string {
  const hex =
    typeof entropy === 'string'
      ? entropy.trim().toLowerCase()
      : Array.from(entropy, (b) => b.toString(16).padStart(2, '0')).join('');
  if (!/^(?:[0-9a-f]{2})+$/.test(hex) || hex.length < MIN_ENTROPY_BYTES * 2) {
    throw new SamplingError(
      'invalid-entropy',
      `A seed needs at least ${MIN_ENTROPY_BYTES} random bytes (${MIN_ENTROPY_BYTES * 2} hex digits).`,
    );
  }
  return hex;
}
