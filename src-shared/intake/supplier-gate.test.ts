import { describe, expect, it } from 'vitest';
import { defaultGatePolicy, evaluateSupplierGate, type GateSupplier } from './supplier-gate';

const today = '2026-11-28';
const sound: GateSupplier = {
  name: 'Northfield',
  standing: 'approved',
  documents: [{ type: 'business-licence', validUntil: '2027-12-31' }],
  audits: [{ date: '2026-01-10', validUntil: '2027-01-10' }],
};

describe('supplier gate', () => {
  it('lets an approved supplier with valid papers through', () => {
    expect(evaluateSupplierGate(sound, today)).toEqual({
      verdict: 'allow',
      reasons: [],
      forceTightened: false,
    });
  });

  it('refuses blacklisted and suspended suppliers, saying why in both languages', () => {
    for (const standing of ['blacklisted', 'suspended'] as const) {
      const r = evaluateSupplierGate({ ...sound, standing }, today);
      expect(r.verdict).toBe('refuse');
      expect(r.reasons[0]?.code).toBe(standing);
      expect(r.reasons[0]?.en).toMatch(/refused/);
      expect(r.reasons[0]?.zh).toMatch(/拒收/);
    }
  });

  it('forces tightened inspection for probation', () => {
    expect(evaluateSupplierGate({ ...sound, standing: 'probation' }, today)).toMatchObject({
      verdict: 'warn',
      forceTightened: true,
    });
  });

  it('warns or refuses on an expired audit, by policy', () => {
    const expired = { ...sound, audits: [{ date: '2025-11-01', validUntil: '2026-11-27' }] };
    expect(evaluateSupplierGate(expired, today)).toMatchObject({
      verdict: 'warn',
      reasons: [{ code: 'audit-expired' }],
    });
    expect(
      evaluateSupplierGate(expired, today, { ...defaultGatePolicy, auditExpired: 'refuse' })
        .verdict,
    ).toBe('refuse');
    // Valid through today: not expired.
    expect(
      evaluateSupplierGate({ ...sound, audits: [{ date: '2025-11-01', validUntil: today }] }, today)
        .verdict,
    ).toBe('allow');
  });

  it('refuses an expired brand authorisation by default and warns on other documents', () => {
    const brand = {
      ...sound,
      documents: [{ type: 'brand-authorisation', validUntil: '2026-10-01' }],
    };
    expect(evaluateSupplierGate(brand, today)).toMatchObject({
      verdict: 'refuse',
      reasons: [{ code: 'document-expired' }],
    });
    const licence = {
      ...sound,
      documents: [{ type: 'business-licence', validUntil: '2026-10-01' }],
    };
    expect(evaluateSupplierGate(licence, today).verdict).toBe('warn');
  });
});
