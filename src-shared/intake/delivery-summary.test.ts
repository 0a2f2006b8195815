import { describe, expect, it } from 'vitest';
import { summariseDelivery } from './delivery-summary';

describe('delivery summary', () => {
  it('lists short, missing, over, unexpected and unidentified items as discrepancies', () => {
    const s = summariseDelivery(
      [
        { gtin: 'A', description: 'Milk', expected: 240, received: 240 },
        { gtin: 'B', description: 'Yoghurt', expected: 240, received: 192 },
        { gtin: 'C', description: 'Cheese', expected: 100, received: 0 },
        { gtin: 'D', description: 'Butter', expected: 12, received: 24 },
        { gtin: 'E', description: 'Cream', expected: 0, received: 6 },
      ],
      [
        { gtin: 'X', units: 5, identifiedSkuId: null },
        { gtin: 'Y', units: 2, identifiedSkuId: 'sku-1' },
      ],
      3,
    );
    expect(s.expectedUnits).toBe(592);
    expect(s.receivedUnits).toBe(462);
    expect(s.lines.map((l) => l.state)).toEqual([
      'complete',
      'short',
      'missing',
      'over',
      'unexpected',
    ]);
    expect(s.discrepancies.map((d) => d.kind)).toEqual([
      'short',
      'missing',
      'over',
      'unexpected',
      'unidentified',
    ]);
    expect(s.discrepancies[0]?.en).toBe('Yoghurt: 48 short (192 of 240)');
    expect(s.discrepancies[0]?.zh).toMatch(/短少 48/);
    expect(s).toMatchObject({
      quarantinedUnits: 7,
      unidentifiedItems: 1,
      lotsAwaitingInspection: 3,
    });
  });
});
