import type { InspectionTemplate, LotPlan, SeverityName } from '../events/schemas-inspection';
import { plansForDefectClasses, type DefectClass } from '../sampling';

/**
 * The plan for one lot under a template: ISO 2859-1 plans per defect class at the template's
 * level and AQLs, for the lot's severity. The sample pulled is the largest class sample; each
 * class is judged on its own first n units. Critical defects with no AQL are zero tolerance:
 * judged on the whole sample with Ac 0 / Re 1 (one critical defect rejects the lot).
 */
export function planLot(
  template: Pick<InspectionTemplate, 'level' | 'aql'>,
  lotSize: number,
  severity: SeverityName,
): LotPlan {
  const aqls: Partial<Record<DefectClass, number>> = {
    major: template.aql.major,
    minor: template.aql.minor,
  };
  if (template.aql.critical !== null) aqls.critical = template.aql.critical;
  const plans = plansForDefectClasses({ lotSize, level: template.level, aqls, severity });
  const major = plans.plans.major;
  const minor = plans.plans.minor;
  if (!major || !minor) throw new Error('major and minor plans are always computed');
  const critical = plans.plans.critical;
  const sampleSize = plans.combinedSampleSize;
  return {
    lotSize,
    level: template.level,
    severity,
    codeLetter: major.codeLetter,
    sampleSize,
    inspectAll: plans.inspectAll,
    classes: {
      critical: critical
        ? {
            aql: template.aql.critical,
            sampleSize: critical.sampleSize,
            accept: critical.accept,
            reject: critical.reject,
            planCodeLetter: critical.planCodeLetter,
          }
        : { aql: null, sampleSize, accept: 0, reject: 1 },
      major: {
        aql: template.aql.major,
        sampleSize: major.sampleSize,
        accept: major.accept,
        reject: major.reject,
        planCodeLetter: major.planCodeLetter,
      },
      minor: {
        aql: template.aql.minor,
        sampleSize: minor.sampleSize,
        accept: minor.accept,
        reject: minor.reject,
        planCodeLetter: minor.planCodeLetter,
      },
    },
  };
}

/** Cartons to open: one sampled unit per carton where there are enough cartons, spread out. */
export function cartonsToOpen(
  sampleSize: number,
  cartonCount: number,
): { cartons: number; unitsPerCarton: number } {
  if (cartonCount <= 0) return { cartons: 0, unitsPerCarton: 0 };
  const cartons = Math.min(cartonCount, sampleSize);
  return { cartons, unitsPerCarton: Math.ceil(sampleSize / cartons) };
}
