/**
 * The station's shelf-life rules as a setting: head office's defaults, overrides per category
 * and per SKU (by GTIN). Stored under the `shelfLife` settings key, so every change is a
 * `settings.changed` event; `resolveRules` layers them for one SKU.
 */
import { z } from 'zod';
import { defaultShelfLifeRules, resolveRules } from './rules';
import type { ShelfLifeRules, ShelfLifeRulesOverride } from './rules';
import { validateRules } from './validate-rules';

const days = z.number().int().min(0).max(36_500);

export const removalBandSchema = z
  .object({
    minDays: z.number().int().min(1).max(36_500),
    maxDays: z.number().int().min(1).max(36_500).nullable(),
    removalWindowDays: days,
  })
  .strict();

export const alertRuleSchema = z
  .object({
    daysBeforeRemoval: days,
    shortShelfLife: z
      .object({ belowTotalDays: z.number().int().min(1).max(36_500), daysBeforeRemoval: days })
      .strict()
      .nullable(),
  })
  .strict();

export const acceptanceRuleSchema = z
  .object({
    minRemainingFraction: z
      .object({ num: z.number().int().min(0).max(100), den: z.number().int().min(1).max(100) })
      .strict()
      .refine((f) => f.num <= f.den, 'the fraction cannot exceed 1'),
    mustExceedRemovalWindow: z.boolean(),
  })
  .strict();

/** A whole rule set; the band table must cover every shelf life without gaps or overlaps. */
export const shelfLifeRulesSchema = z
  .object({
    bands: z.array(removalBandSchema).min(1).max(20),
    alert: alertRuleSchema,
    acceptance: acceptanceRuleSchema,
  })
  .strict()
  .superRefine((rules, ctx) => {
    for (const p of validateRules(rules)) ctx.addIssue({ code: 'custom', message: p.message });
  });

export const shelfLifeOverrideSchema = z
  .object({
    bands: z.array(removalBandSchema).min(1).max(20).optional(),
    alert: alertRuleSchema.partial().optional(),
    acceptance: acceptanceRuleSchema.partial().optional(),
  })
  .strict();

const categoryKey = z.string().trim().min(1).max(40);
const gtinKey = z.string().regex(/^\d{14}$/, 'a GTIN-14');

export const shelfLifeSettings = z
  .object({
    defaults: shelfLifeRulesSchema,
    categories: z.record(categoryKey, shelfLifeOverrideSchema),
    skus: z.record(gtinKey, shelfLifeOverrideSchema),
  })
  .strict()
  .superRefine((s, ctx) => {
    const layers: [string, ShelfLifeRulesOverride][] = [
      ...Object.entries(s.categories).map(([k, o]): [string, ShelfLifeRulesOverride] => [
        `category ${k}`,
        o,
      ]),
      ...Object.entries(s.skus).map(([k, o]): [string, ShelfLifeRulesOverride] => [`GTIN ${k}`, o]),
    ];
    for (const [name, o] of layers) {
      for (const p of validateRules(resolveRules(s.defaults, o)))
        ctx.addIssue({ code: 'custom', message: `${name}: ${p.message}` });
    }
  });
export type ShelfLifeSettings = z.infer<typeof shelfLifeSettings>;

export const defaultShelfLifeSettings: ShelfLifeSettings = {
  defaults: {
    bands: defaultShelfLifeRules.bands.map((b) => ({ ...b })),
    alert: {
      daysBeforeRemoval: defaultShelfLifeRules.alert.daysBeforeRemoval,
      shortShelfLife: defaultShelfLifeRules.alert.shortShelfLife
        ? { ...defaultShelfLifeRules.alert.shortShelfLife }
        : null,
    },
    acceptance: {
      minRemainingFraction: { ...defaultShelfLifeRules.acceptance.minRemainingFraction },
      mustExceedRemovalWindow: defaultShelfLifeRules.acceptance.mustExceedRemovalWindow,
    },
  },
  categories: {},
  skus: {},
};

/** The rules that apply to one SKU: defaults, then its category's override, then its own. */
export function rulesForSku(
  settings: ShelfLifeSettings,
  category: string | null | undefined,
  gtin: string | null | undefined,
): ShelfLifeRules {
  return resolveRules(
    settings.defaults,
    category ? (settings.categories[category] ?? null) : null,
    gtin ? (settings.skus[gtin] ?? null) : null,
  );
}
