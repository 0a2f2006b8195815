import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GS1_ERROR_CODES, bracketed, gs1ElementString, lookupAi, parseGs1 } from './index';
import type { Gs1ParseResult } from './index';
import { sampleMessage, seededRand, type Rand } from './sample-values';

const KNOWN_CODES = new Set<string>(GS1_ERROR_CODES);

/** What must hold for every result, whatever the input. */
function checkInvariants(input: string, r: Gs1ParseResult): void {
  if (r.input !== input) throw new Error(`input not returned as given: ${JSON.stringify(input)}`);
  if (r.valid !== (r.errors.length === 0))
    throw new Error(`valid flag wrong: ${JSON.stringify(input)}`);
  for (const e of r.errors) {
    if (!KNOWN_CODES.has(e.code) || e.code === 'internal-error' || e.message === '') {
      throw new Error(`bad error ${JSON.stringify(e)} for ${JSON.stringify(input)}`);
    }
  }
  for (const f of r.fields) {
    if (!lookupAi(f.ai))
      throw new Error(`unknown AI (${f.ai}) in fields for ${JSON.stringify(input)}`);
  }
}

const AIM_IDS = [
  ']C1',
  ']e0',
  ']d2',
  ']Q3',
  ']J1',
  ']E0',
  ']E4',
  ']I1',
  ']d1',
  ']Q1',
  ']C0',
  ']z0',
  '',
];
const NOISE = [
  '\x1d',
  '(',
  ')',
  '\\(',
  ']',
  '^',
  '%',
  '%2',
  '%00',
  '%2F',
  '/',
  '?',
  '=',
  '&',
  '#',
  '|]e0',
  ' ',
  '+',
  '0',
  '1',
  '9',
  '00',
  '01',
  '10',
  '17',
  '21',
  '8030',
  '99',
  'A',
  'z',
  '\r\n',
  '\u0000',
  'é',
  '€',
  '\u{1F600}',
  '\uD800',
  '\uDFFF',
  '\uFFFF',
  'https://',
  'http://a/01/',
  '/01/',
  '/10/',
];
const DIGITS = '0123456789';

function pick<T>(rand: Rand, items: readonly T[]): T {
  const item = items[rand(items.length)];
  if (item === undefined) throw new RangeError('empty list');
  return item;
}

/** Valid scans in every form: the seeds that mutations start from. */
function seedInputs(rand: Rand): string[] {
  const out: string[] = [
    'https://id.gs1.org/01/09506000134352/10/ABC%2F1?17=270315',
    'https://example.com/p/01/09506000134352/22/V/10/L/21/S?3103=000195&linkType=x#f',
    ']E04006381333931|]e01727031510ABC',
    '4006381333931',
    '04252614',
    '10614141000415',
  ];
  while (out.length < 600) {
    const fields = sampleMessage(rand);
    if (!fields) continue;
    out.push(bracketed(fields), pick(rand, AIM_IDS) + gs1ElementString(fields));
    const key = fields.find((f) => lookupAi(f.ai)?.dlPrimaryKey);
    if (key) out.push(`https://id.gs1.org/${key.ai}/${encodeURIComponent(key.value)}`);
  }
  return out;
}

function randomString(rand: Rand): string {
  let s = '';
  const len = rand(40);
  for (let i = 0; i < len; i++) {
    s +=
      rand(4) === 0
        ? pick(rand, NOISE)
        : String.fromCharCode(rand(3) === 0 ? rand(0x10000) : 32 + rand(95));
  }
  return s;
}

function mutate(rand: Rand, base: string, seeds: readonly string[]): string {
  let s = base;
  const ops = 1 + rand(4);
  for (let k = 0; k < ops; k++) {
    const at = rand(s.length + 1);
    switch (rand(7)) {
      case 0: // insert noise
        s = s.slice(0, at) + pick(rand, NOISE) + s.slice(at);
        break;
      case 1: // delete a run
        s = s.slice(0, at) + s.slice(at + 1 + rand(4));
        break;
      case 2: // replace one character with a digit or noise
        s =
          s.slice(0, at) +
          (rand(2) ? DIGITS.charAt(rand(10)) : pick(rand, NOISE)) +
          s.slice(at + 1);
        break;
      case 3: // duplicate a slice
        s = s.slice(0, at) + s.slice(rand(s.length + 1), at) + s.slice(at);
        break;
      case 4: // truncate
        s = s.slice(0, at);
        break;
      case 5: // splice with another seed
        s = s.slice(0, at) + pick(rand, seeds).slice(rand(20));
        break;
      default: // new AIM prefix
        s = pick(rand, AIM_IDS) + s.replace(/^\][A-Za-z0-9]{2}/, '');
    }
  }
  return s;
}

describe('parseGs1 robustness', () => {
  it('never throws and keeps its invariants on arbitrary strings (fast-check)', () => {
    const aim = fc.constantFrom(...AIM_IDS);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc
            .tuple(aim, fc.string({ unit: fc.constantFrom(...NOISE, ...DIGITS) }))
            .map(([a, b]) => a + b),
          fc.tuple(aim, fc.string({ unit: 'grapheme-ascii' })).map(([a, b]) => a + b),
        ),
        (input) => checkInvariants(input, parseGs1(input)),
      ),
      { numRuns: 20_000 },
    );
  });

  it('survives 1,000,000 random and mutated scans in bounded time', () => {
    const rand = seededRand(0x5eed);
    const seeds = seedInputs(rand);
    const total = 1_000_000;
    let slowest: { ms: number; input: string }[] = [];
    let valid = 0;
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const input = rand(10) === 0 ? randomString(rand) : mutate(rand, pick(rand, seeds), seeds);
      const t0 = performance.now();
      const r = parseGs1(input);
      const dt = performance.now() - t0;
      if (slowest.length < 5 || dt > (slowest[4]?.ms ?? 0)) {
        slowest = [...slowest, { ms: dt, input }].sort((a, b) => b.ms - a.ms).slice(0, 5);
      }
      if (r.valid) valid++;
      checkInvariants(input, r);
    }
    const seconds = (performance.now() - started) / 1000;
    // A single slow call may be a GC pause or a busy machine; re-time the slowest inputs alone
    // (best of 20) to tell a pause from an input that is really slow to parse.
    const retimed = slowest.map(({ input }) => {
      let best = Infinity;
      for (let k = 0; k < 20; k++) {
        const t0 = performance.now();
        parseGs1(input);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    });
    console.log(
      `robustness: ${total} inputs (${valid} still valid) in ${seconds.toFixed(1)} s; ` +
        `slowest call ${(slowest[0]?.ms ?? 0).toFixed(2)} ms, ` +
        `re-timed alone ${Math.max(...retimed).toFixed(3)} ms`,
    );
    expect(Math.max(...retimed)).toBeLessThan(5);
    expect(slowest[0]?.ms ?? 0).toBeLessThan(2000);
  }, 120_000);

  it('handles long inputs in linear time', () => {
    const long = `(01)09506000134352${'(10)ABC'.repeat(1150)}`;
    const t0 = performance.now();
    const r = parseGs1(long);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.fields.length).toBe(1151);
    expect(parseGs1(`]C1${'9'.repeat(8180)}`).errors[0]?.code).toBe('missing-separator');
    expect(parseGs1(`https://a/01/09506000134352?${'x=1&'.repeat(2000)}`).valid).toBe(true);
  });
});
