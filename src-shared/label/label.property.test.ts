import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, parseIsoDate, toDayNumber } from '../util/dates';
import type { IsoDate } from '../util/dates';
import { parseLabelDate } from './date-formats';
import { extractLabelData } from './extract';
import type { LabelContext, LabelData } from './types';

const today = '2026-11-28';
const cn: LabelContext = { today, language: 'zh', market: 'CN' };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const dateIn = (from: IsoDate, to: IsoDate) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const anyDate = dateIn('2000-01-01', '2099-12-31');
const futureDate = dateIn('2026-11-29', '2036-11-27');
const pastDate = dateIn('2000-01-01', today);

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (date: IsoDate) => {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new Error(date);
  return {
    y: String(ymd.year),
    m: pad(ymd.month),
    d: pad(ymd.day),
    mon: MONTHS[ymd.month - 1] ?? '',
  };
};

/** Every layout, as printed; day-first where the order matters (the CN context reads it so). */
const FORMATS: readonly ((date: IsoDate) => string)[] = [
  (t) => {
    const p = parts(t);
    return `${p.y}-${p.m}-${p.d}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.d}/${p.m}/${p.y}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.d}.${p.m}.${p.y.slice(2)}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.y}/${p.m}/${p.d}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.y}${p.m}${p.d}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.y} ${p.mon} ${p.d}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.d} ${p.mon} ${p.y}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.mon} ${p.d} ${p.y}`;
  },
  (t) => {
    const p = parts(t);
    return `${p.y}年${p.m}月${p.d}日`;
  },
  (t) => {
    const p = parts(t);
    return `${p.y}.${p.m}.${p.d}`;
  },
];
/** The strong layouts: the ones a lone date may be printed in and still be believed. */
const STRONG_FORMATS = [0, 1, 3, 6, 8].map((i) => FORMATS[i]!);

const EXPIRY_KEYWORDS = [
  'EXP',
  'EXP.',
  'BB',
  'BBE',
  'Best before',
  'Use by',
  '保质期至',
  '有效期至：',
  '限用日期',
  '失效日期',
];
const SEPARATORS = ['', ' ', ': ', '：'];
const lotCode = fc
  .tuple(fc.stringMatching(/^[A-Z]{1,3}$/), fc.stringMatching(/^[0-9]{2,6}$/))
  .map(([a, b]) => a + b);

const DIGIT_FREE = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzOIl .:/-#()%,',
  ...'营养成分表保质期至生产日期批号有效个月年天日一二十',
];
const WORDS = [
  'EXP',
  'LOT',
  'BB',
  'MFG',
  '生产日期：',
  '保质期：',
  '批号',
  'MAR',
  'DEC',
  'NOV',
  'Best before',
  'O',
  'I',
  'l',
  '十二个月',
];
const digitFreeLine = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.string({ unit: fc.constantFrom(...DIGIT_FREE), maxLength: 12 }),
    ),
    { maxLength: 8 },
  )
  .map((tokens) => tokens.join(' '));

/** Numbers that are not dates: the noise of a label (weights, nutrition, barcodes, prices). */
const noiseToken = fc.oneof(
  fc.nat({ max: 1_000_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.nat({ max: 5000 }).map((n) => `${n}g`),
  fc.nat({ max: 100 }).map((n) => `${n}%`),
  fc.stringMatching(/^69[0-9]{11}$/),
  fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 }), fc.nat({ max: 99 })).map((t) => t.join('x')),
  fc.tuple(fc.nat({ max: 23 }), fc.nat({ max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc.stringMatching(/^[0-9]{3}-[0-9]{3}-[0-9]{4}$/),
  anyDate.map((d) => d.replaceAll('-', '')), // a bare YYYYMMDD run: a code, unless a keyword says otherwise
  fc
    .tuple(fc.nat({ max: 31 }), fc.nat({ max: 12 }), fc.nat({ max: 99 }))
    .map((t) => t.map(pad).join('.')),
  fc.constantFrom('NET WT', 'PCS', '营养成分表', '能量', 'kJ', '¥12.50'),
);
const noiseLines = fc.array(
  fc.array(noiseToken, { minLength: 1, maxLength: 6 }).map((t) => t.join(' ')),
  { maxLength: 6 },
);

const datesSeen = (data: LabelData) =>
  data.candidates.filter((c) => c.kind !== 'lot' && c.kind !== 'shelf-life' && c.value !== null);
const codes = (data: LabelData) => data.warningDetails.map((w) => w.code);

describe('label reader properties', () => {
  it('text without digits yields no dates', () => {
    fc.assert(
      fc.property(fc.array(digitFreeLine, { maxLength: 6 }), (lines) => {
        const data = extractLabelData(lines, cn);
        expect(data.expiry).toBeNull();
        expect(data.production).toBeNull();
        expect(datesSeen(data)).toEqual([]);
      }),
    );
  });

  it('numbers without a keyword never become a production date, and never an expiry', () => {
    fc.assert(
      fc.property(
        noiseLines,
        fc.constantFrom<Partial<LabelContext>>({}, { market: 'US' }, { language: 'zh' }),
        (lines, extra) => {
          const data = extractLabelData(lines, { today, ...extra });
          expect(data.production).toBeNull();
          expect(data.expiry).toBeNull();
          expect(codes(data)).not.toContain('expiry-unlabelled');
        },
      ),
    );
  });

  it('one strong future date among the noise is the expiry, with a warning', () => {
    fc.assert(
      fc.property(
        noiseLines,
        futureDate,
        fc.constantFrom(...STRONG_FORMATS),
        fc.nat(),
        (noise, date, format, at) => {
          const lines = [...noise];
          lines.splice(at % (lines.length + 1), 0, format(date));
          const data = extractLabelData(lines, cn);
          expect(data.expiry).toBe(date);
          expect(data.expiryBasis).toBe('unlabelled');
          expect(codes(data)).toContain('expiry-unlabelled');
        },
      ),
    );
  });

  it('a past date, or two different dates, without a keyword are not used', () => {
    fc.assert(
      fc.property(
        noiseLines,
        pastDate,
        futureDate,
        fc.constantFrom(...STRONG_FORMATS),
        (noise, past, future, format) => {
          expect(extractLabelData([...noise, format(past)], cn).expiry).toBeNull();
          const two = extractLabelData([format(past), ...noise, format(future)], cn);
          expect(two.expiry).toBeNull();
          expect(codes(two)).toContain('unlabelled-date');
        },
      ),
    );
  });

  it('a date after an expiry keyword is read in every layout, spaced or glued, with its lot', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...EXPIRY_KEYWORDS),
        fc.constantFrom(...SEPARATORS),
        lotCode,
        fc.constantFrom('LOT', 'LOT:', 'L:', 'BATCH', '批号'),
        fc.constantFrom('', ' '),
        fc.boolean(),
        (date, format, keyword, sep, lot, lotKeyword, gap, lotFirst) => {
          const expiryText = `${keyword}${sep}${format(date)}`;
          const lotText = `${lotKeyword}${gap}${lot}`;
          const line = lotFirst ? `${lotText}${gap}${expiryText}` : `${expiryText}${gap}${lotText}`;
          const data = extractLabelData([line], cn);
          expect(data.expiry).toBe(date);
          expect(data.lot).toBe(lot);
          expect(data.production).toBeNull();
        },
      ),
    );
  });

  it('03/04-style dates are read by the context, or reported with both readings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2099 }),
        (a, b, year) => {
          fc.pre(a !== b);
          const line = `EXP ${pad(a)}/${pad(b)}/${year}`;
          const dayFirst = `${year}-${pad(b)}-${pad(a)}`;
          const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
          expect(extractLabelData([line], { today, market: 'CN' }).expiry).toBe(dayFirst);
          expect(extractLabelData([line], { today, market: 'US' }).expiry).toBe(monthFirst);
          const unsure = extractLabelData([line], { today, language: 'en' });
          expect(unsure.expiry).toBeNull();
          expect(unsure.warningDetails).toContainEqual(
            expect.objectContaining({ code: 'ambiguous-date', dates: [dayFirst, monthFirst] }),
          );
        },
      ),
    );
  });

  it('O and l misread for 0 and 1 inside a date are read back, and flagged', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        (date, flips) => {
          const garbled = [...date]
            .map((c, i) => (flips[i] ? (c === '0' ? 'O' : c === '1' ? 'l' : c) : c))
            .join('');
          const parsed = parseLabelDate(garbled, cn);
          expect(parsed?.date).toBe(date);
          expect(parsed?.corrected).toBe(garbled !== date);
        },
      ),
    );
  });
});
