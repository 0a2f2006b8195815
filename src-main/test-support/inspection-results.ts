import type { CheckResult, InspectionTemplate } from '../../src-shared/events/schemas-inspection';

/** Results passing every check of a template (numeric readings mid-range), for tests. */
export function passingResults(
  template: InspectionTemplate,
  failing: readonly string[] = [],
): CheckResult[] {
  return template.checks
    .filter((c) => c.kind !== 'note')
    .map((c): CheckResult => {
      const fail = failing.includes(c.checkId);
      switch (c.kind) {
        case 'numeric': {
          const lower = c.lower ?? (c.upper ?? 0) - 10;
          const upper = c.upper ?? lower + 10;
          const value = fail ? upper + 100 : (lower + upper) / 2;
          return {
            checkId: c.checkId,
            passed: !fail,
            readings: Array.from({ length: c.readingsPerUnit ?? 1 }, () => value),
          };
        }
        case 'choice': {
          const choice = c.choices?.find((x) => x.pass === !fail) ?? c.choices?.[0];
          return { checkId: c.checkId, passed: !fail, choice: choice?.value ?? '' };
        }
        case 'note':
        case 'pass-fail':
        case 'label-match':
          return { checkId: c.checkId, passed: !fail };
      }
    });
}
