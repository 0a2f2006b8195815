import { describe, expect, it } from 'vitest';
import type { TemplateCheck } from '../events/schemas-inspection';
import { judge, type UnitOutcome } from './judge';
import { cartonsToOpen, planLot } from './lot-plan';
import { evaluateUnit } from './unit-results';

const template = { level: 'II' as const, aql: { critical: null, major: 1.0, minor: 2.5 } };
const ok = (unitNo: number): UnitOutcome => ({
  unitNo,
  defective: { critical: false, major: false, minor: false },
  counterfeitSignal: false,
});

describe('lot plan', () => {
  it('plans each class at the template AQLs, critical with zero tolerance', () => {
    // Lot of 1,200, level II: code letter J (n 80); major 1.0 → 2/3, minor 2.5 → 5/6.
    const plan = planLot(template, 1200, 'normal');
    expect(plan).toMatchObject({ codeLetter: 'J', sampleSize: 80, inspectAll: false });
    expect(plan.classes.major).toEqual({
      aql: 1.0,
      sampleSize: 80,
      accept: 2,
      reject: 3,
      planCodeLetter: 'J',
    });
    expect(plan.classes.minor).toEqual({
      aql: 2.5,
      sampleSize: 80,
      accept: 5,
      reject: 6,
      planCodeLetter: 'J',
    });
    expect(plan.classes.critical).toEqual({ aql: null, sampleSize: 80, accept: 0, reject: 1 });
  });

  it('tightens with the severity and inspects all of a tiny lot', () => {
    expect(planLot(template, 1200, 'tightened').classes.major).toMatchObject({
      aql: 1.0,
      sampleSize: 80,
      accept: 1,
      reject: 2,
    });
    expect(planLot(template, 4, 'normal')).toMatchObject({ sampleSize: 4, inspectAll: true });
  });

  it('spreads the sample over the cartons', () => {
    expect(cartonsToOpen(80, 100)).toEqual({ cartons: 80, unitsPerCarton: 1 });
    expect(cartonsToOpen(80, 20)).toEqual({ cartons: 20, unitsPerCarton: 4 });
    expect(cartonsToOpen(5, 0)).toEqual({ cartons: 0, unitsPerCarton: 0 });
  });
});

describe('judging the sample', () => {
  const plan = planLot(template, 1200, 'normal');

  it('rejects at the first critical defect, without waiting for the rest of the sample', () => {
    const j = judge(plan, [
      { ...ok(1), defective: { critical: true, major: false, minor: false } },
    ]);
    expect(j).toMatchObject({ proposal: 'reject', complete: true, unitsRecorded: 1 });
    expect(j.reasons[0]?.en).toMatch(/1 critical nonconforming unit\(s\): reject number 1 reached/);
  });

  it('rejects when a class reaches its Re, accepts when every class is done within Ac', () => {
    const majors = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...ok(i + 1),
        defective: { critical: false, major: true, minor: false },
      }));
    expect(judge(plan, majors(3)).proposal).toBe('reject');
    expect(judge(plan, majors(2)).proposal).toBeNull();
    const full = [...majors(2), ...Array.from({ length: 78 }, (_, i) => ok(i + 3))];
    expect(judge(plan, full)).toMatchObject({ proposal: 'accept', complete: true });
  });

  it('holds a lot that passes but showed a counterfeit signal', () => {
    const units = Array.from({ length: 80 }, (_, i) => ok(i + 1));
    units[5] = {
      ...ok(6),
      defective: { critical: false, major: false, minor: true },
      counterfeitSignal: true,
    };
    expect(judge(plan, units).proposal).toBe('hold');
  });
});

describe('evaluating one unit', () => {
  const checks: TemplateCheck[] = [
    {
      checkId: 'seal',
      kind: 'pass-fail',
      label: 'Seal intact',
      labelZh: '封口完好',
      defectClass: 'critical',
      photo: 'required-on-fail',
    },
    {
      checkId: 'temp',
      kind: 'numeric',
      label: 'Temperature',
      labelZh: '温度',
      defectClass: 'major',
      photo: 'none',
      unit: '°C',
      lower: 0,
      upper: 6,
      readingsPerUnit: 2,
    },
    {
      checkId: 'pack',
      kind: 'choice',
      label: 'Packaging',
      labelZh: '包装',
      defectClass: 'minor',
      photo: 'optional',
      choices: [
        { value: 'ok', label: 'OK', labelZh: '完好', pass: true },
        { value: 'dented', label: 'Dented', labelZh: '凹陷', pass: false },
      ],
    },
    {
      checkId: 'label',
      kind: 'label-match',
      label: 'Label matches barcode',
      labelZh: '标签与条码一致',
      defectClass: 'critical',
      photo: 'optional',
      counterfeitSignal: true,
    },
    {
      checkId: 'note',
      kind: 'note',
      label: 'Note',
      labelZh: '备注',
      defectClass: 'minor',
      photo: 'none',
    },
  ];

  it('decides numeric and choice checks itself, whatever the screen said', () => {
    const e = evaluateUnit(
      checks,
      [
        { checkId: 'seal', passed: true },
        { checkId: 'temp', passed: true, readings: [4.5, 7.1] },
        { checkId: 'pack', passed: true, choice: 'dented' },
        { checkId: 'label', passed: true },
      ],
      0,
    );
    expect(e.problems).toEqual([]);
    expect(e.defective).toEqual({ critical: false, major: true, minor: true });
    expect(e.results.find((r) => r.checkId === 'temp')?.passed).toBe(false);
  });

  it('needs every check, enough readings, and a photo for a failed seal', () => {
    const e = evaluateUnit(
      checks,
      [
        { checkId: 'seal', passed: false },
        { checkId: 'temp', passed: true, readings: [3] },
      ],
      0,
    );
    expect(e.problems).toEqual([
      '"Seal intact" failed: take a photo of it.',
      '"Temperature" needs 2 reading(s), got 1.',
      '"Packaging" has no result.',
      '"Label matches barcode" has no result.',
    ]);
  });

  it('flags a counterfeit signal and refuses unknown checks', () => {
    const e = evaluateUnit(
      checks,
      [
        { checkId: 'label', passed: false },
        { checkId: 'ghost', passed: true },
      ],
      1,
    );
    expect(e.counterfeitSignal).toBe(true);
    expect(e.defective.critical).toBe(true);
    expect(e.problems[0]).toBe('"ghost" is not a check of this template.');
  });
});
