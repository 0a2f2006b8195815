import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../src-shared/api/contract';
import type { InspectionTemplate, TemplateCheck } from '../../src-shared/events/schemas-inspection';
import { demoTemplates } from '../demo/seed-templates';
import { openStation, projections, type Station } from '../station';
import { createProjector, rebuildProjections } from '../store/projections';
import { tempDir } from '../test-support/temp-dir';

const TODAY = '2026-11-28';
let dir: ReturnType<typeof tempDir>;
let station: Station;

beforeEach(async () => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => Date.parse(`${TODAY}T09:00:00`),
    validateOutput: true,
  });
  for (const [client, badge, pin] of [
    ['manager', 'QCS-MGR-0001', '5678'],
    ['inspector', 'QCS-INSP-0001', '1234'],
  ] as const) {
    expect(await call(client, 'auth.signIn', { badge, pin })).toMatchObject({ ok: true });
  }
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

function call<N extends CallName>(client: string, name: N, input: CallInput<N>) {
  return station.registry.dispatch(name, input, { clientId: client, transport: 'test' });
}

const templateEvents = () =>
  station.db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM events WHERE type = 'template.upserted'")
    .get()?.n ?? 0;

const pf = (checkId: string, extra: Partial<TemplateCheck> = {}): TemplateCheck => ({
  checkId,
  kind: 'pass-fail',
  label: `Check ${checkId}`,
  labelZh: `检查 ${checkId}`,
  defectClass: 'major',
  photo: 'optional',
  ...extra,
});

const draft = (extra: Partial<InspectionTemplate> = {}): InspectionTemplate => ({
  templateId: 'tpl-frozen',
  name: 'Frozen food',
  nameZh: '速冻食品',
  level: 'II',
  aql: { critical: null, major: 1.0, minor: 2.5 },
  categories: ['frozen'],
  checks: [
    pf('seal', { defectClass: 'critical' }),
    {
      ...pf('core-temperature'),
      kind: 'numeric',
      unit: '°C',
      upper: -18,
      readingsPerUnit: 2,
    },
  ],
  active: true,
  ...extra,
});

describe('demo templates', () => {
  it('gives every demo SKU a template through its category', () => {
    const list = station.templates.list();
    expect(list.map((t) => t.templateId).sort()).toEqual(
      demoTemplates.map((t) => t.templateId).sort(),
    );
    const skus = station.repos.skus.all();
    expect(list.reduce((sum, t) => sum + t.skuCount, 0)).toBe(skus.length);
    for (const sku of skus) {
      const template = station.templates.templateFor({
        skuId: sku.sku_id,
        templateId: sku.template_id,
        category: sku.category,
      });
      expect(template?.categories, sku.name).toContain(sku.category);
    }
    expect(list.find((t) => t.templateId === 'tpl-small-appliances')).toMatchObject({
      level: 'S-2',
      skuCount: 5,
    });
  });
});

describe('templateFor', () => {
  it("prefers the SKU's own active template, then its category's default, else none", async () => {
    const own = await call('manager', 'templates.save', {
      template: draft({ templateId: 'tpl-special', categories: [] }),
      expectedSeq: null,
    });
    expect(own.ok).toBe(true);
    const milk = { skuId: 'sku-x', templateId: 'tpl-special', category: 'dairy' };
    expect(station.templates.templateFor(milk)?.templateId).toBe('tpl-special');
    await call('manager', 'templates.save', {
      template: draft({ templateId: 'tpl-special', categories: [], active: false }),
    });
    expect(station.templates.templateFor(milk)?.templateId).toBe('tpl-dairy-chilled');
    expect(station.templates.templateFor({ ...milk, templateId: 'tpl-missing' })?.templateId).toBe(
      'tpl-dairy-chilled',
    );
    expect(
      station.templates.templateFor({ skuId: 'x', templateId: null, category: 'toys' }),
    ).toBeNull();
  });
});

describe('templates.save', () => {
  it('records a new template for a QC manager, and refuses inspectors', async () => {
    const before = templateEvents();
    const saved = await call('manager', 'templates.save', {
      template: draft(),
      expectedSeq: null,
    });
    expect(saved).toMatchObject({ ok: true, value: { templateId: 'tpl-frozen', skuCount: 0 } });
    expect(templateEvents()).toBe(before + 1);
    const got = await call('inspector', 'templates.get', { templateId: 'tpl-frozen' });
    expect(got).toMatchObject({ ok: true, value: { name: 'Frozen food', categories: ['frozen'] } });
    expect(await call('inspector', 'templates.save', { template: draft() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Saving the same template again records nothing.
    await call('manager', 'templates.save', { template: draft() });
    expect(templateEvents()).toBe(before + 1);
  });

  it('keeps only the fields of each check kind, trimmed', async () => {
    const messy = draft({
      name: '  Frozen food ',
      categories: ['frozen', ' frozen '],
      checks: [
        {
          ...pf('seal'),
          checkId: ' seal ',
          unit: 'g',
          lower: 1,
          choices: [],
          counterfeitSignal: false,
        },
        { ...pf('temp'), kind: 'numeric', unit: ' °C ', upper: -18 },
      ],
    });
    const r = await call('manager', 'templates.save', { template: messy });
    expect(r.ok).toBe(true);
    const stored = station.repos.templates.byId('tpl-frozen');
    expect(stored?.name).toBe('Frozen food');
    expect(stored?.categories).toEqual(['frozen']);
    expect(stored?.checks[0]).toEqual(pf('seal'));
    expect(stored?.checks[1]).toEqual({
      ...pf('temp'),
      kind: 'numeric',
      unit: '°C',
      upper: -18,
      readingsPerUnit: 1,
    });
  });

  it.each<[string, Partial<InspectionTemplate>, RegExp]>([
    ['repeated check ids', { checks: [pf('a'), pf('a')] }, /Check id "a" is used by more than one/],
    [
      'a numeric check without a unit',
      { checks: [{ ...pf('t'), kind: 'numeric', upper: 6 }] },
      /Check "t" is numeric: give the unit/,
    ],
    [
      'a numeric check without limits',
      { checks: [{ ...pf('t'), kind: 'numeric', unit: '°C' }] },
      /give a lower limit, an upper limit or both/,
    ],
    [
      'limits the wrong way round',
      { checks: [{ ...pf('t'), kind: 'numeric', unit: '°C', lower: 6, upper: 0 }] },
      /lower limit 6 is above the upper limit 0/,
    ],
    [
      'a choice with one option',
      {
        checks: [
          {
            ...pf('c'),
            kind: 'choice',
            choices: [{ value: 'ok', label: 'OK', labelZh: '好', pass: true }],
          },
        ],
      },
      /at least two options/,
    ],
    [
      'a choice nobody can pass',
      {
        checks: [
          {
            ...pf('c'),
            kind: 'choice',
            choices: [
              { value: 'dented', label: 'Dented', labelZh: '凹陷', pass: false },
              { value: 'leaking', label: 'Leaking', labelZh: '渗漏', pass: false },
            ],
          },
        ],
      },
      /at least one option must pass/,
    ],
    [
      'an AQL the tables do not have',
      { aql: { critical: null, major: 1.2, minor: 2.5 } },
      /major AQL: AQL 1.2 is not in/,
    ],
    [
      'a critical AQL the tables do not have',
      { aql: { critical: 0.3, major: 1, minor: 2.5 } },
      /critical AQL: AQL 0.3/,
    ],
    ['an id with spaces', { templateId: 'tpl frozen' }, /template id may hold only/],
  ])('refuses %s', async (_what, change, message) => {
    const before = templateEvents();
    const r = await call('manager', 'templates.save', { template: draft(change) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(r.ok ? '' : r.error.message).toMatch(message);
    expect(templateEvents()).toBe(before);
  });

  it('refuses a second default for a category, naming the other template', async () => {
    const r = await call('manager', 'templates.save', {
      template: draft({ categories: ['frozen', 'dairy'] }),
      expectedSeq: null,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(r.ok ? '' : r.error.message).toMatch(
      /Category "dairy" already has a default template: "Dairy, chilled" \(tpl-dairy-chilled\)/,
    );
    // Inactive, it is nobody's default and may list the category.
    const inactive = await call('manager', 'templates.save', {
      template: draft({ categories: ['frozen', 'dairy'], active: false }),
      expectedSeq: null,
    });
    expect(inactive.ok).toBe(true);
  });

  it('refuses to overwrite a template changed since the editor opened it', async () => {
    const { updatedSeq } = station.templates.get('tpl-dairy-chilled');
    const template = station.repos.templates.byId('tpl-dairy-chilled');
    if (!template) throw new Error('no demo dairy template');
    const first = await call('manager', 'templates.save', {
      template: { ...template, name: 'Dairy, chilled (v2)' },
      expectedSeq: updatedSeq,
    });
    expect(first.ok).toBe(true);
    const second = await call('manager', 'templates.save', {
      template: { ...template, name: 'Dairy, chilled (v3)' },
      expectedSeq: updatedSeq,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const duplicate = await call('manager', 'templates.save', {
      template: { ...template, name: 'Another' },
      expectedSeq: null,
    });
    expect(duplicate.ok ? '' : duplicate.error.message).toMatch(/already exists/);
  });
});

describe('templates.preview', () => {
  it('shows the plan per defect class under each severity', async () => {
    const r = await call('inspector', 'templates.preview', {
      templateId: 'tpl-dairy-chilled',
      lotSize: 1200,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      lotSize: 1200,
      normal: {
        codeLetter: 'J',
        sampleSize: 80,
        classes: {
          critical: { aql: null, sampleSize: 80, accept: 0, reject: 1 },
          major: { aql: 1, sampleSize: 80, accept: 2, reject: 3 },
          minor: { aql: 2.5, sampleSize: 80, accept: 5, reject: 6 },
        },
      },
      tightened: { severity: 'tightened', classes: { major: { accept: 1, reject: 2 } } },
      reduced: { severity: 'reduced', sampleSize: 32 },
    });
  });

  it('previews a draft level and AQLs, and says what is wrong with them', async () => {
    const r = await call('inspector', 'templates.preview', {
      level: 'S-2',
      aql: { critical: null, major: 2.5, minor: 4 },
      lotSize: 500,
    });
    // S-2, 500 units: code letter C; major 2.5 → n 5 (0/1), minor 4.0 → up to B, n 3 (0/1).
    expect(r).toMatchObject({
      ok: true,
      value: {
        normal: {
          codeLetter: 'C',
          sampleSize: 5,
          inspectAll: false,
          classes: { major: { sampleSize: 5 }, minor: { sampleSize: 3 } },
        },
      },
    });
    expect(
      await call('inspector', 'templates.preview', {
        level: 'II',
        aql: { critical: null, major: 3, minor: 4 },
        lotSize: 100,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await call('inspector', 'templates.preview', { templateId: 'nope', lotSize: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('rebuild', () => {
  it('reproduces the templates table from the log', async () => {
    await call('manager', 'templates.save', { template: draft(), expectedSeq: null });
    const snapshot = () =>
      station.db.prepare('SELECT * FROM inspection_templates ORDER BY template_id').all();
    const before = snapshot();
    expect(before.length).toBe(demoTemplates.length + 1);
    rebuildProjections(station.db, createProjector(station.repos, projections));
    expect(snapshot()).toEqual(before);
  });
});
