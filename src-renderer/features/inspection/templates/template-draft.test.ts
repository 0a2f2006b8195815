import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InspectionTemplate } from '../../../../src-shared/events/schemas-inspection';
import {
  aqlLabel,
  draftFrom,
  emptyDraft,
  moveItem,
  newCheck,
  removeItem,
  suggestTemplateId,
  toTemplate,
} from './template-draft';

const dairy: InspectionTemplate = {
  templateId: 'tpl-dairy',
  name: 'Dairy',
  nameZh: '乳制品',
  level: 'II',
  aql: { critical: null, major: 1, minor: 2.5 },
  categories: ['dairy', 'cheese'],
  checks: [
    {
      checkId: 'temp',
      kind: 'numeric',
      label: 'Temperature',
      labelZh: '温度',
      defectClass: 'major',
      photo: 'optional',
      unit: '°C',
      lower: 0,
      upper: 6,
      readingsPerUnit: 2,
    },
    {
      checkId: 'damage',
      kind: 'choice',
      label: 'Damage',
      labelZh: '破损',
      defectClass: 'major',
      photo: 'required-on-fail',
      choices: [
        { value: 'none', label: 'None', labelZh: '无', pass: true },
        { value: 'leaking', label: 'Leaking', labelZh: '渗漏', pass: false },
      ],
    },
    {
      checkId: 'label',
      kind: 'label-match',
      label: 'Label matches barcode',
      labelZh: '标签与条码一致',
      defectClass: 'critical',
      photo: 'required-on-fail',
      counterfeitSignal: true,
    },
  ],
  active: true,
};

describe('template drafts', () => {
  it('round-trip a template through the editor unchanged', () => {
    expect(toTemplate(draftFrom(dairy))).toEqual(dairy);
  });

  it('shows AQLs as the tables print them, zero tolerance as empty', () => {
    const d = draftFrom(dairy);
    expect(d.aql).toEqual({ critical: '', major: '1.0', minor: '2.5' });
    expect(aqlLabel(0.065)).toBe('0.065');
    expect(aqlLabel(10)).toBe('10');
  });

  it('reads an empty limit as no limit, and categories from a line (either comma)', () => {
    const d = draftFrom(dairy);
    const [temp] = d.checks;
    if (!temp) throw new Error('no check');
    const t = toTemplate({
      ...d,
      categories: ' dairy， cheese ,, yoghurt',
      checks: [{ ...temp, lower: '', upper: '-18' }],
    });
    expect(t.categories).toEqual(['dairy', 'cheese', 'yoghurt']);
    expect(t.checks[0]).not.toHaveProperty('lower');
    expect(t.checks[0]).toMatchObject({ upper: -18 });
  });

  it('drops the fields of a kind the check no longer has', () => {
    const d = draftFrom(dairy);
    const [temp] = d.checks;
    if (!temp) throw new Error('no check');
    const t = toTemplate({ ...d, checks: [{ ...temp, kind: 'pass-fail' }] });
    expect(t.checks[0]).toEqual({
      checkId: 'temp',
      kind: 'pass-fail',
      label: 'Temperature',
      labelZh: '温度',
      defectClass: 'major',
      photo: 'optional',
    });
  });

  it('gives new checks unused ids and the fields their kind needs', () => {
    const first = newCheck('choice', []);
    const second = newCheck('choice', [first]);
    expect([first.checkId, second.checkId]).toEqual(['choice-1', 'choice-2']);
    expect(first.choices.map((c) => c.pass)).toEqual([true, false]);
    expect(newCheck('numeric', []).readingsPerUnit).toBe('1');
    expect(newCheck('label-match', [])).toMatchObject({
      defectClass: 'critical',
      counterfeitSignal: true,
    });
    expect(first.key).not.toBe(second.key);
    expect(emptyDraft().checks).toHaveLength(1);
  });

  it('suggests a template id from the English name', () => {
    expect(suggestTemplateId('Frozen food & ice cream')).toBe('tpl-frozen-food-ice-cream');
    expect(suggestTemplateId('冷冻')).toBe('');
  });

  it('moves an item one place and keeps every item exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom<-1 | 1>(-1, 1),
        (items, at, delta) => {
          const index = at % items.length;
          const moved = moveItem(items, index, delta);
          expect([...moved].sort()).toEqual([...items].sort());
          const target = index + delta;
          if (target < 0 || target >= items.length) expect(moved).toEqual(items);
          else expect(moved[target]).toBe(items[index]);
          // Moving back undoes it.
          if (target >= 0 && target < items.length) {
            expect(moveItem(moved, target, delta === 1 ? -1 : 1)).toEqual(items);
          }
        },
      ),
    );
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});
