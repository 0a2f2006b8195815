import type { Migration } from './migration';
import { migration0001 } from './0001-event-log';
import { migration0002 } from './0002-master-data';
import { migration0003 } from './0003-intake';
import { migration0004 } from './0004-intake-scanning';
import { migration0005 } from './0005-inspection';
import { migration0006 } from './0006-supplier-quality';
import { migration0007 } from './0007-shelf-life';
import { migration0008 } from './0008-log-checkpoints';
import { migration0009 } from './0009-complaints-recalls';
import { migration0010 } from './0010-sync';

export type { Migration } from './migration';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];

/** Tables that are projections of the log: emptied and refilled by `qcs db rebuild`. */
export const projectionTables: readonly string[] = [
  'event_subjects',
  'markers',
  'recall_lots',
  'recalls',
  'corrective_actions',
  'complaints',
  'settings',
  'penalties',
  'counterfeit_confirmations',
  'delivery_performance',
  'supplier_standing_history',
  'delivery_serials',
  'quarantine_items',
  'lot_returns',
  'inspection_units',
  'inspection_skips',
  'switching_states',
  'inspection_templates',
  'lot_decisions',
  'inspections',
  'lots',
  'delivery_lines',
  'delivery_ssccs',
  'deliveries',
  'sku_packaging',
  'skus',
  'supplier_audits',
  'supplier_documents',
  'suppliers',
  'users',
];
