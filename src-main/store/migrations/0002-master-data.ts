import type { Migration } from './migration';

/** Master data projections: users, suppliers (with documents and audits), SKUs. */
export const migration0002: Migration = {
  version: 2,
  name: 'master-data',
  sql: `
    CREATE TABLE users (
      user_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('inspector', 'qc-manager', 'admin')),
      badge TEXT NOT NULL UNIQUE,
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL,
      -- Sign-in failures since the last success, and when the last one happened (ms):
      -- the lock-out is derived from these, so it survives a restart.
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      last_failed_at INTEGER
    ) STRICT;

    CREATE TABLE suppliers (
      supplier_id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      standing TEXT NOT NULL CHECK (standing IN ('approved', 'probation', 'suspended', 'blacklisted')),
      contact TEXT NOT NULL,
      cumulative_sales_cny REAL NOT NULL,
      updated_seq INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE supplier_documents (
      supplier_id TEXT NOT NULL REFERENCES suppliers (supplier_id),
      type TEXT NOT NULL,
      number TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      PRIMARY KEY (supplier_id, type, number)
    ) STRICT;

    CREATE TABLE supplier_audits (
      supplier_id TEXT NOT NULL REFERENCES suppliers (supplier_id),
      date TEXT NOT NULL,
      auditor TEXT NOT NULL,
      score REAL NOT NULL,
      result TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      PRIMARY KEY (supplier_id, date, auditor)
    ) STRICT;

    CREATE TABLE skus (
      sku_id TEXT PRIMARY KEY,
      gtin TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      name_zh TEXT,
      brand TEXT NOT NULL,
      category TEXT NOT NULL,
      shelf_life_days INTEGER,
      template_id TEXT
    ) STRICT;
    CREATE INDEX skus_category ON skus (category);

    -- Every GTIN of the packaging hierarchy (unit, case, pallet) points at its SKU.
    CREATE TABLE sku_packaging (
      gtin TEXT PRIMARY KEY,
      sku_id TEXT NOT NULL REFERENCES skus (sku_id),
      level TEXT NOT NULL,
      units_per INTEGER NOT NULL
    ) STRICT;
  `,
};
