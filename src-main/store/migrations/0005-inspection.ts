import type { Migration } from './migration';

/** Inspection at the dock: templates, plans, unit results, switching state, returns. */
export const migration0005: Migration = {
  version: 5,
  name: 'inspection',
  sql: `
    CREATE TABLE inspection_templates (
      template_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      level TEXT NOT NULL,
      aql TEXT NOT NULL,          -- JSON {critical|null, major, minor}
      categories TEXT NOT NULL,   -- JSON array
      checks TEXT NOT NULL,       -- JSON array of checks
      active INTEGER NOT NULL,
      updated_seq INTEGER NOT NULL
    ) STRICT;

    -- Inspections started at this station carry their plan; history imported as a single
    -- completed event has only the counts (the started_* columns stay empty).
    ALTER TABLE inspections ADD COLUMN delivery_id TEXT;
    ALTER TABLE inspections ADD COLUMN supplier_id TEXT;
    ALTER TABLE inspections ADD COLUMN sku_id TEXT;
    ALTER TABLE inspections ADD COLUMN template_id TEXT;
    ALTER TABLE inspections ADD COLUMN plan TEXT;
    ALTER TABLE inspections ADD COLUMN forced TEXT;
    ALTER TABLE inspections ADD COLUMN seed TEXT;
    ALTER TABLE inspections ADD COLUMN cartons TEXT;
    ALTER TABLE inspections ADD COLUMN carton_count INTEGER;
    ALTER TABLE inspections ADD COLUMN started_on TEXT;
    ALTER TABLE inspections ADD COLUMN started_seq INTEGER;
    ALTER TABLE inspections ADD COLUMN status TEXT NOT NULL DEFAULT 'completed';
    ALTER TABLE inspections ADD COLUMN units_inspected INTEGER;
    ALTER TABLE inspections ADD COLUMN proposal TEXT;
    ALTER TABLE inspections ADD COLUMN reasons TEXT;
    ALTER TABLE inspections ADD COLUMN counterfeit_suspected INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX inspections_supplier ON inspections (supplier_id, completed_on);
    CREATE INDEX inspections_started ON inspections (started_on);

    CREATE TABLE inspection_units (
      inspection_id TEXT NOT NULL REFERENCES inspections (inspection_id),
      unit_no INTEGER NOT NULL,
      unit_code TEXT,
      results TEXT NOT NULL,      -- JSON array of check results
      photos TEXT NOT NULL,       -- JSON array of SHA-256 hashes
      critical INTEGER NOT NULL,
      major INTEGER NOT NULL,
      minor INTEGER NOT NULL,
      counterfeit_signal INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (inspection_id, unit_no)
    ) STRICT;

    CREATE TABLE inspection_skips (
      lot_id TEXT PRIMARY KEY REFERENCES lots (lot_id),
      category TEXT NOT NULL,
      week TEXT NOT NULL,
      reason TEXT NOT NULL,
      seq INTEGER NOT NULL
    ) STRICT;

    -- ISO 2859-1 switching state per supplier x SKU (JSON of the pure state machine's state).
    CREATE TABLE switching_states (
      supplier_id TEXT NOT NULL,
      sku_id TEXT NOT NULL,
      state TEXT NOT NULL,
      updated_seq INTEGER NOT NULL,
      PRIMARY KEY (supplier_id, sku_id)
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE lot_decisions ADD COLUMN proposal TEXT;
    ALTER TABLE lot_decisions ADD COLUMN conditional INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE lot_decisions ADD COLUMN override INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE lot_decisions ADD COLUMN sign_off TEXT;
    ALTER TABLE lot_decisions ADD COLUMN event_hash TEXT;

    CREATE TABLE lot_returns (
      return_id TEXT PRIMARY KEY,
      lot_id TEXT NOT NULL REFERENCES lots (lot_id),
      delivery_id TEXT NOT NULL,
      supplier_id TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      reason TEXT NOT NULL,
      seq INTEGER NOT NULL
    ) STRICT;
  `,
};
