/**
 * Valid sample data generated from the dictionary: a value for any AI (every component type and
 * linter), and whole messages whose AIs satisfy each other's `req=`/`ex=` rules. Used by the
 * property tests and usable for demo data. Randomness is injected (`rand(n)` → 0…n-1), so a
 * seeded generator gives reproducible data and the module stays free of test libraries.
 */
import { CSET39, CSET64, CSET82 } from './charsets';
import {
  ibanCountryLengths,
  iso3166Alpha2Codes,
  iso3166NumericCodes,
  iso4217NumericCodes,
  packageTypeCodes,
} from './code-lists';
import { aiTable, type AiComponent, type AiDefinition, type AiEntry } from './dictionary';
import { checkPair } from './linters';
import { gtinCheckDigit } from './retail';

/** Uniform integer in [0, n). */
export type Rand = (n: number) => number;

/** A fast seeded generator (mulberry32): the same seed gives the same data on every machine. */
export function seededRand(seed: number): Rand {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const DIGITS = '0123456789';

function pick<T>(rand: Rand, items: readonly T[]): T {
  const item = items[rand(items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function chars(rand: Rand, set: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += set.charAt(rand(set.length));
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function between(rand: Rand, lo: number, hi: number): number {
  return lo + rand(hi - lo + 1);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYMMDD; Feb 29 only when YY is a multiple of 4 (the reference's fixed horizon). */
function yymmdd(rand: Rand, allowDayZero: boolean): string {
  const yy = rand(100);
  const month = between(rand, 1, 12);
  const day =
    allowDayZero && rand(5) === 0 ? 0 : between(rand, 1, daysIn(yy === 0 ? 2000 : yy, month));
  return pad(yy, 2) + pad(month, 2) + pad(day, 2);
}

function yyyymmdd(rand: Rand, allowDayZero: boolean): string {
  const year = between(rand, 1900, 2099);
  const month = between(rand, 1, 12);
  const day = allowDayZero && rand(5) === 0 ? 0 : between(rand, 1, daysIn(year, month));
  return pad(year, 4) + pad(month, 2) + pad(day, 2);
}

function ibanSample(rand: Rand): string {
  const [country, length] = pick(rand, ibanCountryLengths());
  const bban = chars(rand, DIGITS, length - 4);
  // Check digits: 98 - (BBAN + country + "00") mod 97 (ISO 13616).
  let rem = 0;
  for (const c of bban + country + '00') {
    const code = c.charCodeAt(0);
    rem = code >= 65 ? (rem * 100 + (code - 55)) % 97 : (rem * 10 + (code - 48)) % 97;
  }
  return country + pad(98 - rem, 2) + bban;
}

function couponPosOffer(rand: Rand): string {
  const funder = rand(7);
  const serial = rand(10);
  return (
    String(rand(2)) +
    String(funder) +
    chars(rand, DIGITS, funder + 6) +
    chars(rand, DIGITS, 6) +
    String(serial) +
    chars(rand, DIGITS, serial + 6)
  );
}

/** A coupon with the mandatory fields and, sometimes, an expiry date and serial number. */
function couponCode(rand: Rand): string {
  const gcp = rand(7);
  const save = between(rand, 1, 5);
  const req = between(rand, 1, 5);
  let out =
    String(gcp) +
    chars(rand, DIGITS, gcp + 6) +
    chars(rand, DIGITS, 6) +
    String(save) +
    chars(rand, DIGITS, save) +
    String(req) +
    chars(rand, DIGITS, req) +
    pick(rand, ['0', '1', '2', '3', '4', '9']) +
    chars(rand, DIGITS, 3);
  if (rand(2) === 0) out += '3' + yymmdd(rand, false);
  if (rand(2) === 0) out += '5' + '0' + chars(rand, DIGITS, 6);
  return out;
}

/** A check-pair value: GCP digits, optional body, then the pair (§7.9.5). */
function csumAlpha(rand: Rand, len: number, needsNonDigit: boolean): string {
  const bodyLen = Math.max(4, len - 2);
  let body = chars(rand, DIGITS, 4) + chars(rand, CSET82, bodyLen - 4);
  if (needsNonDigit) body = body.slice(0, 4) + 'A' + body.slice(5);
  return body + (checkPair(body, 0, body.length) ?? '22');
}

function cset64(rand: Rand, len: number): string {
  if (len >= 3 && len % 3 === 0 && rand(3) === 0) {
    const pads = between(rand, 1, 2);
    return chars(rand, CSET64, len - pads) + '='.repeat(pads);
  }
  return chars(rand, CSET64, len);
}

function plain(rand: Rand, type: AiComponent['type'], len: number): string {
  switch (type) {
    case 'N':
      return chars(rand, DIGITS, len);
    case 'X':
      return chars(rand, CSET82, len);
    case 'Y':
      return chars(rand, CSET39, len);
    case 'Z':
      return cset64(rand, len);
  }
}

/** A value for one component that passes its character set and every linter. */
export function sampleComponent(rand: Rand, c: AiComponent): string {
  const has = (name: AiComponent['linters'][number]): boolean => c.linters.includes(name);
  // A company prefix needs at least 4 (gcppos2: 5) characters, whatever the type allows.
  const floor = has('gcppos2') ? 5 : has('gcppos1') ? 4 : c.minLength;
  const len =
    c.minLength === c.maxLength
      ? c.maxLength
      : between(rand, Math.min(Math.max(floor, c.minLength), c.maxLength), c.maxLength);
  if (has('csum')) {
    const body = chars(rand, DIGITS, len - 1);
    return body + String(gtinCheckDigit(body));
  }
  if (has('csumalpha')) return csumAlpha(rand, Math.max(len, 6), has('hasnondigit'));
  if (has('yymmd0') || has('yymmdd')) return yymmdd(rand, has('yymmd0'));
  if (has('yyyymmd0') || has('yyyymmdd')) return yyyymmdd(rand, has('yyyymmd0'));
  if (has('hhmi')) return pad(rand(24), 2) + pad(rand(60), 2);
  if (has('hh')) return pad(rand(24), 2);
  if (has('mi') || has('ss')) return pad(rand(60), 2);
  if (has('iso3166999')) return rand(10) === 0 ? '999' : pick(rand, iso3166NumericCodes());
  if (has('iso3166')) return pick(rand, iso3166NumericCodes());
  if (has('iso3166alpha2')) return pick(rand, iso3166Alpha2Codes());
  if (has('iso4217')) return pick(rand, iso4217NumericCodes());
  if (has('iso5218')) return pick(rand, ['0', '1', '2', '9']);
  if (has('yesno')) return String(rand(2));
  if (has('zero')) return '0'.repeat(len);
  if (has('winding')) return pick(rand, ['0', '1', '9']);
  if (has('nonzero')) return String(between(rand, 1, 9)) + chars(rand, DIGITS, len - 1);
  if (has('nozeroprefix')) return String(between(rand, 1, 9)) + chars(rand, DIGITS, len - 1);
  if (has('hyphen')) return '-'.repeat(len);
  if (has('importeridx')) return chars(rand, CSET64, 1);
  if (has('mediatype')) return pad(pick(rand, [between(rand, 1, 10), between(rand, 80, 99)]), 2);
  if (has('packagetype')) return pick(rand, packageTypeCodes());
  if (has('latitude')) return pad(rand(1800000001), 10);
  if (has('longitude')) return pad(rand(3600000001), 10);
  if (has('iban')) return ibanSample(rand);
  if (has('couponcode')) return couponCode(rand);
  if (has('couponposoffer')) return couponPosOffer(rand);
  if (has('pieceoftotal')) {
    const half = len / 2;
    const total = between(rand, 1, 10 ** half - 1);
    return pad(between(rand, 1, total), half) + pad(total, half);
  }
  if (has('posinseqslash')) {
    const total = between(rand, 1, 9);
    return `${between(rand, 1, total)}/${total}`;
  }
  if (has('pcenc')) return chars(rand, CSET82.replace('%', ''), len);
  if (has('gcppos1') || has('gcppos2')) {
    const head = Math.min(len, has('gcppos2') ? 5 : 4);
    return chars(rand, DIGITS, head) + plain(rand, c.type, len - head);
  }
  return plain(rand, c.type, len);
}

/** A valid value for the AI; `serial` forces the first optional component in (for (8030)). */
export function sampleValue(rand: Rand, def: AiDefinition, serial = false): string {
  const optional = def.components.filter((c) => c.optional).length;
  const keep = serial && optional > 0 ? between(rand, 1, optional) : rand(optional + 1);
  let out = '';
  let optionalSeen = 0;
  for (const c of def.components) {
    if (c.optional && ++optionalSeen > keep) break;
    out += sampleComponent(rand, c);
  }
  return out;
}

function matching(pattern: string): AiEntry[] {
  const prefix = pattern.replace(/n+$/, '');
  return aiTable().entries.filter((e) => e.ai.length === pattern.length && e.ai.startsWith(prefix));
}

/**
 * A message around a random AI: its requirements resolved by picking alternatives, exclusions
 * respected. Returns null when the random choices conflict (callers retry).
 */
export function sampleMessage(
  rand: Rand,
  start?: AiDefinition,
): { ai: string; value: string }[] | null {
  const table = aiTable();
  const first = start ? table.byCode.get(start.ai) : pick(rand, table.entries);
  if (!first) return null;
  const chosen: AiEntry[] = [first];
  for (let i = 0; i < chosen.length; i++) {
    const entry = chosen[i];
    if (!entry || chosen.length > 12) return null;
    for (const alternatives of entry.requirePatterns) {
      const satisfied = alternatives.some((group) =>
        group.every((p) =>
          chosen.some((c) => c !== entry && c.ai.length === p.length && c.ai.startsWith(p.prefix)),
        ),
      );
      if (satisfied) continue;
      for (const p of pick(rand, alternatives)) {
        const candidate = pick(rand, matching(p.text));
        if (candidate !== entry && !chosen.includes(candidate)) chosen.push(candidate);
      }
    }
  }
  for (const a of chosen) {
    for (const p of a.excludePatterns) {
      if (chosen.some((b) => b !== a && b.ai.length === p.length && b.ai.startsWith(p.prefix)))
        return null;
    }
  }
  const signed = chosen.some((e) => e.ai === '8030');
  const fields = chosen.map((e) => ({ ai: e.ai, value: sampleValue(rand, e, signed) }));
  for (let i = fields.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    const a = fields[i];
    const b = fields[j];
    if (a && b) {
      fields[i] = b;
      fields[j] = a;
    }
  }
  return fields;
}
