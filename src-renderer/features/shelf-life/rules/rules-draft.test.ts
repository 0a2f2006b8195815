import { describe, expect, it } from 'vitest';
import { defaultShelfLifeRules, preview, resolveRules } from '../../../../src-shared/shelf-life';
import {
  defaultShelfLifeSettings,
  shelfLifeSettings,
  type ShelfLifeSettings,
} from '../../../../src-shared/shelf-life/settings';
import {
  addBandRow,
  bandRowsFrom,
  categoryList,
  displayedDraft,
  draftFromOverride,
  draftFromRules,
  inheritSection,
  nextSettings,
  noEdits,
  overrideFromDraft,
  overrideSection,
  parseBands,
  problemsByScope,
  problemsOf,
  removeBandRow,
  rulesFromDraft,
  sameValue,
  schemaProblems,
  sectionStatus,
  toggleShort,
  updateBandRow,
  type RulesDraft,
} from './rules-draft';

const base: ShelfLifeSettings = {
  ...defaultShelfLifeSettings,
  categories: {
    dairy: { alert: { daysBeforeRemoval: 5 } },
    cosmetics: { bands: [{ minDays: 1, maxDays: null, removalWindowDays: 30 }] },
  },
  skus: { '06920001000011': { acceptance: { mustExceedRemovalWindow: false } } },
};

describe('rule drafts', () => {
  it('round-trips the defaults and every kind of override unchanged', () => {
    expect(rulesFromDraft(draftFromRules(base.defaults))).toEqual(base.defaults);
    for (const override of [
      { bands: [{ minDays: 1, maxDays: null, removalWindowDays: 7 }] },
      { alert: { daysBeforeRemoval: 5 } },
      { alert: { shortShelfLife: null } },
      { alert: { shortShelfLife: { belowTotalDays: 30, daysBeforeRemoval: 1 } } },
      { acceptance: { minRemainingFraction: { num: 1, den: 2 } } },
      { acceptance: { mustExceedRemovalWindow: false } },
    ]) {
      expect(overrideFromDraft(draftFromOverride(override))).toEqual(override);
    }
    expect(overrideFromDraft(draftFromOverride(undefined))).toBeNull();
  });

  it('reads an empty maximum as "and more" and an empty number as NaN', () => {
    const rows = updateBandRow(
      bandRowsFrom([{ minDays: 1, maxDays: 5, removalWindowDays: 2 }]),
      0,
      {
        maxDays: '',
        removalWindowDays: ' ',
      },
    );
    expect(parseBands(rows)).toEqual([{ minDays: 1, maxDays: null, removalWindowDays: NaN }]);
  });

  it('names an empty input "(empty)" rather than NaN in the problems', () => {
    const d = draftFromRules(defaultShelfLifeRules);
    const bands = updateBandRow(d.bands ?? [], 6, { removalWindowDays: '' });
    const problems = problemsOf(rulesFromDraft({ ...d, bands }));
    expect(problems.map((p) => p.message)).toEqual([
      'Row 7: the removal window must be a whole number of days (empty).',
    ]);
    expect(problems[0]?.rows).toEqual([7]);
  });

  it("keeps the other rows' keys when a middle row goes, and names the gap it leaves", () => {
    const rows = draftFromRules(defaultShelfLifeRules).bands ?? [];
    const gap = removeBandRow(rows, 3); // 90–179 days
    expect(gap.map((r) => r.key)).toEqual(['b0', 'b1', 'b2', 'b4', 'b5', 'b6']);
    expect(problemsOf(resolveRules(defaultShelfLifeRules, { bands: parseBands(gap) }))).toEqual([
      { code: 'gap', message: 'No row covers 90–179 days.', rows: [4, 3] },
    ]);
  });

  it('adds a row with a fresh key, suggesting the next minimum when nothing is open-ended', () => {
    const closed = bandRowsFrom([{ minDays: 1, maxDays: 30, removalWindowDays: 5 }]);
    expect(addBandRow(closed)[1]).toEqual({
      key: 'b1',
      minDays: '31',
      maxDays: '',
      removalWindowDays: '',
    });
    const open = addBandRow(bandRowsFrom(defaultShelfLifeRules.bands));
    expect(open[7]).toEqual({ key: 'b7', minDays: '', maxDays: '', removalWindowDays: '' });
    // Keys stay unique after a removal in the middle.
    const again = addBandRow(removeBandRow(open, 0));
    expect(new Set(again.map((r) => r.key)).size).toBe(again.length);
  });

  it('turns the shorter alert lead on with the usual values and off to null', () => {
    const off = draftFromRules({
      ...defaultShelfLifeRules,
      alert: { daysBeforeRemoval: 14, shortShelfLife: null },
    });
    expect(off.short).toEqual({ enabled: false, belowTotalDays: '', daysBeforeRemoval: '' });
    const on = toggleShort(
      off.short ?? { enabled: false, belowTotalDays: '', daysBeforeRemoval: '' },
      true,
    );
    expect(on).toEqual({ enabled: true, belowTotalDays: '90', daysBeforeRemoval: '3' });
    expect(
      rulesFromDraft({ ...off, short: toggleShort(on, false) }).alert.shortShelfLife,
    ).toBeNull();
  });
});

describe('category overrides', () => {
  it('says which sections a category overrides, field by field', () => {
    const partial = draftFromOverride({ alert: { daysBeforeRemoval: 5 } });
    expect(sectionStatus(partial, 'bands')).toBe('inherited');
    expect(sectionStatus(partial, 'alert')).toBe('partial');
    expect(sectionStatus(overrideSection(partial, 'alert', defaultShelfLifeRules), 'alert')).toBe(
      'own',
    );
    expect(sectionStatus(draftFromRules(defaultShelfLifeRules), 'acceptance')).toBe('own');
  });

  it('overrides a section starting from the inherited values, keeping what it had', () => {
    const partial = draftFromOverride({ alert: { daysBeforeRemoval: 5 } });
    const own = overrideSection(partial, 'alert', defaultShelfLifeRules);
    expect(overrideFromDraft(own)).toEqual({
      alert: { daysBeforeRemoval: 5, shortShelfLife: { belowTotalDays: 90, daysBeforeRemoval: 3 } },
    });
    const bands = overrideSection(partial, 'bands', defaultShelfLifeRules);
    expect(overrideFromDraft(bands)?.bands).toEqual(defaultShelfLifeRules.bands);
  });

  it('"use defaults" removes the section, and the category when nothing is left', () => {
    const edits = {
      ...noEdits,
      categories: { dairy: inheritSection(draftFromOverride(base.categories.dairy), 'alert') },
    };
    const next = nextSettings(base, edits);
    expect(Object.keys(next.categories)).toEqual(['cosmetics']);
    expect(next.skus).toBe(base.skus);
  });

  it('shows inherited fields from the edited defaults', () => {
    const d: RulesDraft = draftFromOverride({ acceptance: { mustExceedRemovalWindow: false } });
    const defaults = {
      ...defaultShelfLifeRules,
      alert: { daysBeforeRemoval: 9, shortShelfLife: null },
    };
    const shown = displayedDraft(d, defaults);
    expect(shown.lead).toBe('9');
    expect(shown.short?.enabled).toBe(false);
    expect(shown.mustExceed).toBe(false);
    expect(shown.fraction).toEqual({ num: '2', den: '3' });
  });
});

describe('the settings to save', () => {
  it('is the same as the station holds when nothing was edited', () => {
    expect(sameValue(nextSettings(base, noEdits), base)).toBe(true);
    // Untouched drafts of every scope change nothing either.
    const touched = nextSettings(base, {
      defaults: draftFromRules(base.defaults),
      categories: {
        dairy: draftFromOverride(base.categories.dairy),
        cosmetics: draftFromOverride(base.categories.cosmetics),
        grocery: draftFromOverride(undefined),
      },
    });
    expect(sameValue(touched, base)).toBe(true);
  });

  it('adds a category override that the station schema accepts', () => {
    const draft = overrideSection(draftFromOverride(undefined), 'acceptance', base.defaults);
    const next = nextSettings(base, {
      ...noEdits,
      categories: { snacks: { ...draft, fraction: { num: '1', den: '2' } } },
    });
    expect(next.categories.snacks).toEqual({
      acceptance: { minRemainingFraction: { num: 1, den: 2 }, mustExceedRemovalWindow: true },
    });
    expect(shelfLifeSettings.safeParse(next).success).toBe(true);
    expect(schemaProblems(next)).toEqual([]);
    expect(problemsByScope(next)).toEqual([]);
  });

  it('finds a problem in a category and limits the rule check does not know', () => {
    const cosmetics = draftFromOverride(base.categories.cosmetics);
    const bad = nextSettings(base, {
      ...noEdits,
      categories: {
        cosmetics: {
          ...cosmetics,
          bands: updateBandRow(cosmetics.bands ?? [], 0, { maxDays: '99' }),
        },
      },
    });
    expect(problemsByScope(bad).map((s) => s.scope)).toEqual([
      { kind: 'category', category: 'cosmetics' },
    ]);
    // Broken defaults are counted once, not again for every category that inherits them.
    const defaults = draftFromRules(base.defaults);
    const brokenDefaults = nextSettings(base, {
      ...noEdits,
      defaults: { ...defaults, bands: removeBandRow(defaults.bands ?? [], 0) },
    });
    expect(problemsByScope(brokenDefaults).map((s) => s.scope)).toEqual([{ kind: 'defaults' }]);
    const tooLong = nextSettings(base, {
      ...noEdits,
      defaults: { ...draftFromRules(base.defaults), lead: '40000' },
    });
    expect(problemsByScope(tooLong)).toEqual([]);
    expect(schemaProblems(tooLong)).toHaveLength(1);
    expect(schemaProblems(tooLong)[0]).toMatch(/^defaults\.alert\.daysBeforeRemoval: /);
  });

  it('compares values regardless of key order and missing fields', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: null }, { a: {} })).toBe(false);
  });

  it('previews the edited rules: the issue example', () => {
    const rules = rulesFromDraft(draftFromRules(defaultShelfLifeRules));
    expect(preview(rules, 300, '2027-06-30', 'en')).toBe(
      'a 300-day product expiring 2027-06-30 leaves sale on 2027-05-01',
    );
  });
});

describe('categoryList', () => {
  it('merges SKU categories with those that have rules, sorted and unique', () => {
    expect(categoryList(['snacks', 'dairy', 'snacks', ''], base)).toEqual([
      'cosmetics',
      'dairy',
      'snacks',
    ]);
    expect(categoryList([], null)).toEqual([]);
  });
});
