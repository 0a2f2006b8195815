import type { Migration } from './migration';

/**
 * Complaints traced to their lot, corrective actions (CAPA) asked of suppliers, and recalls
 * with the progress of each lot. The scorecard counts a supplier's confirmed complaints by
 * date, hence the index on supplier, status and date.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'complaints-recalls',
  sql: `
    CREATE TABLE complaints (
      complaint_id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      description TEXT NOT NULL,
      photos TEXT NOT NULL,
      lot_id TEXT,
      gtin TEXT,
      lot TEXT,
      supplier_id TEXT,
      counterfeit_suspected INTEGER NOT NULL,
      received_on TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      recorded_seq INTEGER NOT NULL,
      inspection_id TEXT,
      status TEXT NOT NULL DEFAULT 'open',
      counterfeit INTEGER NOT NULL DEFAULT 0,
      decision_reason TEXT,
      decided_on TEXT,
      decided_by TEXT
    ) STRICT;
    CREATE INDEX complaints_supplier ON complaints (supplier_id, status, received_on);

    CREATE TABLE corrective_actions (
      capa_id TEXT PRIMARY KEY,
      supplier_id TEXT NOT NULL,
      complaint_id TEXT,
      root_cause TEXT NOT NULL,
      actions TEXT NOT NULL,
      due_date TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open',
      opened_on TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      opened_seq INTEGER NOT NULL,
      notes TEXT NOT NULL DEFAULT '[]',
      effective INTEGER,
      verified_on TEXT,
      closed_on TEXT
    ) STRICT;

    CREATE TABLE recalls (
      recall_id TEXT PRIMARY KEY,
      reason TEXT NOT NULL,
      criteria TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open',
      opened_on TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      opened_seq INTEGER NOT NULL,
      closed_on TEXT,
      close_note TEXT
    ) STRICT;

    CREATE TABLE recall_lots (
      recall_id TEXT NOT NULL REFERENCES recalls (recall_id),
      lot_id TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'open',
      found_on TEXT,
      found_quantity INTEGER,
      pulled_on TEXT,
      pulled_quantity INTEGER,
      note TEXT,
      PRIMARY KEY (recall_id, lot_id)
    ) STRICT;
  `,
};
