import { describe, expect, it } from 'vitest';
import { extractLabelData } from './extract';
import type { LabelContext } from './types';

const ctx: LabelContext = { today: '2026-11-28', language: 'zh', market: 'CN' };
const read = (lines: string[]) => extractLabelData(lines, ctx);

describe('extractLabelData: Chinese labels', () => {
  it('computes the expiry from 生产日期 + 保质期 in months', () => {
    const data = read([
      '产品名称：纯牛奶',
      '生产日期：2026-09-15',
      '保质期：12个月',
      '批号：SW0915',
    ]);
    expect(data).toMatchObject({
      production: '2026-09-15',
      expiry: '2027-09-15',
      expiryBasis: 'computed',
      shelfLife: { value: 12, unit: 'month' },
      shelfLifeDays: 365,
      lot: 'SW0915',
    });
    expect(data.warnings).toEqual([
      'expiry-computed: no expiry printed; 2027-09-15 computed from production 2026-09-15 + 12 months',
    ]);
  });

  it('clamps to the end of a shorter month', () => {
    expect(read(['生产日期：2026-08-31', '保质期：6个月']).expiry).toBe('2027-02-28');
  });

  it('reads a statement on the same line, in days, years or Chinese numerals', () => {
    expect(read(['生产日期：2026-09-15 保质期 365天']).shelfLifeDays).toBe(365);
    expect(read(['生产日期：2026年09月15日 保质期2年']).expiry).toBe('2028-09-15');
    expect(read(['生产日期：20260915', '保质期：十八个月']).expiry).toBe('2028-03-15');
    expect(read(['生产日期：2026.09.15', '保质期：常温下9个月']).expiry).toBe('2027-06-15');
  });

  it('keeps the printed expiry over the computed one, and checks them against each other', () => {
    const data = read(['生产日期：2026-09-15', '保质期：12个月', '保质期至2027年09月14日']);
    expect(data).toMatchObject({ expiry: '2027-09-14', expiryBasis: 'printed', warnings: [] });
    const off = read(['生产日期：2026-09-15', '保质期：12个月', '有效期至：2027.03.14']);
    expect(off.expiry).toBe('2027-03-14');
    expect(off.warningDetails.map((w) => w.code)).toEqual(['shelf-life-mismatch']);
  });

  it('reads 限用日期 and 失效日期 and agrees when both print the same date', () => {
    expect(read(['限用日期：2027-01-01', '失效日期 2027.01.01'])).toMatchObject({
      expiry: '2027-01-01',
      warnings: [],
    });
  });

  it('reads full-width digits and punctuation', () => {
    expect(
      read(['生产日期：２０２６年０３月１５日', '有效期至：２０２７．０３．１４']),
    ).toMatchObject({
      production: '2026-03-15',
      expiry: '2027-03-14',
    });
  });

  it('reads dropped spaces and glued keywords', () => {
    expect(read(['生产日期2026-09-15批号SW0915有效期至2027-09-14'])).toMatchObject({
      production: '2026-09-15',
      lot: 'SW0915',
      expiry: '2027-09-14',
    });
  });

  it('reads 生产批号 and 批次', () => {
    expect(read(['生产批号：XK20260915']).lot).toBe('XK20260915');
    expect(read(['批次：20260915A']).lot).toBe('20260915A');
  });

  it('reads a day-first date on a Chinese label', () => {
    expect(read(['有效期至：03/04/2027']).expiry).toBe('2027-04-03');
  });

  it('does not read a date statement as a duration, nor a duration as a date', () => {
    const data = read(['保质期：2027年03月15日']);
    expect(data).toMatchObject({ expiry: '2027-03-15', shelfLife: null });
    expect(read(['保质期：见包装']).shelfLife).toBeNull();
  });
});

describe('extractLabelData: bilingual labels', () => {
  it('reads keywords printed in both languages', () => {
    const data = read(['LOT/批号：A123', 'EXP/有效期至：2027-06-30', '2026-06-30']);
    expect(data).toMatchObject({ lot: 'A123', expiry: '2027-06-30', production: null });
    expect(read(['批号/LOT: A123', '生产日期/MFG: 2026-06-30']).lot).toBe('A123');
    expect(read(['批号/LOT: A123', '生产日期/MFG: 2026-06-30']).production).toBe('2026-06-30');
  });
  it('takes a lot that starts like a keyword', () => {
    expect(read(['LOT BB2607']).lot).toBe('BB2607');
    expect(read(['LOT LOT2607']).lot).toBe('LOT2607');
    expect(read(['LOT/BATCH: A123']).lot).toBe('A123');
  });
});
