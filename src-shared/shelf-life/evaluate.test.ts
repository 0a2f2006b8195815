import { describe, expect, it } from 'vitest';
import { addDays } from '../util/dates';
import { evaluateShelfLife, toShelfLifeJson } from './evaluate';
import type { ShelfLifeEvaluation, ShelfLifeInput } from './evaluate';
import { defaultShelfLifeRules, resolveRules } from './rules';

const rules = defaultShelfLifeRules;

function ok(input: Omit<ShelfLifeInput, 'rules'>): ShelfLifeEvaluation {
  const result = evaluateShelfLife({ rules, ...input });
  if (!result.ok) throw new Error(`expected a result, got ${result.error.code}`);
  return result.value;
}

describe('evaluateShelfLife: the reasons', () => {
  it('refuses 192 days left of 300 with the exact reason', () => {
    const value = ok({
      expiry: '2027-06-30',
      shelfLifeDays: 300,
      received: addDays('2027-06-30', -192),
    });
    expect(value).toMatchObject({
      totalDays: 300,
      removalWindowDays: 60,
      removalDate: '2027-05-01',
      alertDate: '2027-04-17',
      remainingDays: 192,
      minRemainingDays: 200,
      acceptable: false,
      reason: {
        code: 'below-min-fraction',
        params: { remainingDays: 192, requiredDays: 200, totalDays: 300, num: 2, den: 3 },
      },
    });
    expect(value.reasonText.en).toBe('192 days left, 200 required (2/3 of 300)');
    expect(value.reasonText['zh-CN']).toBe('剩余192天，要求至少200天（总保质期300天的2/3）');
  });

  it('accepts exactly the minimum and refuses one day less', () => {
    const at = ok({
      expiry: '2027-06-30',
      shelfLifeDays: 300,
      received: addDays('2027-06-30', -200),
    });
    expect(at.acceptable).toBe(true);
    expect(at.reasonText.en).toBe('200 days left, at least 200 required (2/3 of 300)');
    const below = ok({
      expiry: '2027-06-30',
      shelfLifeDays: 300,
      received: addDays('2027-06-30', -199),
    });
    expect(below.acceptable).toBe(false);
  });

  it('names the removal window when the lot could not even go on sale', () => {
    const value = ok({
      expiry: '2027-06-30',
      shelfLifeDays: 120,
      received: addDays('2027-06-30', -25),
    });
    expect(value.reason).toEqual({
      code: 'within-removal-window',
      params: { remainingDays: 25, removalWindowDays: 30 },
    });
    expect(value.reasonText.en).toBe('25 days left, must be more than the 30-day removal window');
    expect(value.reasonText['zh-CN']).toBe('剩余25天，须多于30天的下架期');
  });

  it('refuses a lot exactly at its removal date (the window must be exceeded)', () => {
    const rulesNoFraction = resolveRules(rules, {
      acceptance: { minRemainingFraction: { num: 0, den: 1 } },
    });
    const at = evaluateShelfLife({
      rules: rulesNoFraction,
      expiry: '2027-06-30',
      shelfLifeDays: 120,
      received: '2027-05-31', // 30 days left, window 30
    });
    expect(at.ok && at.value.reason.code).toBe('within-removal-window');
    const after = evaluateShelfLife({
      rules: rulesNoFraction,
      expiry: '2027-06-30',
      shelfLifeDays: 120,
      received: '2027-05-30',
    });
    expect(after.ok && after.value).toMatchObject({
      acceptable: true,
      minRemainingDays: 31,
      reasonText: {
        en: '31 days left, at least 31 required (more than the 30-day removal window)',
      },
    });
  });

  it('refuses an expired lot whatever the table says', () => {
    const lenient = resolveRules(rules, {
      acceptance: { minRemainingFraction: { num: 0, den: 1 }, mustExceedRemovalWindow: false },
    });
    const result = evaluateShelfLife({
      rules: lenient,
      expiry: '2027-01-01',
      shelfLifeDays: 30,
      received: '2027-01-04',
    });
    expect(result.ok && result.value).toMatchObject({
      acceptable: false,
      remainingDays: -3,
      minRemainingDays: 0,
      reason: { code: 'expired' },
      reasonText: {
        en: 'expired 3 days before receipt (expiry 2027-01-01)',
        'zh-CN': '收货时已过期3天（到期日2027-01-01）',
      },
    });
  });
});

describe('evaluateShelfLife: where the dates come from', () => {
  it('computes the expiry from the production date plus the shelf life', () => {
    const value = ok({ production: '2026-09-15', shelfLifeDays: 365, received: '2026-10-01' });
    expect(value).toMatchObject({
      expiry: '2027-09-15',
      production: '2026-09-15',
      totalDays: 365,
      removalWindowDays: 60,
      removalDate: '2027-07-17',
      remainingDays: 349,
      acceptable: true,
      expiryBasis: 'production-plus-shelf-life',
      totalDaysBasis: 'sku-shelf-life',
    });
  });

  it('takes the total from the two dates when both are printed, ignoring the SKU value', () => {
    const value = ok({
      production: '2026-01-01',
      expiry: '2026-12-31',
      shelfLifeDays: 540,
      received: '2026-02-01',
    });
    expect(value).toMatchObject({
      totalDays: 364,
      removalWindowDays: 60,
      expiryBasis: 'stated',
      totalDaysBasis: 'production-to-expiry',
    });
  });

  it('handles leap years in calendar days', () => {
    expect(
      ok({ production: '2028-02-29', shelfLifeDays: 365, received: '2028-03-01' }).expiry,
    ).toBe('2029-02-28');
    expect(
      ok({ production: '2028-02-01', expiry: '2029-02-01', received: '2028-02-02' }),
    ).toMatchObject({
      totalDays: 366,
      removalWindowDays: 60,
      removalDate: '2028-12-03',
    });
    expect(
      ok({ production: '2027-02-01', expiry: '2028-02-01', received: '2027-02-02' }).totalDays,
    ).toBe(365);
    expect(
      ok({ expiry: '2028-03-30', shelfLifeDays: 60, received: '2028-02-01' }).removalDate,
    ).toBe('2028-03-20');
    expect(
      ok({ expiry: '2028-03-10', shelfLifeDays: 60, received: '2028-02-01' }).removalDate,
    ).toBe('2028-02-29');
  });

  it('reads month-only dates as the last day of the month', () => {
    expect(ok({ expiry: '03/2027', shelfLifeDays: 365, received: '2026-06-01' }).expiry).toBe(
      '2027-03-31',
    );
    expect(ok({ expiry: '2028-02', shelfLifeDays: 365, received: '2027-06-01' }).expiry).toBe(
      '2028-02-29',
    );
    expect(ok({ expiry: '2/2027', shelfLifeDays: 365, received: '2026-06-01' }).expiry).toBe(
      '2027-02-28',
    );
  });

  it('works on last-day-of-month dates (GS1 day 00 resolved upstream)', () => {
    const value = ok({ expiry: '2027-04-30', shelfLifeDays: 100, received: '2027-01-01' });
    expect(value.removalDate).toBe('2027-03-31');
    expect(value.alertDate).toBe('2027-03-17');
  });

  it('uses the short alert lead under 90 days of shelf life', () => {
    expect(ok({ expiry: '2027-03-31', shelfLifeDays: 89, received: '2027-01-05' })).toMatchObject({
      removalDate: '2027-03-21',
      alertDate: '2027-03-18',
    });
    expect(ok({ expiry: '2027-03-31', shelfLifeDays: 90, received: '2027-01-05' })).toMatchObject({
      removalDate: '2027-03-01',
      alertDate: '2027-02-15',
    });
  });

  it('records the date source', () => {
    expect(
      ok({ expiry: '2027-06-30', shelfLifeDays: 300, received: '2027-01-01', dateSource: 'label' })
        .dateSource,
    ).toBe('label');
    expect(
      ok({ expiry: '2027-06-30', shelfLifeDays: 300, received: '2027-01-01' }).dateSource,
    ).toBeNull();
  });
});

describe('evaluateShelfLife: typed errors', () => {
  const code = (input: Omit<ShelfLifeInput, 'rules'>, r = rules) => {
    const result = evaluateShelfLife({ rules: r, ...input });
    return result.ok ? 'ok' : result.error.code;
  };
  it('needs an expiry, or a production date with a shelf life', () => {
    expect(code({ received: '2027-01-01' })).toBe('no-expiry');
    expect(code({ production: '2026-01-01', received: '2027-01-01' })).toBe('no-expiry');
    expect(code({ shelfLifeDays: 30, received: '2027-01-01' })).toBe('no-expiry');
  });
  it('needs the total shelf life to pick a band', () => {
    expect(code({ expiry: '2027-06-30', received: '2027-01-01' })).toBe('unknown-total-shelf-life');
  });
  it('refuses impossible dates and shelf lives', () => {
    expect(code({ expiry: '2027-02-30', shelfLifeDays: 30, received: '2027-01-01' })).toBe(
      'invalid-date',
    );
    expect(code({ expiry: '2027-06-30', shelfLifeDays: 30, received: '01/01/2027' })).toBe(
      'invalid-date',
    );
    expect(code({ expiry: '2027-06-30', shelfLifeDays: 0, received: '2027-01-01' })).toBe(
      'invalid-shelf-life-days',
    );
    expect(code({ expiry: '2027-06-30', shelfLifeDays: 1.5, received: '2027-01-01' })).toBe(
      'invalid-shelf-life-days',
    );
    expect(code({ expiry: '2027-01-01', production: '2027-01-01', received: '2027-01-01' })).toBe(
      'non-positive-shelf-life',
    );
  });
  it('refuses to compute with an invalid table', () => {
    const broken = resolveRules(rules, {
      bands: [{ minDays: 1, maxDays: 10, removalWindowDays: 2 }],
    });
    const result = evaluateShelfLife({
      rules: broken,
      expiry: '2027-06-30',
      shelfLifeDays: 5,
      received: '2027-06-01',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.problems?.map((p) => p.code)).toEqual(['not-open-ended']);
  });
});

describe('toShelfLifeJson', () => {
  it('prints exactly the CLI keys, in order', () => {
    const value = ok({ expiry: '2027-06-30', shelfLifeDays: 300, received: '2026-12-20' });
    expect(JSON.stringify(toShelfLifeJson(value))).toBe(
      '{"expiry":"2027-06-30","totalDays":300,"removalWindowDays":60,"removalDate":"2027-05-01",' +
        '"alertDate":"2027-04-17","remainingDays":192,"minRemainingDays":200,"acceptable":false,' +
        '"reason":"192 days left, 200 required (2/3 of 300)"}',
    );
    expect(toShelfLifeJson(value, 'zh-CN').reason).toBe(
      '剩余192天，要求至少200天（总保质期300天的2/3）',
    );
  });
});
