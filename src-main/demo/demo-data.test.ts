import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../src-shared/gs1';
import { verifyPin } from '../users/pin-hash';
import { caseGtin, demoSkus, demoSuppliers, demoUsers, unitGtin } from './demo-data';

describe('demo data', () => {
  it('stores a scrypt hash that matches each demo PIN', () => {
    for (const u of demoUsers) {
      expect(verifyPin(u.pin, u.pinHash), u.badge).toBe(true);
      expect(verifyPin('0000', u.pinHash), u.badge).toBe(false);
    }
  });

  it('has the suppliers, standings, SKUs and categories the README promises', () => {
    expect(demoSuppliers.length).toBeGreaterThanOrEqual(8);
    const standings = new Set(demoSuppliers.map((s) => s.standing));
    expect([...standings].sort()).toEqual(['approved', 'blacklisted', 'probation', 'suspended']);
    expect(demoSuppliers.some((s) => s.auditValidDays < 0)).toBe(true);
    expect(demoSkus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(demoSkus.map((k) => k.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('gives every SKU valid, unique unit and case GTINs', () => {
    const all = demoSkus.flatMap((k) => [unitGtin(k.ean12), caseGtin(k.ean12)]);
    expect(new Set(all).size).toBe(all.length);
    for (const gtin of all) {
      expect(gtinCheckDigit(gtin.slice(0, 13))).toBe(Number(gtin[13]));
    }
  });
});
