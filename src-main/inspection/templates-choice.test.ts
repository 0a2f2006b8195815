import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InspectionTemplate } from '../../src-shared/events/schemas-inspection';
import type { StoredTemplate } from '../store/repos/templates-repo';
import { chooseTemplate } from './templates-service';

const CATEGORIES = ['dairy', 'snacks', 'toys', 'beverages'] as const;

const template = (id: number, active: boolean, categories: string[]): InspectionTemplate => ({
  templateId: `tpl-${id}`,
  name: `Template ${id}`,
  nameZh: '',
  level: 'II',
  aql: { critical: null, major: 1, minor: 2.5 },
  categories,
  checks: [
    {
      checkId: 'c',
      kind: 'pass-fail',
      label: 'C',
      labelZh: '',
      defectClass: 'major',
      photo: 'optional',
    },
  ],
  active,
});

/** Up to 8 templates with distinct ids and distinct update sequences, in any order. */
const storedTemplates = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 20 }),
      seq: fc.integer({ min: 1, max: 1000 }),
      active: fc.boolean(),
      categories: fc.subarray([...CATEGORIES]),
    }),
    { maxLength: 8, selector: (r) => r.id },
  )
  .filter((list) => new Set(list.map((r) => r.seq)).size === list.length)
  .map((list): StoredTemplate[] =>
    list.map((r) => ({ template: template(r.id, r.active, r.categories), updatedSeq: r.seq })),
  );

const sku = fc.record({
  skuId: fc.constant('sku-1'),
  templateId: fc.option(fc.integer({ min: 1, max: 20 }).map((n) => `tpl-${n}`)),
  category: fc.constantFrom(...CATEGORIES),
});

describe('chooseTemplate', () => {
  it("returns the SKU's own active template, else its category's newest active default", () => {
    fc.assert(
      fc.property(storedTemplates, sku, (stored, s) => {
        const chosen = chooseTemplate(stored, s);
        const own = stored.find((x) => x.template.templateId === s.templateId);
        if (own?.template.active) {
          expect(chosen).toBe(own.template);
          return;
        }
        const defaults = stored.filter(
          (x) => x.template.active && x.template.categories.includes(s.category),
        );
        if (defaults.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        const newest = defaults.reduce((a, b) => (b.updatedSeq > a.updatedSeq ? b : a));
        expect(chosen).toBe(newest.template);
      }),
    );
  });

  it('does not depend on the order the templates are listed in', () => {
    fc.assert(
      fc.property(storedTemplates, sku, (stored, s) => {
        expect(chooseTemplate([...stored].reverse(), s)).toBe(chooseTemplate(stored, s));
      }),
    );
  });
});
