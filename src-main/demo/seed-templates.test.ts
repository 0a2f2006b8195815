import { describe, expect, it } from 'vitest';
import { inspectionTemplate } from '../../src-shared/events/schemas-inspection';
import { planLot } from '../../src-shared/inspection/lot-plan';
import { canonicalJson } from '../store/canonical-json';
import {
  defaultConflicts,
  normaliseTemplate,
  templateProblems,
} from '../inspection/templates-validation';
import { demoSkus } from './demo-data';
import { demoTemplateEvents, demoTemplates } from './seed-templates';

describe('demo inspection templates', () => {
  it('are valid templates a manager could have saved as they are', () => {
    for (const t of demoTemplates) {
      expect(inspectionTemplate.safeParse(t).success, t.templateId).toBe(true);
      expect(templateProblems(t), t.templateId).toEqual([]);
      // Already normalised: opening one in the editor and saving it records nothing.
      expect(canonicalJson(normaliseTemplate(t)), t.templateId).toBe(canonicalJson(t));
      expect(t.nameZh, t.templateId).not.toBe('');
      for (const c of t.checks) expect(c.labelZh, `${t.templateId}/${c.checkId}`).not.toBe('');
    }
  });

  it('give every demo category exactly one default, and no two defaults collide', () => {
    const categories = new Set(demoSkus.map((k) => k.category));
    for (const category of categories) {
      const defaults = demoTemplates.filter((t) => t.active && t.categories.includes(category));
      expect(defaults, category).toHaveLength(1);
    }
    for (const t of demoTemplates) expect(defaultConflicts(t, demoTemplates)).toEqual([]);
  });

  it('treat critical defects with zero tolerance and flag counterfeit signals', () => {
    for (const t of demoTemplates) {
      expect(t.aql.critical, t.templateId).toBeNull();
      expect(
        t.checks.some((c) => c.counterfeitSignal === true),
        t.templateId,
      ).toBe(true);
    }
  });

  it('sample small appliances at S-2: a few units unboxed and powered on', () => {
    const appliances = demoTemplates.find((t) => t.templateId === 'tpl-small-appliances');
    if (!appliances) throw new Error('no appliance template');
    // A delivery of 500 appliances: code letter C, 5 units; AQL 2.5 has a plan there (0/1).
    const plan = planLot(appliances, 500, 'normal');
    expect(plan).toMatchObject({ codeLetter: 'C', sampleSize: 5 });
    expect(plan.classes.major).toMatchObject({ sampleSize: 5, accept: 0, reject: 1 });
  });

  it('are appended as template.upserted events by the system', () => {
    const events = demoTemplateEvents();
    expect(events).toHaveLength(demoTemplates.length);
    expect(events[0]).toMatchObject({
      type: 'template.upserted',
      actor: 'system',
      subjects: [`template:${demoTemplates[0]?.templateId}`],
    });
  });
});
