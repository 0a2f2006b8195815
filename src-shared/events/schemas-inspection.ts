import { z } from 'zod';
import { decision } from './schemas';

/** Inspection vocabulary shared by the log, the API and the UI (ISO 2859-1 terms). */
export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export const defectClass = z.enum(DEFECT_CLASSES);
export type DefectClass = z.infer<typeof defectClass>;

export const inspectionLevel = z.enum(['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III']);
export type InspectionLevelName = z.infer<typeof inspectionLevel>;

export const severity = z.enum(['normal', 'tightened', 'reduced']);
export type SeverityName = z.infer<typeof severity>;

export const CHECK_KINDS = ['pass-fail', 'numeric', 'choice', 'label-match', 'note'] as const;
export const checkKind = z.enum(CHECK_KINDS);

/** One check of an inspection template, done on every sampled unit. */
export const templateCheck = z.object({
  checkId: z.string().min(1).max(40),
  kind: checkKind,
  label: z.string().min(1).max(200),
  labelZh: z.string().max(200),
  defectClass,
  /** Photos: never asked, optional, or required when the check fails. */
  photo: z.enum(['none', 'optional', 'required-on-fail']).default('optional'),
  /** Numeric readings: unit, limits (inclusive) and how many readings per unit. */
  unit: z.string().max(20).optional(),
  lower: z.number().optional(),
  upper: z.number().optional(),
  readingsPerUnit: z.number().int().min(1).max(10).optional(),
  /** Choice checks: the options, each passing or failing the check. */
  choices: z
    .array(
      z.object({
        value: z.string().min(1).max(40),
        label: z.string().max(100),
        labelZh: z.string().max(100),
        pass: z.boolean(),
      }),
    )
    .optional(),
  /** A failure here is a counterfeit signal (brand marks, label/barcode mismatch). */
  counterfeitSignal: z.boolean().optional(),
});
export type TemplateCheck = z.infer<typeof templateCheck>;

export const inspectionTemplate = z.object({
  templateId: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  nameZh: z.string().max(120),
  level: inspectionLevel,
  /** AQL per defect class; critical null means zero tolerance (any critical defect rejects). */
  aql: z.object({
    critical: z.number().positive().nullable(),
    major: z.number().positive(),
    minor: z.number().positive(),
  }),
  /** Categories this template is the default for (a SKU may name its own template instead). */
  categories: z.array(z.string().min(1).max(40)),
  checks: z.array(templateCheck).min(1).max(40),
  active: z.boolean(),
});
export type InspectionTemplate = z.infer<typeof inspectionTemplate>;

export const classPlan = z.object({
  aql: z.number().nullable(),
  sampleSize: z.number().int().nonnegative(),
  accept: z.number().int().nonnegative(),
  reject: z.number().int().positive(),
  /** Row of the master table actually used after the arrows (for the switching score). */
  planCodeLetter: z.string().max(2).optional(),
});

/** The sampling plan actually used for a lot, as recorded when its inspection starts. */
export const lotPlan = z.object({
  lotSize: z.number().int().positive(),
  level: inspectionLevel,
  severity,
  codeLetter: z.string().max(2),
  /** Units to inspect: the largest class sample, capped at the lot size. */
  sampleSize: z.number().int().positive(),
  inspectAll: z.boolean(),
  classes: z.object({ critical: classPlan, major: classPlan, minor: classPlan }),
});
export type LotPlan = z.infer<typeof lotPlan>;

export const checkResult = z.object({
  checkId: z.string().min(1).max(40),
  passed: z.boolean(),
  value: z.number().optional(),
  readings: z.array(z.number()).max(10).optional(),
  choice: z.string().max(40).optional(),
  note: z.string().max(1000).optional(),
});
export type CheckResult = z.infer<typeof checkResult>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

export const signOff = z.object({
  userId: z.string().min(1).max(64),
  name: z.string().max(120),
  /** What the signature means, e.g. "Approved conditional acceptance". */
  meaning: z.string().min(1).max(200),
  at: z.number().int(),
});
export type SignOff = z.infer<typeof signOff>;

/** Added to `lot.decided`: the station's proposal, and the manager's sign-off when needed. */
export const decisionSignOffFields = {
  proposal: decision.optional(),
  /** Accepted under conditions (e.g. short shelf life) rather than outright. */
  conditional: z.boolean().optional(),
  /** The decision differs from the station's proposal. */
  override: z.boolean().optional(),
  signOff: signOff.optional(),
};
