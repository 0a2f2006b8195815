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
