import { describe, expect, it } from 'vitest';
import { expiryFromGs1 } from './gs1-dates';

describe('expiryFromGs1', () => {
  const all = {
    expiry: '2027-06-30',
    bestBefore: '2027-05-31',
    sellBy: '2027-04-30',
    production: '2026-06-30',
    packaging: '2026-07-01',
  };
  it('prefers AI 17, then 15, then 16', () => {
    expect(expiryFromGs1(all)).toEqual({
      expiry: '2027-06-30',
      ai: '17',
      production: '2026-06-30',
      productionAi: '11',
    });
    expect(expiryFromGs1({ ...all, expiry: null })?.ai).toBe('15');
    expect(expiryFromGs1({ ...all, expiry: null, bestBefore: undefined })?.ai).toBe('16');
  });
  it('falls back to AI 11, then 13, plus the SKU shelf life', () => {
    expect(expiryFromGs1({ production: '2028-02-29', packaging: '2028-03-01' }, 365)).toEqual({
      expiry: '2029-02-28',
      ai: '11',
      production: '2028-02-29',
      productionAi: '11',
    });
    expect(expiryFromGs1({ packaging: '2026-07-01' }, 10)).toEqual({
      expiry: '2026-07-11',
      ai: '13',
      production: '2026-07-01',
      productionAi: '13',
    });
  });
  it('gives nothing without a printed expiry or a shelf life', () => {
    expect(expiryFromGs1({ production: '2026-06-30' })).toBeNull();
    expect(expiryFromGs1({ production: '2026-06-30' }, 0)).toBeNull();
    expect(expiryFromGs1({})).toBeNull();
  });
  it('skips values that are not calendar dates', () => {
    expect(expiryFromGs1({ expiry: '2027-02-30', bestBefore: '2027-02-28' })?.ai).toBe('15');
  });
});
