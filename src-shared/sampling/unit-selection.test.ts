import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSamplingError } from './errors';
import { fnv1a64, newSeed, selectUnits, splitMix64 } from './unit-selection';

describe('the documented generator', () => {
  it('matches the published FNV-1a 64 and SplitMix64 test vectors', () => {
    expect(fnv1a64('').toString(16)).toBe('cbf29ce484222325');
    expect(fnv1a64('a').toString(16)).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar').toString(16)).toBe('85944171f73967e8');
    const next = splitMix64(0n);
    expect([next(), next(), next()].map((x) => x.toString(16).padStart(16, '0'))).toEqual([
      'e220a8397b1dcdaf',
      '6e789e6aa1b965f4',
      '06c45d188009454f',
    ]);
  });

  it('gives the same cartons for the same seed, on every run and machine', () => {
    // Pinned so that a change of algorithm cannot pass unnoticed: auditors recompute these.
    expect(selectUnits({ population: 100, count: 10, seed: 'abc' })).toEqual([
      3, 31, 41, 45, 48, 59, 65, 69, 80, 100,
    ]);
    const seed = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    expect(selectUnits({ population: 500_000, count: 5, seed })).toEqual(
      selectUnits({ population: 500_000, count: 5, seed }),
    );
    expect(selectUnits({ population: 100, count: 10, seed: 'abd' })).not.toEqual(
      selectUnits({ population: 100, count: 10, seed: 'abc' }),
    );
  });
});

describe('selectUnits', () => {
  it('returns sorted, distinct carton numbers in range, as many as asked or all', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 700 }),
        fc.string({ minLength: 1 }),
        (population, count, seed) => {
          const units = selectUnits({ population, count, seed });
          expect(units).toHaveLength(Math.min(count, population));
          expect(new Set(units).size).toBe(units.length);
          units.forEach((u, i) => {
            expect(Number.isInteger(u) && u >= 1 && u <= population).toBe(true);
            if (i > 0) expect(u).toBeGreaterThan(units[i - 1] ?? 0);
          });
        },
      ),
    );
  });

  it('opens every carton about equally often', () => {
    // 4000 draws of 3 cartons out of 12: each carton expected 1000 times (σ ≈ 27).
    const hits = new Array<number>(12).fill(0);
    for (let i = 0; i < 4000; i += 1) {
      for (const u of selectUnits({ population: 12, count: 3, seed: `lot-${i}` })) {
        hits[u - 1] = (hits[u - 1] ?? 0) + 1;
      }
    }
    for (const h of hits) expect(Math.abs(h - 1000)).toBeLessThan(150);
  });

  it('refuses impossible requests', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return isSamplingError(error) ? error.code : 'other error';
      }
    };
    expect(codeOf(() => selectUnits({ population: 0, count: 1, seed: 's' }))).toBe(
      'invalid-population',
    );
    expect(codeOf(() => selectUnits({ population: 10, count: -1, seed: 's' }))).toBe(
      'invalid-count',
    );
    expect(codeOf(() => selectUnits({ population: 10, count: 2.5, seed: 's' }))).toBe(
      'invalid-count',
    );
    expect(codeOf(() => selectUnits({ population: 10, count: 1, seed: '' }))).toBe('invalid-seed');
  });
});

describe('newSeed', () => {
  it('turns caller-supplied random bytes into a hex seed', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(newSeed(bytes)).toBe('00112233445566778899aabbccddeeff');
    expect(newSeed(' 00112233445566778899AABBCCDDEEFF ')).toBe('00112233445566778899aabbccddeeff');
  });

  it('refuses too little or malformed entropy', () => {
    expect(() => newSeed(new Uint8Array(8))).toThrow(/at least 16 random bytes/);
    expect(() => newSeed('xyz')).toThrow(/at least 16 random bytes/);
    expect(() => newSeed('0011223344556677889')).toThrow(/at least 16 random bytes/);
  });
});
