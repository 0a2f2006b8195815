/**
 * Penalty rules: what a supplier owes when it breaks the rules, worked out from configurable
 * rules so that the amount and how it was reached are on record together.
 *
 * The default is the one in the supply contract: a confirmed counterfeit costs the supplier
 * liquidated damages of the larger of 1,000,000 CNY and 10 × its cumulative sales with us. The
 * multiple makes a large supplier's counterfeit cost what it could have earned from it; the floor
 * keeps a small one from finding a fake cheap.
 */
import { z } from 'zod';

export const PENALTY_TRIGGERS = ['counterfeit-confirmed'] as const;
export type PenaltyTrigger = (typeof PENALTY_TRIGGERS)[number];

export const penaltyRule = z
  .object({
    ruleId: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(120),
    nameZh: z.string().trim().min(1).max(120),
    trigger: z.enum(PENALTY_TRIGGERS),
    /** A fixed sum in CNY. */
    fixedCny: z.number().nonnegative().max(1e12),
    /** A multiple of the supplier's cumulative sales. */
    salesMultiple: z.number().nonnegative().max(1000),
    /** The larger of the two, or both added. */
    combine: z.enum(['max', 'sum']),
    enabled: z.boolean(),
  })
  .strict();
export type PenaltyRule = z.infer<typeof penaltyRule>;

export const defaultPenaltyRules: PenaltyRule[] = [
  {
    ruleId: 'counterfeit-liquidated-damages',
    name: 'Counterfeit: liquidated damages',
    nameZh: '假冒商品：违约金',
    trigger: 'counterfeit-confirmed',
    fixedCny: 1_000_000,
    salesMultiple: 10,
    combine: 'max',
    enabled: true,
  },
];

export interface PenaltyProposal {
  ruleId: string;
  amountCny: number;
  /** How the amount was reached, in words: "max(1,000,000, 10 × 2,300,000) = 23,000,000 CNY". */
  basis: string;
}

const cny = (n: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
/** Money is kept to the fen (0.01 CNY). */
const toFen = (n: number) => Math.round(n * 100) / 100;

/** The penalty one rule sets for a supplier with these cumulative sales. */
export function penaltyAmount(
  rule: PenaltyRule,
  cumulativeSalesCny: number,
): { amountCny: number; basis: string } {
  const sales = Math.max(0, cumulativeSalesCny);
  const multiple = toFen(rule.salesMultiple * sales);
  const amountCny = toFen(
    rule.combine === 'max' ? Math.max(rule.fixedCny, multiple) : rule.fixedCny + multiple,
  );
  const factor = rule.salesMultiple.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const terms = `${cny(rule.fixedCny)}, ${factor} × ${cny(sales)} cumulative sales`;
  const basis =
    rule.combine === 'max'
      ? `max(${terms}) = ${cny(amountCny)} CNY`
      : `${terms.replace(', ', ' + ')} = ${cny(amountCny)} CNY`;
  return { amountCny, basis };
}

/** One proposal per enabled rule matching the trigger, in the order the rules are configured. */
export function proposePenalties(
  trigger: PenaltyTrigger,
  cumulativeSalesCny: number,
  rules: readonly PenaltyRule[],
): PenaltyProposal[] {
  return rules
    .filter((r) => r.enabled && r.trigger === trigger)
    .map((r) => ({ ruleId: r.ruleId, ...penaltyAmount(r, cumulativeSalesCny) }));
}

export const PENALTY_STATUSES = ['proposed', 'confirmed', 'paid', 'waived'] as const;
export type PenaltyStatus = (typeof PENALTY_STATUSES)[number];

/**
 * The penalty's life: proposed → confirmed → paid; a proposed or confirmed penalty may be
 * waived. Paid and waived are final: money received is not un-received, and a waived penalty
 * that should stand is a new decision, not an edit.
 */
const NEXT: Record<PenaltyStatus, readonly PenaltyStatus[]> = {
  proposed: ['confirmed', 'waived'],
  confirmed: ['paid', 'waived'],
  paid: [],
  waived: [],
};

export function nextPenaltyStatuses(from: PenaltyStatus): readonly PenaltyStatus[] {
  return NEXT[from];
}

export function canChangePenalty(from: PenaltyStatus, to: PenaltyStatus): boolean {
  return NEXT[from].includes(to);
}
