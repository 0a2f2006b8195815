import { addDays, daysBetween } from '../util/dates';
import type { IsoDate } from '../util/dates';
import { toCalendarDate } from './entered-date';
import { renderReason } from './reasons';
import type { AcceptanceReason, ReasonLanguage } from './reasons';
import { alertLeadFor, minRemainingDaysFor, removalWindowFor } from './rules';
import type { ShelfLifeRules } from './rules';
import { validateRules } from './validate-rules';
import type { RuleProblem } from './validate-rules';

/** Where the dates of a lot were read: the scanned barcode, the label by OCR, or typed in. */
export type DateSource = 'barcode' | 'label' | 'manual';

export interface ShelfLifeInput {
  /** `YYYY-MM-DD`, or month only (`YYYY-MM`, `MM/YYYY`) meaning the month's last day. */
  readonly expiry?: string | null;
  /** Same forms as `expiry`. */
  readonly production?: string | null;
  /** The SKU's total shelf life from master data, in days. */
  readonly shelfLifeDays?: number | null;
  readonly received: IsoDate;
  readonly rules: ShelfLifeRules;
  readonly dateSource?: DateSource | null;
}

export type ShelfLifeErrorCode =
  | 'invalid-date'
  | 'no-expiry'
  | 'unknown-total-shelf-life'
  | 'invalid-shelf-life-days'
  | 'non-positive-shelf-life'
  | 'invalid-rules';

export interface ShelfLifeError {
  readonly code: ShelfLifeErrorCode;
  readonly message: string;
  /** Set for 'invalid-rules': what the QC manager has to fix in the table. */
  readonly problems?: readonly RuleProblem[];
}

export interface ShelfLifeEvaluation {
  readonly expiry: IsoDate;
  readonly production: IsoDate | null;
  readonly received: IsoDate;
  readonly totalDays: number;
  readonly removalWindowDays: number;
  readonly removalDate: IsoDate;
  readonly alertDate: IsoDate;
  /** Whole days from receipt to expiry; negative when the lot arrived expired. */
  readonly remainingDays: number;
  /** The binding requirement: max(ceil(fraction · total), removal window + 1). */
  readonly minRemainingDays: number;
  readonly acceptable: boolean;
  readonly reason: AcceptanceReason;
  /** The reason rendered in every supported language, so it survives IPC as plain data. */
  readonly reasonText: Readonly<Record<ReasonLanguage, string>>;
  readonly dateSource: DateSource | null;
  readonly expiryBasis: 'stated' | 'production-plus-shelf-life';
  readonly totalDaysBasis: 'production-to-expiry' | 'sku-shelf-life';
}

export type ShelfLifeResult =
  | { readonly ok: true; readonly value: ShelfLifeEvaluation }
  | { readonly ok: false; readonly error: ShelfLifeError };

const fail = (code: ShelfLifeErrorCode, message: string): ShelfLifeResult => ({
  ok: false,
  error: { code, message },
});

function decideReason(
  remainingDays: number,
  expiry: IsoDate,
  totalDays: number,
  removalWindowDays: number,
  rules: ShelfLifeRules,
): { acceptable: boolean; minRemainingDays: number; reason: AcceptanceReason } {
  const need = minRemainingDaysFor(rules, totalDays, removalWindowDays);
  const { num, den } = rules.acceptance.minRemainingFraction;
  const common = { minRemainingDays: need.minRemainingDays, acceptable: false };
  // An expired lot is refused whatever the table says.
  if (remainingDays < 0) {
    return { ...common, reason: { code: 'expired', params: { remainingDays, expiry } } };
  }
  if (rules.acceptance.mustExceedRemovalWindow && remainingDays <= removalWindowDays) {
    return {
      ...common,
      reason: { code: 'within-removal-window', params: { remainingDays, removalWindowDays } },
    };
  }
  if (remainingDays < need.fractionDays) {
    return {
      ...common,
      reason: {
        code: 'below-min-fraction',
        params: { remainingDays, requiredDays: need.fractionDays, totalDays, num, den },
      },
    };
  }
  return {
    ...common,
    acceptable: true,
    reason: {
      code: 'accepted',
      params: {
        remainingDays,
        minRemainingDays: need.minRemainingDays,
        totalDays,
        removalWindowDays,
        num,
        den,
        binding: need.binding,
      },
    },
  };
}

/**
 * Removal and alert dates and the acceptance decision for one lot at receipt.
 * Total shelf life: expiry − production when both dates are known (the printed dates describe
 * this lot; the SKU's master value is only a default), else the SKU's `shelfLifeDays`.
 */
export function evaluateShelfLife(input: ShelfLifeInput): ShelfLifeResult {
  const problems = validateRules(input.rules);
  if (problems.length > 0) {
    return {
      ok: false,
      error: {
        code: 'invalid-rules',
        message: `The shelf-life rules are invalid: ${problems.map((p) => p.message).join(' ')}`,
        problems,
      },
    };
  }
  const received = toCalendarDate(input.received);
  if (received === null)
    return fail('invalid-date', `Receipt date ${input.received} is not a date.`);
  const parsed: { expiry: IsoDate | null; production: IsoDate | null } = {
    expiry: null,
    production: null,
  };
  for (const field of ['expiry', 'production'] as const) {
    const text = input[field];
    if (text == null || text.trim() === '') continue;
    const date = toCalendarDate(text);
    if (date === null) return fail('invalid-date', `The ${field} date ${text} is not a date.`);
    parsed[field] = date;
  }
  const { production } = parsed;
  const sku = input.shelfLifeDays;
  if (sku != null && !(Number.isInteger(sku) && sku >= 1)) {
    return fail(
      'invalid-shelf-life-days',
      `Total shelf life must be a whole number of days, at least 1 (got ${sku}).`,
    );
  }

  let expiry: IsoDate;
  let totalDays: number;
  let expiryBasis: ShelfLifeEvaluation['expiryBasis'] = 'stated';
  let totalDaysBasis: ShelfLifeEvaluation['totalDaysBasis'] = 'sku-shelf-life';
  if (parsed.expiry !== null && production !== null) {
    expiry = parsed.expiry;
    totalDays = daysBetween(production, expiry);
    totalDaysBasis = 'production-to-expiry';
    if (totalDays < 1) {
      return fail(
        'non-positive-shelf-life',
        `Expiry ${expiry} is not after production ${production}: the dates cannot both be right.`,
      );
    }
  } else if (parsed.expiry !== null) {
    if (sku == null) {
      return fail(
        'unknown-total-shelf-life',
        'The expiry is known but not the total shelf life: give the production date or the SKU shelf life.',
      );
    }
    expiry = parsed.expiry;
    totalDays = sku;
  } else if (production !== null && sku != null) {
    expiry = addDays(production, sku);
    totalDays = sku;
    expiryBasis = 'production-plus-shelf-life';
  } else {
    return fail(
      'no-expiry',
      'No expiry date, and no production date with a total shelf life to compute one.',
    );
  }

  const removalWindowDays = removalWindowFor(input.rules, totalDays);
  if (removalWindowDays === null) {
    // Unreachable with a validated table (the rows tile 1..∞); kept so the type stays honest.
    return fail('invalid-rules', `No row of the removal table covers ${totalDays} days.`);
  }
  const removalDate = addDays(expiry, -removalWindowDays);
  const alertDate = addDays(removalDate, -alertLeadFor(input.rules, totalDays));
  const remainingDays = daysBetween(received, expiry);
  const decision = decideReason(remainingDays, expiry, totalDays, removalWindowDays, input.rules);
  return {
    ok: true,
    value: {
      expiry,
      production,
      received,
      totalDays,
      removalWindowDays,
      removalDate,
      alertDate,
      remainingDays,
      ...decision,
      reasonText: {
        en: renderReason(decision.reason, 'en'),
        'zh-CN': renderReason(decision.reason, 'zh-CN'),
      },
      dateSource: input.dateSource ?? null,
      expiryBasis,
      totalDaysBasis,
    },
  };
}

/** The exact JSON object `qcs shelf-life` prints: these keys, in this order. */
export interface ShelfLifeJson {
  readonly expiry: IsoDate;
  readonly totalDays: number;
  readonly removalWindowDays: number;
  readonly removalDate: IsoDate;
  readonly alertDate: IsoDate;
  readonly remainingDays: number;
  readonly minRemainingDays: number;
  readonly acceptable: boolean;
  /** The rendered reason; the machine form stays on the evaluation (`reason.code`). */
  readonly reason: string;
}

export function toShelfLifeJson(
  evaluation: ShelfLifeEvaluation,
  lang: ReasonLanguage = 'en',
): ShelfLifeJson {
  return {
    expiry: evaluation.expiry,
    totalDays: evaluation.totalDays,
    removalWindowDays: evaluation.removalWindowDays,
    removalDate: evaluation.removalDate,
    alertDate: evaluation.alertDate,
    remainingDays: evaluation.remainingDays,
    minRemainingDays: evaluation.minRemainingDays,
    acceptable: evaluation.acceptable,
    reason: evaluation.reasonText[lang],
  };
}
