import { describe, expect, it } from 'vitest';
import {
  alertLeadFor,
  defaultShelfLifeRules,
  minRemainingDaysFor,
  removalWindowFor,
  resolveRules,
} from './rules';

describe('default removal bands', () => {
  it.each([
    [1, 2],
    [15, 2],
    [16, 5],
    [29, 5],
    [30, 10],
    [89, 10],
    [90, 30],
    [179, 30],
    [180, 45],
    [269, 45],
    [270, 60],
    [366, 60],
    [367, 90],
    [3650, 90],
  ])('a %i-day product leaves sale %i days before expiry', (total, window) => {
    expect(removalWindowFor(defaultShelfLifeRules, total)).toBe(window);
  });

  it('contains the DESIGN.md rule: 9–12 months → 60 days', () => {
    expect(defaultShelfLifeRules.bands).toContainEqual({
      minDays: 270,
      maxDays: 366,
      removalWindowDays: 60,
    });
  });

  it('has no window for a shelf life outside the table', () => {
    expect(removalWindowFor(defaultShelfLifeRules, 0)).toBeNull();
  });
});

describe('alert lead', () => {
  it('is 3 days under 90 days of shelf life, 14 from 90 on', () => {
    expect(alertLeadFor(defaultShelfLifeRules, 89)).toBe(3);
    expect(alertLeadFor(defaultShelfLifeRules, 90)).toBe(14);
  });
  it('is the plain lead when the short-life rule is switched off', () => {
    const rules = resolveRules(defaultShelfLifeRules, { alert: { shortShelfLife: null } });
    expect(alertLeadFor(rules, 10)).toBe(14);
  });
});

describe('minimum remaining days', () => {
  it('rounds 2/3 of the total up to a whole day', () => {
    expect(minRemainingDaysFor(defaultShelfLifeRules, 300, 60)).toMatchObject({
      fractionDays: 200,
      minRemainingDays: 200,
      binding: 'fraction',
    });
    expect(minRemainingDaysFor(defaultShelfLifeRules, 301, 60).fractionDays).toBe(201); // 200.67
    expect(minRemainingDaysFor(defaultShelfLifeRules, 302, 60).fractionDays).toBe(202); // 201.33
  });
  it('is bound by the removal window when that is larger', () => {
    expect(minRemainingDaysFor(defaultShelfLifeRules, 3, 2)).toMatchObject({
      fractionDays: 2,
      windowDays: 3,
      minRemainingDays: 3,
      binding: 'removal-window',
    });
  });
});

describe('resolveRules', () => {
  const dairy = {
    bands: [{ minDays: 1, maxDays: null, removalWindowDays: 3 }],
    alert: { daysBeforeRemoval: 2 },
  };
  it('returns the defaults when nothing overrides them', () => {
    expect(resolveRules(defaultShelfLifeRules)).toEqual(defaultShelfLifeRules);
    expect(resolveRules(defaultShelfLifeRules, null, null)).toEqual(defaultShelfLifeRules);
  });
  it('replaces the band table as a whole and merges alert fields', () => {
    const rules = resolveRules(defaultShelfLifeRules, dairy);
    expect(rules.bands).toEqual(dairy.bands);
    expect(rules.alert).toEqual({
      daysBeforeRemoval: 2,
      shortShelfLife: defaultShelfLifeRules.alert.shortShelfLife,
    });
    expect(rules.acceptance).toEqual(defaultShelfLifeRules.acceptance);
  });
  it('applies nested categories in order, then the SKU', () => {
    const rules = resolveRules(
      defaultShelfLifeRules,
      [dairy, { acceptance: { minRemainingFraction: { num: 1, den: 2 } } }],
      { alert: { daysBeforeRemoval: 1 }, acceptance: { mustExceedRemovalWindow: false } },
    );
    expect(rules.bands).toEqual(dairy.bands);
    expect(rules.alert.daysBeforeRemoval).toBe(1);
    expect(rules.acceptance).toEqual({
      minRemainingFraction: { num: 1, den: 2 },
      mustExceedRemovalWindow: false,
    });
  });
  it('does not modify the defaults', () => {
    const before = JSON.stringify(defaultShelfLifeRules);
    resolveRules(defaultShelfLifeRules, dairy, { alert: { daysBeforeRemoval: 0 } });
    expect(JSON.stringify(defaultShelfLifeRules)).toBe(before);
  });
});
