/**
 * Several defect classes judged on one sample (ISO 2859-1 §7.4: each class has its own AQL and is
 * judged on its own). The inspector pulls one combined sample, the largest n of the classes, in a
 * fixed order (unit 1, 2, 3… as listed by selectUnits). Each class is judged with its own Ac/Re on
 * the FIRST n_class units of that combined sample only: a minor defect found on unit 60 does not
 * count when the minor plan's n is 50, even though unit 60 was opened for the major plan. Counting
 * the extra units would change the plan's operating characteristic, which the tables do not allow.
 * The lot is accepted only when every class is accepted.
 */
import type { InspectionLevel } from './code-letters';
import { SamplingError } from './errors';
import { judgeLot, planFor, type AqlInput, type LotVerdict, type SamplingPlan } from './plan';
import type { Severity } from './tables';

export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export interface ClassPlansRequest {
  lotSize: number;
  level: InspectionLevel;
  /** AQL per class; a class left out is not inspected for (e.g. no critical class on this SKU). */
  aqls: Partial<Record<DefectClass, AqlInput>>;
  severity?: Severity;
}

export interface ClassPlans {
  plans: Partial<Record<DefectClass, SamplingPlan>>;
  /** Units to pull: the largest sample of any class (the whole lot if any class needs it). */
  combinedSampleSize: number;
  inspectAll: boolean;
}

export function plansForDefectClasses(request: ClassPlansRequest): ClassPlans {
  const plans: Partial<Record<DefectClass, SamplingPlan>> = {};
  for (const defectClass of DEFECT_CLASSES) {
    const aql = request.aqls[defectClass];
    if (aql === undefined) continue;
    plans[defectClass] = planFor({
      lotSize: request.lotSize,
      level: request.level,
      aql,
      severity: request.severity ?? 'normal',
    });
  }
  const sampleSizes = Object.values(plans).map((p) => p.sampleSize);
  if (sampleSizes.length === 0) {
    throw new SamplingError(
      'no-defect-class',
      'Give an AQL for at least one defect class (critical, major or minor).',
    );
  }
  const combinedSampleSize = Math.max(...sampleSizes);
  return {
    plans,
    combinedSampleSize,
    inspectAll: combinedSampleSize >= request.lotSize,
  };
}

export interface ClassVerdict {
  /** Units of the combined sample that count for this class (its own n). */
  unitsCounted: number;
  defects: number;
  verdict: LotVerdict;
}

export interface ClassesVerdict {
  classes: Partial<Record<DefectClass, ClassVerdict>>;
  /** Accepted only when no class is not accepted. */
  accepted: boolean;
  /** A reduced plan's count fell between Ac and Re for some class. */
  reinstateNormal: boolean;
}

/**
 * `findings[class]` lists, for each nonconforming unit (or each nonconformity) of that class, the
 * 1-based position of the unit within the combined sample. Positions beyond the class's own n are
 * ignored, as explained at the top of this file.
 */
export function judgeDefectClasses(
  classPlans: ClassPlans,
  findings: Partial<Record<DefectClass, readonly number[]>>,
): ClassesVerdict {
  const classes: Partial<Record<DefectClass, ClassVerdict>> = {};
  for (const defectClass of DEFECT_CLASSES) {
    const plan = classPlans.plans[defectClass];
    if (plan === undefined) continue;
    const positions = findings[defectClass] ?? [];
    for (const position of positions) {
      if (
        !Number.isSafeInteger(position) ||
        position < 1 ||
        position > classPlans.combinedSampleSize
      ) {
        throw new SamplingError(
          'invalid-defect-count',
          `A ${defectClass} defect was recorded on unit ${String(position)}, but the sample has units 1 to ${classPlans.combinedSampleSize}.`,
        );
      }
    }
    const defects = positions.filter((p) => p <= plan.sampleSize).length;
    classes[defectClass] = {
      unitsCounted: plan.sampleSize,
      defects,
      verdict: judgeLot(plan, defects),
    };
  }
  const verdicts = Object.values(classes).map((c) => c.verdict);
  return {
    classes,
    accepted: !verdicts.includes('not-accepted'),
    reinstateNormal: verdicts.includes('accepted-reinstate-normal'),
  };
}
