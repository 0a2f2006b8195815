import type { CheckResult, DefectClass, TemplateCheck } from '../events/schemas-inspection';

export interface UnitEvaluation {
  results: CheckResult[];
  /** Classes in which this unit is nonconforming (a unit counts once per class). */
  defective: Record<DefectClass, boolean>;
  counterfeitSignal: boolean;
  /** Why the unit cannot be recorded as given (missing checks, readings, photos…). */
  problems: string[];
}

/**
 * Checks one sampled unit's results against its template. The station decides pass or fail
 * for numeric readings (against the limits) and choices (from the template), whatever the
 * screen said; pass/fail, label-match and notes are the inspector's judgement. A unit is
 * nonconforming in a class when any of its checks of that class fails (ISO 2859-1 counts
 * nonconforming items, not nonconformities).
 */
export function evaluateUnit(
  checks: readonly TemplateCheck[],
  submitted: readonly CheckResult[],
  photoCount: number,
): UnitEvaluation {
  const problems: string[] = [];
  const byId = new Map(submitted.map((r) => [r.checkId, r]));
  for (const r of submitted) {
    if (!checks.some((c) => c.checkId === r.checkId))
      problems.push(`"${r.checkId}" is not a check of this template.`);
  }
  const results: CheckResult[] = [];
  const defective: Record<DefectClass, boolean> = { critical: false, major: false, minor: false };
  let counterfeitSignal = false;
  for (const check of checks) {
    const given = byId.get(check.checkId);
    if (!given) {
      if (check.kind !== 'note') problems.push(`"${check.label}" has no result.`);
      continue;
    }
    let passed = given.passed;
    switch (check.kind) {
      case 'numeric': {
        const readings = given.readings ?? (given.value !== undefined ? [given.value] : []);
        const needed = check.readingsPerUnit ?? 1;
        if (readings.length < needed) {
          problems.push(`"${check.label}" needs ${needed} reading(s), got ${readings.length}.`);
          continue;
        }
        passed = readings.every(
          (v) =>
            Number.isFinite(v) &&
            (check.lower === undefined || v >= check.lower) &&
            (check.upper === undefined || v <= check.upper),
        );
        results.push({ checkId: check.checkId, passed, readings });
        break;
      }
      case 'choice': {
        const choice = check.choices?.find((c) => c.value === given.choice);
        if (!choice) {
          problems.push(`"${check.label}" needs one of its choices.`);
          continue;
        }
        passed = choice.pass;
        results.push({
          checkId: check.checkId,
          passed,
          choice: choice.value,
          ...(given.note ? { note: given.note } : {}),
        });
        break;
      }
      case 'note':
        results.push({
          checkId: check.checkId,
          passed: true,
          ...(given.note ? { note: given.note } : {}),
        });
        continue;
      case 'pass-fail':
      case 'label-match':
        results.push({
          checkId: check.checkId,
          passed,
          ...(given.note ? { note: given.note } : {}),
        });
        break;
    }
    if (!passed) {
      defective[check.defectClass] = true;
      if (check.counterfeitSignal) counterfeitSignal = true;
      if (check.photo === 'required-on-fail' && photoCount === 0) {
        problems.push(`"${check.label}" failed: take a photo of it.`);
      }
    }
  }
  return { results, defective, counterfeitSignal, problems };
}
