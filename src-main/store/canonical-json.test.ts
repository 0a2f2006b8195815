import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('matches the canonicalize package on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts keys by UTF-16 code units and escapes like JSON.stringify', () => {
    expect(
      canonicalJson({ b: 1, a: [true, null, 'x\u001d'], '€': 0, é: -0, '\ud83d\ude00': 1.5e-7 }),
    ).toBe(
      canonicalize({ b: 1, a: [true, null, 'x\u001d'], '€': 0, é: -0, '\ud83d\ude00': 1.5e-7 }),
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(() => 1)).toThrow();
  });
});
