/**
 * Shelf-life rules: the removal band table, the alert lead and the acceptance rule at receipt.
 * Head office sends defaults, per-category and per-SKU overrides; the station resolves them
 * into one `ShelfLifeRules` per SKU with `resolveRules` before evaluating a lot.
 */

/**
 * One row of the removal table: a product whose total shelf life is `minDays..maxDays` days
 * (both inclusive) leaves sale `removalWindowDays` before its expiry date.
 */
export interface RemovalBand {
  readonly minDays: number;
  /** `null` means "and longer": only the last row may be open-ended. */
  readonly maxDays: number | null;
  readonly removalWindowDays: number;
}

export interface AlertRule {
  /** Days before the removal date that the lot appears on the shelf-life board as "soon". */
  readonly daysBeforeRemoval: number;
  /** Short-lived products get a shorter lead, or the alert would fire before they are received. */
  readonly shortShelfLife: {
    readonly belowTotalDays: number;
    readonly daysBeforeRemoval: number;
  } | null;
}

/** A ratio kept as integers so that 2/3 of 300 is exactly 200, not 199.99999999999997. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

export interface AcceptanceRule {
  /** Remaining life at receipt must be at least this share of the total (rounded up to a day). */
  readonly minRemainingFraction: Fraction;
  /** Remaining life must be strictly more than the removal window (the lot must be sellable). */
  readonly mustExceedRemovalWindow: boolean;
}

export interface ShelfLifeRules {
  readonly bands: readonly RemovalBand[];
  readonly alert: AlertRule;
  readonly acceptance: AcceptanceRule;
}

/**
 * What a category or a SKU may change. A band table replaces the inherited one as a whole
 * (merging rows of two tables would create gaps or overlaps); alert and acceptance fields
 * override one by one. A SKU with one fixed window uses a single row `{1, null, N}`.
 */
export interface ShelfLifeRulesOverride {
  readonly bands?: readonly RemovalBand[];
  readonly alert?: Partial<AlertRule>;
  readonly acceptance?: Partial<AcceptanceRule>;
}

export const defaultShelfLifeRules: ShelfLifeRules = {
  bands: [
    { minDays: 367, maxDays: null, removalWindowDays: 90 },
    // The rule DESIGN.md requires: 9–12 months of shelf life → off sale 60 days before expiry.
    { minDays: 270, maxDays: 366, removalWindowDays: 60 },
    { minDays: 180, maxDays: 269, removalWindowDays: 45 },
    { minDays: 90, maxDays: 179, removalWindowDays: 30 },
    { minDays: 30, maxDays: 89, removalWindowDays: 10 },
    { minDays: 16, maxDays: 29, removalWindowDays: 5 },
    { minDays: 1, maxDays: 15, removalWindowDays: 2 },
  ],
  alert: { daysBeforeRemoval: 14, shortShelfLife: { belowTotalDays: 90, daysBeforeRemoval: 3 } },
  acceptance: { minRemainingFraction: { num: 2, den: 3 }, mustExceedRemovalWindow: true },
};

function applyOverride(base: ShelfLifeRules, override: ShelfLifeRulesOverride): ShelfLifeRules {
  return {
    bands: override.bands ?? base.bands,
    alert: { ...base.alert, ...override.alert },
    acceptance: { ...base.acceptance, ...override.acceptance },
  };
}

function isOverrideList(
  value: ShelfLifeRulesOverride | readonly ShelfLifeRulesOverride[],
): value is readonly ShelfLifeRulesOverride[] {
  return Array.isArray(value);
}

/**
 * Defaults, then the category overrides (outermost category first when categories nest),
 * then the SKU's own override. The result is not validated here: `evaluateShelfLife` refuses
 * an invalid table, and the editor shows `validateRules` problems as the manager types.
 */
export function resolveRules(
  defaults: ShelfLifeRules,
  categoryOverrides?: ShelfLifeRulesOverride | readonly ShelfLifeRulesOverride[] | null,
  skuOverride?: ShelfLifeRulesOverride | null,
): ShelfLifeRules {
  const categories: readonly ShelfLifeRulesOverride[] =
    categoryOverrides == null
      ? []
      : isOverrideList(categoryOverrides)
        ? categoryOverrides
        : [categoryOverrides];
  const layers = skuOverride ? [...categories, skuOverride] : categories;
  return layers.reduce(applyOverride, defaults);
}

/** The removal window for a total shelf life, or null when no row covers it. */
export function removalWindowFor(rules: ShelfLifeRules, totalDays: number): number | null {
  const band = rules.bands.find(
    (b) => totalDays >= b.minDays && (b.maxDays === null || totalDays <= b.maxDays),
  );
  return band ? band.removalWindowDays : null;
}

export function alertLeadFor(rules: ShelfLifeRules, totalDays: number): number {
  const short = rules.alert.shortShelfLife;
  return short && totalDays < short.belowTotalDays
    ? short.daysBeforeRemoval
    : rules.alert.daysBeforeRemoval;
}

export type BindingRule = 'fraction' | 'removal-window' | 'none';

/**
 * The remaining days a lot needs at receipt: the larger of ceil(num/den · total) and
 * window + 1 ("more than the window" in whole days). Integer arithmetic keeps the ceiling exact.
 */
export function minRemainingDaysFor(
  rules: ShelfLifeRules,
  totalDays: number,
  removalWindowDays: number,
): { fractionDays: number; windowDays: number; minRemainingDays: number; binding: BindingRule } {
  const { num, den } = rules.acceptance.minRemainingFraction;
  const fractionDays = Math.floor((totalDays * num + den - 1) / den);
  const windowDays = rules.acceptance.mustExceedRemovalWindow ? removalWindowDays + 1 : 0;
  const minRemainingDays = Math.max(fractionDays, windowDays);
  const binding: BindingRule =
    minRemainingDays === 0 ? 'none' : fractionDays >= windowDays ? 'fraction' : 'removal-window';
  return { fractionDays, windowDays, minRemainingDays, binding };
}
