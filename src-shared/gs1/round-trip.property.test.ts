import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allAis, bracketed, gs1ElementString, lookupAi, parseGs1 } from './index';
import { sampleMessage, seededRand, type Rand } from './sample-values';

type Fields = { ai: string; value: string }[];

const pairs = (input: string) => parseGs1(input).fields.map((f) => ({ ai: f.ai, value: f.value }));

/** Plain digits of these lengths are read as retail symbols first (parse.ts, rule 3). */
function ambiguousWithRetail(raw: string): boolean {
  return [8, 12, 13, 14].includes(raw.length) && /^\d+$/.test(raw);
}

/** Builds the message in each element-string form, parses it back and expects the same fields. */
function expectRoundTrip(fields: Fields): void {
  const forms = [
    bracketed(fields),
    `]C1${gs1ElementString(fields)}`,
    `]d2${gs1ElementString(fields)}`,
  ];
  const raw = gs1ElementString(fields);
  if (!ambiguousWithRetail(raw)) forms.push(raw);
  for (const input of forms) {
    const r = parseGs1(input);
    expect(r.errors, input).toEqual([]);
    expect(pairs(input), input).toEqual(fields);
  }
}

/** The message as a Digital Link, or null when its AIs cannot all be placed in one. */
function digitalLink(fields: Fields): string | null {
  const keys = fields.filter((f) => lookupAi(f.ai)?.dlPrimaryKey);
  const key = keys[0];
  if (!key || keys.length > 1) return null;
  const sequences = lookupAi(key.ai)?.dlPrimaryKey ?? [];
  const isQualifier = (ai: string) => sequences.some((seq) => seq.includes(ai));
  // The one qualifier sequence that holds every qualifier in the message (they may not mix).
  const path = sequences.find((seq) =>
    fields.every((f) => !isQualifier(f.ai) || seq.includes(f.ai)),
  );
  if (!path) return null;
  const qualifiers = path.flatMap((ai) => fields.filter((f) => f.ai === ai));
  const attributes = fields.filter((f) => f !== key && !isQualifier(f.ai));
  if (attributes.some((f) => !lookupAi(f.ai)?.digitalLinkAttribute)) return null;
  const enc = encodeURIComponent;
  const pathText = [key, ...qualifiers].map((f) => `/${f.ai}/${enc(f.value)}`).join('');
  const query = attributes.map((f) => `${f.ai}=${enc(f.value)}`).join('&');
  return `https://id.example.com${pathText}${query ? `?${query}` : ''}`;
}

function firstMessage(rand: Rand): Fields | null {
  for (let tries = 0; tries < 20; tries++) {
    const fields = sampleMessage(rand);
    if (fields) return fields;
  }
  return null;
}

describe('round trip of generated element strings', () => {
  it('covers every AI of the dictionary', () => {
    const rand = seededRand(2026);
    const covered = new Set<string>();
    for (const def of allAis()) {
      for (let i = 0; i < 10; i++) {
        const fields = sampleMessage(rand, def);
        if (!fields) continue;
        expectRoundTrip(fields);
        for (const f of fields) covered.add(f.ai);
      }
    }
    console.log(`round-trip generator covers ${covered.size} of ${allAis().length} AIs`);
    expect(covered.size).toBe(allAis().length);
  });

  it('random messages survive bracketed and raw GS forms (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const fields = firstMessage(seededRand(seed));
        fc.pre(fields !== null);
        if (fields) expectRoundTrip(fields);
      }),
      { numRuns: 3000 },
    );
  });

  it('messages with a primary key survive as Digital Link URIs (fast-check)', () => {
    const keys = allAis().filter((a) => a.dlPrimaryKey);
    let checked = 0;
    fc.assert(
      fc.property(fc.integer(), fc.nat(keys.length - 1), (seed, k) => {
        const start = keys[k];
        const fields = start ? sampleMessage(seededRand(seed), start) : null;
        const uri = fields ? digitalLink(fields) : null;
        fc.pre(uri !== null);
        if (!uri || !fields) return;
        const r = parseGs1(uri);
        expect(r.errors, uri).toEqual([]);
        expect(new Set(pairs(uri).map((f) => `${f.ai}=${f.value}`))).toEqual(
          new Set(fields.map((f) => `${f.ai}=${f.value}`)),
        );
        checked++;
      }),
      { numRuns: 1500 },
    );
    expect(checked).toBeGreaterThan(500);
  });
});
