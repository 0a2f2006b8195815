import type { EventPayload } from '../../../src-shared/events/catalogue';
import type { Db } from '../database';

export interface SkuRow {
  sku_id: string;
  gtin: string;
  name: string;
  name_zh: string | null;
  brand: string;
  category: string;
  shelf_life_days: number | null;
  template_id: string | null;
}

export interface PackagingMatch {
  sku: SkuRow;
  level: string;
  unitsPer: number;
}

export function createSkusRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO skus (sku_id, gtin, name, name_zh, brand, category, shelf_life_days, template_id)
     VALUES (@skuId, @gtin, @name, @nameZh, @brand, @category, @shelfLifeDays, @templateId)
     ON CONFLICT (sku_id) DO UPDATE SET gtin = excluded.gtin, name = excluded.name, name_zh = excluded.name_zh,
       brand = excluded.brand, category = excluded.category, shelf_life_days = excluded.shelf_life_days,
       template_id = excluded.template_id`,
  );
  const clearPackaging = db.prepare('DELETE FROM sku_packaging WHERE sku_id = ?');
  const insertPackaging = db.prepare(
    'INSERT OR REPLACE INTO sku_packaging (gtin, sku_id, level, units_per) VALUES (?, ?, ?, ?)',
  );
  const all = db.prepare<[], SkuRow>('SELECT * FROM skus ORDER BY category, name');
  const byGtin = db.prepare<[string], SkuRow & { level: string; units_per: number }>(
    `SELECT s.*, p.level, p.units_per FROM sku_packaging p JOIN skus s ON s.sku_id = p.sku_id WHERE p.gtin = ?`,
  );
  const byId = db.prepare<[string], SkuRow>('SELECT * FROM skus WHERE sku_id = ?');
  const packagingOf = db.prepare<[string], { gtin: string; level: string; units_per: number }>(
    `SELECT gtin, level, units_per FROM sku_packaging WHERE sku_id = ?
     ORDER BY CASE level WHEN 'unit' THEN 0 WHEN 'inner' THEN 1 WHEN 'case' THEN 2 ELSE 3 END, gtin`,
  );
  const ownerOf = db.prepare<[string], { sku_id: string }>(
    'SELECT sku_id FROM sku_packaging WHERE gtin = ?',
  );
  // What links an SKU to a supplier is trade, not master data: the GTINs of its deliveries.
  const ofSupplier = db.prepare<[string], SkuRow>(
    `SELECT DISTINCT s.* FROM deliveries d
     JOIN delivery_lines l ON l.delivery_id = d.delivery_id
     JOIN sku_packaging p ON p.gtin = l.gtin
     JOIN skus s ON s.sku_id = p.sku_id
     WHERE d.supplier_id = ? ORDER BY s.category, s.name`,
  );
  return {
    upsert(p: EventPayload<'sku.upserted'>): void {
      upsert.run({ ...p, nameZh: p.nameZh ?? null });
      clearPackaging.run(p.skuId);
      // The unit GTIN always resolves to the SKU itself, one unit each.
      insertPackaging.run(p.gtin, p.skuId, 'unit', 1);
      for (const level of p.packaging) {
        insertPackaging.run(level.gtin, p.skuId, level.level, level.unitsPer);
      }
    },
    all: (): SkuRow[] => all.all(),
    byId: (skuId: string): SkuRow | undefined => byId.get(skuId),
    /** Every GTIN of an SKU's packaging hierarchy, the unit first. */
    packagingOf: (skuId: string) => packagingOf.all(skuId),
    /** The SKU a GTIN (of any level) belongs to, if any. */
    ownerOfGtin: (gtin: string): string | null => ownerOf.get(gtin)?.sku_id ?? null,
    ofSupplier: (supplierId: string): SkuRow[] => ofSupplier.all(supplierId),
    /** The SKU a GTIN of any packaging level belongs to, with how many units it holds. */
    byAnyGtin(gtin: string): PackagingMatch | undefined {
      const row = byGtin.get(gtin);
      if (!row) return undefined;
      const { level, units_per, ...sku } = row;
      return { sku, level, unitsPer: units_per };
    },
  };
}
export type SkusRepo = ReturnType<typeof createSkusRepo>;
