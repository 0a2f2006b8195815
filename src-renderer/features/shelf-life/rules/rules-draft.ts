import {
  defaultShelfLifeRules,
  resolveRules,
  validateRules,
  type RemovalBand,
  type RuleProblem,
  type ShelfLifeRules,
  type ShelfLifeRulesOverride,
} from '../../../../src-shared/shelf-life';
import {
  shelfLifeSettings,
  type ShelfLifeSettings,
} from '../../../../src-shared/shelf-life/settings';

/**
 * What the shelf-life rules editor holds while a QC manager types: numbers as the text of their
 * inputs (an empty maximum is "and more"), and `null` for what a category inherits from the
 * defaults. The defaults scope has every field; a category has only the ones it overrides.
 * Alert and acceptance fields override one by one (as the settings store them); the band table
 * is replaced as a whole.
 */
export interface BandDraft {
  /** Stable across edits, so removing a row keeps the other rows' inputs (and focus). */
  key: string;
  minDays: string;
  maxDays: string;
  removalWindowDays: string;
}

export interface ShortShelfLifeDraft {
  enabled: boolean;
  belowTotalDays: string;
  daysBeforeRemoval: string;
}

export interface RulesDraft {
  bands: BandDraft[] | null;
  /** alert.daysBeforeRemoval */
  lead: string | null;
  /** alert.shortShelfLife; `enabled: false` is an explicit "no shorter lead". */
  short: ShortShelfLifeDraft | null;
  /** acceptance.minRemainingFraction */
  fraction: { num: string; den: string } | null;
  /** acceptance.mustExceedRemovalWindow */
  mustExceed: boolean | null;
}

export type Section = 'bands' | 'alert' | 'acceptance';
export type SectionStatus = 'inherited' | 'partial' | 'own';

/** The scopes the QC manager changed; the others stay as the station holds them. */
export interface RulesEdits {
  defaults: RulesDraft | null;
  categories: Record<string, RulesDraft>;
}

export const MAX_BANDS = 20;
export const noEdits: RulesEdits = { defaults: null, categories: {} };

const text = (n: number | null): string => (n === null || Number.isNaN(n) ? '' : String(n));

/** The number typed, NaN when the input is empty (so `validateRules` reports it). */
export function parseNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}

export function bandRowsFrom(bands: readonly RemovalBand[]): BandDraft[] {
  return bands.map((b, i) => ({
    key: `b${i}`,
    minDays: text(b.minDays),
    maxDays: text(b.maxDays),
    removalWindowDays: text(b.removalWindowDays),
  }));
}

function shortFrom(short: ShelfLifeRules['alert']['shortShelfLife']): ShortShelfLifeDraft {
  return short
    ? {
        enabled: true,
        belowTotalDays: text(short.belowTotalDays),
        daysBeforeRemoval: text(short.daysBeforeRemoval),
      }
    : { enabled: false, belowTotalDays: '', daysBeforeRemoval: '' };
}

function fractionFrom(f: ShelfLifeRules['acceptance']['minRemainingFraction']) {
  return { num: text(f.num), den: text(f.den) };
}

/** Turns the shorter lead on or off; turned on from empty, it offers the usual values. */
export function toggleShort(short: ShortShelfLifeDraft, enabled: boolean): ShortShelfLifeDraft {
  const usual = defaultShelfLifeRules.alert.shortShelfLife;
  const empty = short.belowTotalDays.trim() === '' && short.daysBeforeRemoval.trim() === '';
  return enabled && empty && usual ? { ...shortFrom(usual), enabled } : { ...short, enabled };
}

/** The draft of a whole rule set (the defaults scope). */
export function draftFromRules(rules: ShelfLifeRules): RulesDraft {
  return {
    bands: bandRowsFrom(rules.bands),
    lead: text(rules.alert.daysBeforeRemoval),
    short: shortFrom(rules.alert.shortShelfLife),
    fraction: fractionFrom(rules.acceptance.minRemainingFraction),
    mustExceed: rules.acceptance.mustExceedRemovalWindow,
  };
}

/** The draft of a category's override: `null` wherever it inherits. */
export function draftFromOverride(override: ShelfLifeRulesOverride | undefined): RulesDraft {
  const alert = override?.alert;
  const acceptance = override?.acceptance;
  return {
    bands: override?.bands ? bandRowsFrom(override.bands) : null,
    lead: alert?.daysBeforeRemoval !== undefined ? text(alert.daysBeforeRemoval) : null,
    short: alert?.shortShelfLife !== undefined ? shortFrom(alert.shortShelfLife) : null,
    fraction: acceptance?.minRemainingFraction
      ? fractionFrom(acceptance.minRemainingFraction)
      : null,
    mustExceed: acceptance?.mustExceedRemovalWindow ?? null,
  };
}

export function parseBands(rows: readonly BandDraft[]): RemovalBand[] {
  return rows.map((r) => ({
    minDays: parseNumber(r.minDays),
    maxDays: r.maxDays.trim() === '' ? null : Number(r.maxDays),
    removalWindowDays: parseNumber(r.removalWindowDays),
  }));
}

/** What the draft overrides, as the settings store it; null when it overrides nothing. */
export function overrideFromDraft(d: RulesDraft): ShelfLifeRulesOverride | null {
  const alert = {
    ...(d.lead !== null ? { daysBeforeRemoval: parseNumber(d.lead) } : {}),
    ...(d.short !== null
      ? {
          shortShelfLife: d.short.enabled
            ? {
                belowTotalDays: parseNumber(d.short.belowTotalDays),
                daysBeforeRemoval: parseNumber(d.short.daysBeforeRemoval),
              }
            : null,
        }
      : {}),
  };
  const acceptance = {
    ...(d.fraction !== null
      ? {
          minRemainingFraction: {
            num: parseNumber(d.fraction.num),
            den: parseNumber(d.fraction.den),
          },
        }
      : {}),
    ...(d.mustExceed !== null ? { mustExceedRemovalWindow: d.mustExceed } : {}),
  };
  const override: ShelfLifeRulesOverride = {
    ...(d.bands !== null ? { bands: parseBands(d.bands) } : {}),
    ...(Object.keys(alert).length > 0 ? { alert } : {}),
    ...(Object.keys(acceptance).length > 0 ? { acceptance } : {}),
  };
  return Object.keys(override).length > 0 ? override : null;
}

/** The whole rule set of the defaults draft (every field is set there). */
export function rulesFromDraft(d: RulesDraft): ShelfLifeSettings['defaults'] {
  const rules = resolveRules(defaultShelfLifeRules, overrideFromDraft(d));
  return {
    bands: rules.bands.map((b) => ({ ...b })),
    alert: {
      daysBeforeRemoval: rules.alert.daysBeforeRemoval,
      shortShelfLife: rules.alert.shortShelfLife ? { ...rules.alert.shortShelfLife } : null,
    },
    acceptance: {
      minRemainingFraction: { ...rules.acceptance.minRemainingFraction },
      mustExceedRemovalWindow: rules.acceptance.mustExceedRemovalWindow,
    },
  };
}

export function sectionStatus(d: RulesDraft, section: Section): SectionStatus {
  const fields =
    section === 'bands'
      ? [d.bands]
      : section === 'alert'
        ? [d.lead, d.short]
        : [d.fraction, d.mustExceed];
  const own = fields.filter((f) => f !== null).length;
  return own === 0 ? 'inherited' : own === fields.length ? 'own' : 'partial';
}

/** "Use defaults": the category stops overriding the section. */
export function inheritSection(d: RulesDraft, section: Section): RulesDraft {
  switch (section) {
    case 'bands':
      return { ...d, bands: null };
    case 'alert':
      return { ...d, lead: null, short: null };
    case 'acceptance':
      return { ...d, fraction: null, mustExceed: null };
  }
}

/** "Override": the category takes every field of the section, starting from what it inherits. */
export function overrideSection(
  d: RulesDraft,
  section: Section,
  inherited: ShelfLifeRules,
): RulesDraft {
  const from = draftFromRules(inherited);
  switch (section) {
    case 'bands':
      return { ...d, bands: d.bands ?? from.bands };
    case 'alert':
      return { ...d, lead: d.lead ?? from.lead, short: d.short ?? from.short };
    case 'acceptance':
      return {
        ...d,
        fraction: d.fraction ?? from.fraction,
        mustExceed: d.mustExceed ?? from.mustExceed,
      };
  }
}

/** The draft as the editor shows it: inherited fields filled in from the (edited) defaults. */
export function displayedDraft(d: RulesDraft, inherited: ShelfLifeRules): RulesDraft {
  const from = draftFromRules(inherited);
  return {
    bands: d.bands ?? from.bands,
    lead: d.lead ?? from.lead,
    short: d.short ?? from.short,
    fraction: d.fraction ?? from.fraction,
    mustExceed: d.mustExceed ?? from.mustExceed,
  };
}

/** A key not used by any row, for a row the manager adds. */
function freshKey(rows: readonly BandDraft[]): string {
  const used = new Set(rows.map((r) => r.key));
  let n = rows.length;
  while (used.has(`b${n}`)) n += 1;
  return `b${n}`;
}

/**
 * A new empty row at the end; its minimum is suggested as the day after the longest closed row
 * when the table has no open-ended row yet (the usual way to extend a table).
 */
export function addBandRow(rows: readonly BandDraft[]): BandDraft[] {
  const parsed = parseBands(rows);
  const openEnded = parsed.some((b) => b.maxDays === null);
  const ends = parsed.map((b) => b.maxDays).filter((m): m is number => Number.isInteger(m));
  const suggestion = !openEnded && ends.length > 0 ? String(Math.max(...ends) + 1) : '';
  return [
    ...rows,
    { key: freshKey(rows), minDays: suggestion, maxDays: '', removalWindowDays: '' },
  ];
}

export function removeBandRow(rows: readonly BandDraft[], index: number): BandDraft[] {
  return rows.filter((_, i) => i !== index);
}

export function updateBandRow(
  rows: readonly BandDraft[],
  index: number,
  change: Partial<Omit<BandDraft, 'key'>>,
): BandDraft[] {
  return rows.map((r, i) => (i === index ? { ...r, ...change } : r));
}

/** Equal as JSON values: key order does not matter, an `undefined` field is a missing one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}

/** The settings to save: what the station holds, with the edited scopes replaced. */
export function nextSettings(base: ShelfLifeSettings, edits: RulesEdits): ShelfLifeSettings {
  const categories: ShelfLifeSettings['categories'] = { ...base.categories };
  for (const [category, draft] of Object.entries(edits.categories)) {
    const override = overrideFromDraft(draft);
    if (override) categories[category] = toPlainOverride(override);
    else delete categories[category];
  }
  return {
    defaults: edits.defaults ? rulesFromDraft(edits.defaults) : base.defaults,
    categories,
    skus: base.skus,
  };
}

type PlainOverride = ShelfLifeSettings['categories'][string];

function toPlainOverride(o: ShelfLifeRulesOverride): PlainOverride {
  const short = o.alert?.shortShelfLife;
  return {
    ...(o.bands ? { bands: o.bands.map((b) => ({ ...b })) } : {}),
    ...(o.alert
      ? {
          alert: {
            ...o.alert,
            ...(short !== undefined ? { shortShelfLife: short ? { ...short } : null } : {}),
          },
        }
      : {}),
    ...(o.acceptance
      ? {
          acceptance: {
            ...o.acceptance,
            ...(o.acceptance.minRemainingFraction
              ? { minRemainingFraction: { ...o.acceptance.minRemainingFraction } }
              : {}),
          },
        }
      : {}),
  };
}

/** `validateRules` with an empty input named as such rather than as "NaN". */
export function problemsOf(rules: ShelfLifeRules): RuleProblem[] {
  return validateRules(rules).map((p) => ({
    ...p,
    message: p.message.replace(/\(got NaN\)/g, '(empty)').replace(/NaN/g, '?'),
  }));
}

export type Scope = { kind: 'defaults' } | { kind: 'category'; category: string };

export interface ScopeProblems {
  scope: Scope;
  problems: RuleProblem[];
}

/**
 * Problems of every scope in the settings to save: the defaults, then each category with only
 * the problems of its own (what it inherits from broken defaults is counted once, there).
 */
export function problemsByScope(settings: ShelfLifeSettings): ScopeProblems[] {
  const defaults = problemsOf(settings.defaults);
  const inDefaults = new Set(defaults.map((p) => `${p.code} ${p.message}`));
  const all: ScopeProblems[] = [
    { scope: { kind: 'defaults' }, problems: defaults },
    ...Object.entries(settings.categories).map(([category, override]) => ({
      scope: { kind: 'category', category } as const,
      problems: problemsOf(resolveRules(settings.defaults, override)).filter(
        (p) => !inDefaults.has(`${p.code} ${p.message}`),
      ),
    })),
  ];
  return all.filter((s) => s.problems.length > 0);
}

/**
 * What else the station would refuse (numbers above its limits, too many rows), as
 * "path: message" lines; only asked once the rule problems are fixed.
 */
export function schemaProblems(settings: ShelfLifeSettings): string[] {
  const result = shelfLifeSettings.safeParse(settings);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
  );
}

/** Categories to offer: those of the SKUs, plus any that has rules without SKUs yet. */
export function categoryList(
  skuCategories: readonly string[],
  settings: ShelfLifeSettings | null,
): string[] {
  const all = new Set(skuCategories.filter((c) => c.trim() !== ''));
  for (const c of Object.keys(settings?.categories ?? {})) all.add(c);
  return [...all].sort((a, b) => a.localeCompare(b));
}
