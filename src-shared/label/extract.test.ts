import { describe, expect, it } from 'vitest';
import { extractLabelData } from './extract';
import type { LabelContext, LabelWarningCode } from './types';

const ctx: LabelContext = { today: '2026-11-28', language: 'en', market: 'EU' };
const read = (lines: string[], context: Partial<LabelContext> = {}) =>
  extractLabelData(lines, { ...ctx, ...context });
const codes = (lines: string[], context: Partial<LabelContext> = {}): LabelWarningCode[] =>
  read(lines, context).warningDetails.map((w) => w.code);

describe('extractLabelData: expiry keywords', () => {
  it.each([
    ['EXP 2027-03-15', '2027-03-15'],
    ['EXP. 15/03/2027', '2027-03-15'],
    ['EXP.15.03.27', '2027-03-15'],
    ['Exp date: 2027/11/30', '2027-11-30'],
    ['Expiry 20270315', '2027-03-15'],
    ['BB 2027 MAR 15', '2027-03-15'],
    ['BBE 15 MAR 2027', '2027-03-15'],
    ['Best before MAR 15 2027', '2027-03-15'],
    ['Best before end: 03/2027', '2027-03-31'],
    ['Use by 02 2028', '2028-02-29'],
    ['USE BY: 2027-06-30', '2027-06-30'],
    ['保质期至2027年03月15日', '2027-03-15'],
    ['有效期至：2027.08.01', '2027-08-01'],
    ['有效期：2027.08.01', '2027-08-01'],
    ['限用日期：2027-05-01', '2027-05-01'],
    ['失效日期 2027/05/01', '2027-05-01'],
    ['EXP2027MAR15', '2027-03-15'],
    ['EXPMAR2027', '2027-03-31'],
  ])('%s → %s', (line, expiry) => {
    const data = read([line]);
    expect(data.expiry).toBe(expiry);
    expect(data.expiryBasis).toBe('printed');
    expect(data.warnings).toEqual([]);
  });

  it('prefers use-by over best-before over sell-by', () => {
    expect(read(['SELL BY 2027-01-01', 'BEST BEFORE 2027-02-01', 'USE BY 2027-03-01']).expiry).toBe(
      '2027-03-01',
    );
    expect(read(['SELL BY 2027-01-01', 'BEST BEFORE 2027-02-01']).expiry).toBe('2027-02-01');
    expect(read(['SELL BY 2027-01-01']).expiry).toBe('2027-01-01');
  });

  it('accepts the same date printed twice, in two layouts', () => {
    const data = read(['EXP 2027-04-03', '有效期至：2027.04.03', 'EXP 03/04/2027'], {
      market: undefined,
    });
    expect(data.expiry).toBe('2027-04-03');
    expect(data.warnings).toEqual([]);
  });

  it('refuses two different expiry dates', () => {
    const data = read(['EXP 2027-04-03', 'EXP 2027-05-03']);
    expect(data.expiry).toBeNull();
    expect(data.warnings).toEqual([
      'conflicting-expiry: the label prints different expiry dates: 2027-04-03, 2027-05-03',
    ]);
  });

  it('takes the date from the next line when the keyword ends a line', () => {
    const data = read(['EXP:', '15/03/2027', 'LOT A1']);
    expect(data.expiry).toBe('2027-03-15');
    expect(data.lot).toBe('A1');
    expect(data.candidates.filter((c) => c.kind === 'unlabelled-date')).toEqual([]);
  });

  it('flags an impossible date after a keyword', () => {
    const data = read(['EXP 2027-02-30']);
    expect(data.expiry).toBeNull();
    expect(data.warnings).toEqual([
      'invalid-date: "2027-02-30" after "EXP" is not a calendar date',
    ]);
  });

  it('flags OCR corrections', () => {
    const data = read(['EXP 2O27-O6-3O']);
    expect(data.expiry).toBe('2027-06-30');
    expect(codes(['EXP 2O27-O6-3O'])).toEqual(['ocr-corrected']);
  });

  it('ignores keyword look-alikes inside words', () => {
    const data = read([
      'PRODUCT OF ITALY',
      'EXPORT QUALITY',
      'RUBBER SEAL',
      'BODY LOTION 200ML',
      'PILOT 12',
    ]);
    expect(data).toMatchObject({ expiry: null, production: null, lot: null, warnings: [] });
    // LOTION is seen as a lot keyword (OCR glues lots to LOT) but yields no lot: no digit.
    expect(data.candidates).toEqual([
      {
        kind: 'lot',
        line: 3,
        keyword: 'LOT',
        text: 'ION 200ML',
        value: null,
        status: 'no-value',
        readings: [],
      },
    ]);
  });
});

describe('extractLabelData: production keywords', () => {
  it.each([
    ['MFG 2026-09-15'],
    ['MFG. 15/09/2026'],
    ['MFD: 15.09.26'],
    ['PROD 20260915'],
    ['PROD. DATE 2026/09/15'],
    ['P.D. 15 SEP 2026'],
    ['Production date: SEP 15 2026'],
    ['生产日期：2026-09-15'],
    ['生产日期 2026年09月15日'],
  ])('%s → 2026-09-15', (line) => {
    expect(read([line]).production).toBe('2026-09-15');
  });

  it('reads P.D. / E.D. and "Packed on" / "Produced on"', () => {
    expect(read(['P.D.:2026.09.15 E.D.:2027.09.14'])).toMatchObject({
      production: '2026-09-15',
      expiry: '2027-09-14',
    });
    expect(read(['Packed on 2026-11-01 Use by 2026-12-01']).production).toBe('2026-11-01');
    expect(read(['Produced on 01 NOV 2026']).production).toBe('2026-11-01');
  });

  it('reads production and expiry from one glued line', () => {
    expect(read(['MFG20260915EXP20270914BATCHA1B2'])).toMatchObject({
      production: '2026-09-15',
      expiry: '2027-09-14',
      lot: 'A1B2',
    });
  });

  it('reads a month and year whose space OCR dropped, after a keyword only', () => {
    expect(read(['Useby062027', 'BATCHZ1783'])).toMatchObject({
      expiry: '2027-06-30',
      lot: 'Z1783',
      warnings: [],
    });
    expect(read(['Bestbefore022028']).expiry).toBe('2028-02-29');
    expect(read(['Tel 062027'])).toMatchObject({ expiry: null, warnings: [] });
  });

  it('reads month-first dates for a US SKU', () => {
    expect(
      read(['MFD: 01/06/2026', 'EXP.01/06/2027'], { language: 'en', market: 'US' }),
    ).toMatchObject({
      production: '2026-01-06',
      expiry: '2027-01-06',
    });
  });

  it('warns about a production date in the future or after the expiry', () => {
    expect(codes(['MFG 2027-01-01 EXP 2026-12-01'])).toEqual([
      'expiry-before-production',
      'production-in-future',
    ]);
  });
});

describe('extractLabelData: lots', () => {
  it.each([
    ['LOT SW0630'],
    ['LOT: SW0630'],
    ['LOT#SW0630'],
    ['Lot No. SW0630'],
    ['L: SW0630'],
    ['L.SW0630'],
    ['BATCH SW0630'],
    ['Batch No. SW0630'],
    ['Batch No: SW0630'],
    ['批号：SW0630'],
    ['批次 SW0630'],
    ['生产批号:SW0630'],
    ['L0T SW0630'],
  ])('%s → SW0630', (line) => {
    expect(read([line]).lot).toBe('SW0630');
  });

  it('stops the lot at the next keyword even without a space', () => {
    expect(read(['LOTSW0630EXP20270630'])).toMatchObject({ lot: 'SW0630', expiry: '2027-06-30' });
    expect(read(['EXP20270630LOTSW0630'])).toMatchObject({ lot: 'SW0630', expiry: '2027-06-30' });
    expect(read(['LOT:SW0630 BB:15/03/2027'])).toMatchObject({
      lot: 'SW0630',
      expiry: '2027-03-15',
    });
    expect(read(['L.SW0630EXP.15.03.27'])).toMatchObject({ lot: 'SW0630', expiry: '2027-03-15' });
  });

  it('does not take a lone L after a number for a lot keyword', () => {
    expect(read(['1.5L. 20270630']).lot).toBeNull();
  });

  it('reports two different lots instead of picking one', () => {
    const data = read(['LOT A123', 'BATCH B456']);
    expect(data.lot).toBeNull();
    expect(codes(['LOT A123', 'BATCH B456'])).toEqual(['conflicting-lot']);
  });
});

describe('extractLabelData: ambiguity', () => {
  it('leaves 03/04/2027 null with both readings when nothing decides', () => {
    const data = read(['EXP 03/04/2027'], { language: 'en', market: undefined });
    expect(data.expiry).toBeNull();
    expect(data.warningDetails).toEqual([
      {
        code: 'ambiguous-date',
        text: '"03/04/2027" could be 2027-04-03 (day first) or 2027-03-04 (month first); enter the date by hand',
        dates: ['2027-04-03', '2027-03-04'],
      },
    ]);
    expect(data.candidates[0]).toMatchObject({
      kind: 'expiry',
      status: 'ambiguous',
      readings: ['2027-04-03', '2027-03-04'],
    });
  });
  it('resolves it by language, market, or the format printed on the label', () => {
    expect(read(['EXP 03/04/2027'], { language: 'zh', market: undefined }).expiry).toBe(
      '2027-04-03',
    );
    expect(read(['EXP 03/04/2027'], { language: 'en-US', market: undefined }).expiry).toBe(
      '2027-03-04',
    );
    expect(
      read(['EXP (MM/DD/YYYY) 03/04/2027'], { language: 'en', market: undefined }).expiry,
    ).toBe('2027-03-04');
  });
});

describe('extractLabelData: dates without a keyword', () => {
  it('takes a single future date as the expiry, with a warning', () => {
    const data = read(['NET WT 500g', '2027-06-30']);
    expect(data).toMatchObject({ expiry: '2027-06-30', expiryBasis: 'unlabelled' });
    expect(data.warnings).toEqual([
      'expiry-unlabelled: 2027-06-30 is the only date on the label and has no keyword; taken as the expiry',
    ]);
  });
  it('flags an OCR-corrected lone date too', () => {
    expect(codes(['l5.O3.2O27'])).toEqual(['expiry-unlabelled', 'ocr-corrected']);
  });
  it('does not take a past date, two dates, a far-future date or a weak date', () => {
    expect(read(['2026-01-05'])).toMatchObject({ expiry: null, production: null });
    expect(codes(['2026-01-05'])).toEqual(['unlabelled-date']);
    expect(read(['2026-01-05', '2027-01-05']).expiry).toBeNull();
    expect(read(['2045-01-05']).expiry).toBeNull();
    expect(read(['20270630']).expiry).toBeNull();
    expect(read(['15.03.27']).expiry).toBeNull();
    expect(read(['energy 2027.5kJ']).expiry).toBeNull();
  });
  it('does not apply when a production keyword is printed', () => {
    const data = read(['MFG 2026-01-05', '2027-01-05']);
    expect(data).toMatchObject({ expiry: null, production: '2026-01-05' });
    expect(data.warningDetails.map((w) => w.code)).toEqual(['unlabelled-date']);
  });
  it('reports an ambiguous lone date instead of using it', () => {
    expect(codes(['03/04/2027'], { language: 'en', market: undefined })).toEqual([
      'ambiguous-date',
    ]);
  });
  it('does not read a lot that looks like a date as a date', () => {
    expect(read(['批号：20270630'])).toMatchObject({
      lot: '20270630',
      expiry: null,
      production: null,
    });
  });
});

describe('extractLabelData: English shelf-life statements', () => {
  it('reads "Shelf life: 18 months" and counts it from the production date', () => {
    const data = read(['Shelf life: 18 months', 'MFG 2026-09-15']);
    expect(data).toMatchObject({
      production: '2026-09-15',
      expiry: '2028-03-15',
      expiryBasis: 'computed',
      shelfLife: { value: 18, unit: 'month' },
      shelfLifeDays: 547,
    });
  });
  it('counts months back from a printed expiry when there is no production date', () => {
    // 2026-02-28 → 2028-02-29: two calendar years back from a leap day.
    expect(read(['SHELF LIFE 2 YEARS', 'EXP 2028-02-29']).shelfLifeDays).toBe(731);
  });
  it('says so when nothing anchors the months', () => {
    const data = read(['Shelf life: 18 months']);
    expect(data.shelfLifeDays).toBeNull();
    expect(data.warningDetails.map((w) => w.code)).toEqual(['shelf-life-unanchored']);
  });
  it('warns when the printed expiry disagrees with production + shelf life', () => {
    expect(codes(['MFG 2026-09-15', 'Shelf life 12 months', 'EXP 2027-03-15'])).toEqual([
      'shelf-life-mismatch',
    ]);
    expect(codes(['MFG 2026-09-15', 'Shelf life 12 months', 'EXP 2027-09-14'])).toEqual([]);
  });
});
