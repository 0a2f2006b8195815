import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { gtinCheckDigit } from '../../src-shared/gs1';
import { caseGtin, unitGtin } from '../demo/demo-data';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';

const TODAY = '2026-11-28';
const REJECTED = 'lot-2026-11-26-2-0'; // Crunch Fox's rejected snack lot in the demo history
let dir: ReturnType<typeof tempDir>;
let station: Station;

beforeEach(async () => {
  dir = tempDir();
  const now = Date.parse(`${TODAY}T09:00:00`);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
  await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-MGR-0001', pin: '5678' },
    { clientId: 'manager', transport: 'test' },
  );
  await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-INSP-0001', pin: '1234' },
    { clientId: 'inspector', transport: 'test' },
  );
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

type Outcome<N extends CallName> =
  { ok: true; value: CallOutput<N> } | { ok: false; error: ApiError };

async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
  clientId: 'manager' | 'inspector' = 'manager',
): Promise<Outcome<N>> {
  return (await station.registry.dispatch(name, input, {
    clientId,
    transport: 'test',
  })) as Outcome<N>;
}
/** "code: message" of a failed call, or "ok". */
function outcome(r: { ok: true } | { ok: false; error: ApiError }): string {
  return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
}
async function value<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('supplier master data edits', () => {
  it('replaces a supplier’s documents and keeps its standing', async () => {
    const jade = await value('suppliers.get', { supplierId: 'sup-jadelotus' });
    const saved = await value('suppliers.save', {
      supplierId: jade.supplierId,
      code: jade.code,
      name: jade.name,
      contact: 'Sun Li +86 21 5550 5099',
      cumulativeSalesCny: jade.cumulativeSalesCny,
      documents: jade.documents.map((d) =>
        d.type === 'cosmetics-filing' ? { ...d, validUntil: '2027-03-31' } : d,
      ),
      audits: [
        ...jade.audits,
        {
          date: '2026-11-20',
          auditor: 'Head-office QA',
          score: 91,
          result: 'passed',
          validUntil: '2027-11-19',
        },
      ],
    });
    expect(saved).toMatchObject({
      standing: 'approved',
      contact: 'Sun Li +86 21 5550 5099',
      auditExpired: false,
    });
    expect(saved.documents.find((d) => d.type === 'cosmetics-filing')?.validUntil).toBe(
      '2027-03-31',
    );
    const board = await value('suppliers.board', {});
    expect(board.find((s) => s.supplierId === 'sup-jadelotus')).toMatchObject({
      nextAuditExpiry: '2027-11-19',
    });
  });

  it('creates a supplier on probation and refuses a code that is taken', async () => {
    const created = await value('suppliers.save', {
      code: 'SUP-010',
      name: 'River Tea Co. 江茶',
      contact: '',
      cumulativeSalesCny: 0,
      documents: [{ type: 'business-licence', number: 'BL-1', validUntil: '2028-01-01' }],
      audits: [],
    });
    expect(created).toMatchObject({ code: 'SUP-010', standing: 'probation' });
    const taken = await call('suppliers.save', {
      code: 'sup-001',
      name: 'Copycat',
      contact: '',
      cumulativeSalesCny: 0,
      documents: [],
      audits: [],
    });
    expect(outcome(taken)).toMatch(/^conflict: The supplier code sup-001 belongs to Northfield/);
  });

  it('lets an inspector read but not edit', async () => {
    expect((await call('suppliers.board', {}, 'inspector')).ok).toBe(true);
    const r = await call(
      'suppliers.save',
      { code: 'X', name: 'X', contact: '', cumulativeSalesCny: 0, documents: [], audits: [] },
      'inspector',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await call(
        'penalties.confirmCounterfeit',
        { lotId: REJECTED, note: 'looks fake' },
        'inspector',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('SKU edits', () => {
  const body = '692000100099';
  const gtin = `${body}${gtinCheckDigit(body)}`;

  it('creates an SKU with its packaging GTINs checked, and edits it', async () => {
    const created = await value('skus.save', {
      gtin,
      name: 'Skimmed Milk 1 L',
      nameZh: '脱脂牛奶 1升',
      brand: 'Northfield',
      category: 'dairy',
      shelfLifeDays: 180,
      packaging: [{ gtin: caseGtin(body), level: 'case', unitsPer: 12 }],
      templateId: null,
    });
    expect(created).toMatchObject({
      skuId: `sku-0${gtin}`,
      gtin: `0${gtin}`,
      packaging: [{ gtin: caseGtin(body), level: 'case', unitsPer: 12 }],
    });
    const edited = await value('skus.save', {
      ...created,
      nameZh: created.nameZh ?? '',
      name: 'Skimmed Milk UHT 1 L',
      packaging: created.packaging.map((p) => ({ ...p, level: 'case' as const })),
    });
    expect(edited.name).toBe('Skimmed Milk UHT 1 L');
    expect((await value('skus.get', { skuId: created.skuId })).name).toBe('Skimmed Milk UHT 1 L');
  });

  it('refuses a wrong check digit and a GTIN another SKU has', async () => {
    const base = {
      name: 'X',
      nameZh: '',
      brand: 'X',
      category: 'dairy',
      shelfLifeDays: null,
      packaging: [],
      templateId: null,
    };
    const wrong = `${body}${(gtinCheckDigit(body) + 1) % 10}`;
    expect(outcome(await call('skus.save', { ...base, gtin: wrong }))).toBe(
      `invalid_input: unit GTIN: ${wrong}: the check digit should be ${gtinCheckDigit(body)}`,
    );
    expect(
      outcome(
        await call('skus.save', {
          ...base,
          gtin,
          packaging: [{ gtin: caseGtin('692000100001'), level: 'case', unitsPer: 12 }],
        }),
      ),
    ).toMatch(/^conflict: GTIN \d{14} already belongs to Whole Milk UHT 1 L/);
  });

  it('lists the SKUs a supplier delivers', async () => {
    const skus = await value('suppliers.skus', { supplierId: 'sup-northfield' });
    expect(skus.map((k) => k.gtin)).toContain(unitGtin('692000100001'));
  });
});

describe('penalties', () => {
  it('confirms a counterfeit: penalty proposed, supplier suspended, all on record', async () => {
    const out = await value('penalties.confirmCounterfeit', {
      lotId: REJECTED,
      note: 'Brand owner confirmed the seal is fake',
    });
    expect(out.penalties[0]).toMatchObject({ amountCny: 61_200_000, status: 'proposed' });
    expect(out.penalties[0]?.supplierName).toMatch(/^Crunch Fox/);
    expect(out.review).toMatchObject({ changed: true, to: 'suspended' });
    const id = out.penalties[0]?.penaltyId ?? '';
    expect(
      await call('penalties.setStatus', { penaltyId: id, status: 'paid', reason: 'early' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    const waived = await value('penalties.setStatus', {
      penaltyId: id,
      status: 'waived',
      reason: 'Settled in court for a recall at the supplier’s cost',
    });
    expect(waived).toMatchObject({ status: 'waived', next: [] });
    expect(
      await call('penalties.setStatus', { penaltyId: id, status: 'waived', reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const lots = await value('suppliers.lots', { supplierId: 'sup-crunchfox' });
    expect(lots.find((l) => l.lotId === REJECTED)?.counterfeitConfirmed).toBe(true);
    const trail = await value('log.recent', { subject: `penalty:${id}`, limit: 10 });
    expect(trail.map((e) => e.type).sort()).toEqual(['penalty.proposed', 'penalty.status-changed']);
  });

  it('records the payment of a confirmed penalty', async () => {
    const [demo] = await value('penalties.list', { supplierId: 'sup-goldenharvest' });
    expect(demo).toMatchObject({
      status: 'confirmed',
      amountCny: 23_000_000,
      next: ['paid', 'waived'],
    });
    const paid = await value('penalties.setStatus', {
      penaltyId: demo?.penaltyId ?? '',
      status: 'paid',
      reason: 'Bank transfer ref. 2026-4711',
    });
    expect(paid).toMatchObject({
      status: 'paid',
      statusChangedOn: TODAY,
      statusChangedBy: 'usr-manager-1',
    });
    expect(await value('penalties.list', { status: 'confirmed' })).toEqual([]);
  });
});

describe('gate policy from the settings', () => {
  it('refuses an expired brand authorisation by default, and warns when configured to', async () => {
    expect(station.intake.gate('sup-meadowgold').verdict).toBe('refuse');
    const current = station.settings.get().supplierQuality;
    const updated = await call('settings.update', {
      supplierQuality: {
        ...current,
        gate: { ...current.gate, documentExpired: { 'food-production-licence': 'refuse' } },
      },
    });
    expect(updated.ok).toBe(true);
    expect(station.intake.gate('sup-meadowgold').verdict).toBe('warn');
  });
});
