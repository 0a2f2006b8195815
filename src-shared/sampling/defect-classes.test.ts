import { describe, expect, it } from 'vitest';
import { judgeDefectClasses, plansForDefectClasses } from './defect-classes';

// Lot 1000, level II → code J (80). Critical 0.10 → K's plan 125 0/1 (J is an arrow down there);
// major 1.0 → 80 2/3; minor 4.0 → 80 7/8.
const request = {
  lotSize: 1000,
  level: 'II',
  aqls: { critical: 0.1, major: 1.0, minor: 4.0 },
} as const;

describe('several defect classes on one sample', () => {
  it('gives each class its own plan and pulls the largest sample', () => {
    const plans = plansForDefectClasses(request);
    expect(plans.plans.critical).toMatchObject({ sampleSize: 125, accept: 0, reject: 1 });
    expect(plans.plans.major).toMatchObject({ sampleSize: 80, accept: 2, reject: 3 });
    expect(plans.plans.minor).toMatchObject({ sampleSize: 80, accept: 7, reject: 8 });
    expect(plans.combinedSampleSize).toBe(125);
    expect(plans.inspectAll).toBe(false);
  });

  it('counts each class only within its own first n units', () => {
    const plans = plansForDefectClasses(request);
    // Majors on units 5, 90 and 120: only unit 5 is within the major plan's 80 units.
    const verdict = judgeDefectClasses(plans, { major: [5, 90, 120], critical: [] });
    expect(verdict.classes.major).toEqual({ unitsCounted: 80, defects: 1, verdict: 'accepted' });
    expect(verdict.classes.critical).toEqual({
      unitsCounted: 125,
      defects: 0,
      verdict: 'accepted',
    });
    expect(verdict.accepted).toBe(true);
    // One critical anywhere in the 125 units rejects the lot, whatever the other classes say.
    const critical = judgeDefectClasses(plans, { critical: [110] });
    expect(critical.classes.critical?.verdict).toBe('not-accepted');
    expect(critical.accepted).toBe(false);
  });

  it('flags a reduced count between Ac and Re so normal inspection is reinstated', () => {
    const plans = plansForDefectClasses({ ...request, severity: 'reduced' });
    expect(plans.plans.major).toMatchObject({ sampleSize: 32, accept: 1, reject: 3 });
    const verdict = judgeDefectClasses(plans, { major: [1, 2] });
    expect(verdict).toMatchObject({ accepted: true, reinstateNormal: true });
  });

  it('leaves out classes without an AQL and refuses positions outside the sample', () => {
    const plans = plansForDefectClasses({ ...request, aqls: { minor: 2.5 } });
    expect(Object.keys(plans.plans)).toEqual(['minor']);
    expect(() => judgeDefectClasses(plans, { minor: [81] })).toThrow(/units 1 to 80/);
    expect(() => plansForDefectClasses({ ...request, aqls: {} })).toThrow(
      /at least one defect class/,
    );
  });

  it('inspects the whole lot when any class needs more units than the lot has', () => {
    const plans = plansForDefectClasses({ ...request, lotSize: 60 });
    expect(plans.combinedSampleSize).toBe(60);
    expect(plans.inspectAll).toBe(true);
  });
});
