import { z } from 'zod';
import { DOCUMENT_TYPES, documentType } from '../events/schemas';
import { defaultGatePolicy, type GatePolicy } from '../intake/supplier-gate';
import { defaultPenaltyRules, penaltyRule } from './penalties';
import { COMPONENTS, defaultScorecardConfig } from './scorecard';
import { defaultStandingThresholds } from './standing';

/**
 * The station setting `supplierQuality`: scorecard periods and weights, the standing thresholds,
 * the supplier gate's policy per document type, and the penalty rules. One key, so that a change
 * is one `settings.changed` event and the pieces are validated together.
 */
const gateAction = z.enum(['warn', 'refuse']);

export const gatePolicySetting = z
  .object({
    auditExpired: gateAction,
    documentExpired: z.partialRecord(documentType, gateAction),
    documentExpiredDefault: gateAction,
  })
  .strict();

const weight = z.number().min(0).max(100);

export const scorecardSetting = z
  .object({
    /** Rolling periods shown on the scorecard, in days (the shortest drives the trend arrow). */
    periodsDays: z.array(z.number().int().min(7).max(365)).min(1).max(4),
    /** The period whose score decides the automatic standing. */
    standingPeriodDays: z.number().int().min(7).max(365),
    weights: z.object({
      acceptance: weight,
      defects: weight,
      delivery: weight,
      complaints: weight,
    }),
    /** Defect rate at which the defect component reaches 0. */
    ppmCeiling: z.number().int().min(1_000).max(1_000_000),
    /** Points the complaint component loses per complaint. */
    complaintPoints: z.number().min(0).max(100),
    /** Weeks in the trend charts. */
    trendWeeks: z.number().int().min(4).max(52),
  })
  .strict()
  .refine((s) => s.periodsDays.includes(s.standingPeriodDays), {
    message: 'the standing period must be one of the scorecard periods',
    path: ['standingPeriodDays'],
  })
  .refine((s) => COMPONENTS.some((c) => s.weights[c] > 0), {
    message: 'at least one weight must be above 0',
    path: ['weights'],
  });

export const standingSetting = z
  .object({
    probationBelow: z.number().min(0).max(100),
    suspendedBelow: z.number().min(0).max(100),
    counterfeitSuspends: z.boolean(),
    minLots: z.number().int().min(0).max(1000),
  })
  .strict()
  .refine((s) => s.suspendedBelow <= s.probationBelow, {
    message: 'the suspension threshold cannot be above the probation threshold',
    path: ['suspendedBelow'],
  });

export const supplierQualitySettings = z
  .object({
    scorecard: scorecardSetting,
    standing: standingSetting,
    gate: gatePolicySetting,
    penalties: z
      .array(penaltyRule)
      .max(20)
      .refine((rules) => new Set(rules.map((r) => r.ruleId)).size === rules.length, {
        message: 'every penalty rule needs its own id',
      }),
  })
  .strict();
export type SupplierQualitySettings = z.infer<typeof supplierQualitySettings>;

const gate: GatePolicy = defaultGatePolicy;

export const defaultSupplierQualitySettings: SupplierQualitySettings = {
  scorecard: {
    periodsDays: [30, 90],
    // Ninety days smooths out one bad week while still reacting within a quarter.
    standingPeriodDays: 90,
    weights: { ...defaultScorecardConfig.weights },
    ppmCeiling: defaultScorecardConfig.ppmCeiling,
    complaintPoints: defaultScorecardConfig.complaintPoints,
    trendWeeks: 12,
  },
  standing: { ...defaultStandingThresholds },
  gate: {
    auditExpired: gate.auditExpired,
    documentExpired: Object.fromEntries(
      DOCUMENT_TYPES.flatMap((t) => {
        const action = gate.documentExpired[t];
        return action ? [[t, action]] : [];
      }),
    ),
    documentExpiredDefault: gate.documentExpiredDefault,
  },
  penalties: defaultPenaltyRules.map((r) => ({ ...r })),
};
