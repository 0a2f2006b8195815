import { describe, expect, it } from 'vitest';
import { preview, renderReason } from './reasons';
import { defaultShelfLifeRules, resolveRules } from './rules';

describe('preview', () => {
  it('says when a product leaves sale', () => {
    expect(preview(defaultShelfLifeRules, 300, '2027-06-30')).toBe(
      'a 300-day product expiring 2027-06-30 leaves sale on 2027-05-01',
    );
    expect(preview(defaultShelfLifeRules, 300, '2027-06-30', 'zh-CN')).toBe(
      '保质期300天的商品于2027-06-30到期，2027-05-01下架',
    );
  });
  it('follows an edited table', () => {
    const rules = resolveRules(defaultShelfLifeRules, {
      bands: [{ minDays: 1, maxDays: null, removalWindowDays: 7 }],
    });
    expect(preview(rules, 300, '2027-03-01')).toBe(
      'a 300-day product expiring 2027-03-01 leaves sale on 2027-02-22',
    );
  });
  it('says so when the table does not cover the product or the date is wrong', () => {
    const rules = resolveRules(defaultShelfLifeRules, {
      bands: [{ minDays: 10, maxDays: null, removalWindowDays: 7 }],
    });
    expect(preview(rules, 5, '2027-03-01')).toBe('no row of the table covers a 5-day product');
    expect(preview(rules, 5, '2027-03-01', 'zh-CN')).toBe('下架规则表没有覆盖保质期5天的商品');
    expect(preview(rules, 50, '2027-02-30')).toBe('2027-02-30 is not a calendar date');
  });
});

describe('renderReason', () => {
  it('uses the singular for one day', () => {
    expect(
      renderReason(
        { code: 'within-removal-window', params: { remainingDays: 1, removalWindowDays: 2 } },
        'en',
      ),
    ).toBe('1 day left, must be more than the 2-day removal window');
  });
  it('renders an acceptance with no minimum', () => {
    const reason = {
      code: 'accepted',
      params: {
        remainingDays: 4,
        minRemainingDays: 0,
        totalDays: 10,
        removalWindowDays: 2,
        num: 0,
        den: 1,
        binding: 'none',
      },
    } as const;
    expect(renderReason(reason, 'en')).toBe('4 days left, no minimum required');
    expect(renderReason(reason, 'zh-CN')).toBe('剩余4天，无最低要求');
  });
});
