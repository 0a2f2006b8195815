/**
 * The station's tables and lists as CSV for spreadsheets and other systems: RFC 4180 with a
 * header row, CRLF line ends, UTF-8 with a BOM (so that spreadsheet programs read Chinese), as
 * the pull list does. Facts that live in the log (decisions, returns) are read from it with
 * their `seq` and hash; the rest from the projections through their repositories.
 */
import { stringify } from 'csv-stringify/sync';
import type { CsvEntity } from '../../src-shared/api/domain-export';
import type { BoardRow } from '../../src-shared/api/domain-shelf-life';
import type { EventPayload, EventType } from '../../src-shared/events/catalogue';
import type { EventRow } from '../store/event-log';
import type { Repos } from '../store/repos';
import { capas, complaints, recalls, users } from './csv-registers';
import type { Cell, Table } from './csv-table';
import { yesNo } from './csv-table';
import { renderPullListCsv } from './pull-list';

export interface CsvSource {
  repos: Repos;
  stationId: string;
  today: string;
  now: Date;
  /** Today's pull list (the shelf-life service's). */
  pullList: () => BoardRow[];
}

export interface CsvFile {
  bytes: Buffer;
  /** Data rows, the header not counted. */
  rows: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or CR) gets
 * a leading apostrophe: reasons and notes are typed by people, and a CSV must not execute.
 */
function safeCell(cell: Cell): Cell {
  if (typeof cell !== 'string' || !/^[=+\-@\t\r]/.test(cell)) return cell;
  return Number.isFinite(Number(cell)) ? cell : `'${cell}`;
}

function render(table: Table): CsvFile {
  const body = stringify(
    table.rows.map((r) => r.map(safeCell)),
    { header: true, columns: [...table.columns], record_delimiter: '\r\n' },
  );
  return { bytes: Buffer.concat([BOM, Buffer.from(body, 'utf8')]), rows: table.rows.length };
}

/** Log rows of the given types, in log order (one pass over the log). */
function logRows(repos: Repos, types: readonly EventType[]): EventRow[] {
  const wanted = new Set<string>(types);
  const out: EventRow[] = [];
  for (const row of repos.events.iterateAll()) if (wanted.has(row.type)) out.push(row);
  return out;
}

/** Ids named by one payload field of some event types, first appearance first, once each. */
function idsFromLog(repos: Repos, types: readonly EventType[], field: string): string[] {
  const ids = new Set<string>();
  for (const row of logRows(repos, types)) {
    const id = (JSON.parse(row.payload) as Record<string, unknown>)[field];
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

function lots(repos: Repos): Table {
  // Every lot, oldest first (the repository lists newest first).
  const rows = repos.lots.recent(undefined, Number.MAX_SAFE_INTEGER).reverse();
  return {
    columns: [
      'lot_id',
      'received_on',
      'delivery',
      'supplier',
      'gtin',
      'sku',
      'category',
      'lot',
      'quantity',
      'expiry',
      'status',
      'shelf_life_ok',
      'removal_date',
    ],
    rows: rows.map((l) => [
      l.lot_id,
      l.received_on,
      l.delivery_number,
      l.supplier_name,
      l.gtin,
      l.sku_name,
      l.category,
      l.lot,
      l.quantity,
      l.expiry,
      l.status,
      l.shelf_acceptable === null ? '' : yesNo(l.shelf_acceptable),
      l.removal_date,
    ]),
  };
}

function deliveries(repos: Repos): Table {
  const ids = idsFromLog(repos, ['delivery.expected', 'delivery.created'], 'deliveryId');
  const rows: Cell[][] = [];
  for (const id of ids) {
    const d = repos.deliveries.listRow(id);
    if (!d) continue;
    const refusal = d.refusal ? (JSON.parse(d.refusal) as { en: string }[]) : [];
    rows.push([
      d.delivery_id,
      d.number,
      d.supplier_name,
      d.supplier_standing,
      d.expected_date,
      d.status,
      yesNo(d.ad_hoc),
      d.line_count,
      d.expected_units,
      d.received_units,
      refusal.map((r) => r.en).join(' '),
    ]);
  }
  return {
    columns: [
      'delivery_id',
      'number',
      'supplier',
      'supplier_standing',
      'expected_date',
      'status',
      'ad_hoc',
      'lines',
      'expected_units',
      'received_units',
      'refusal',
    ],
    rows,
  };
}

function suppliers(repos: Repos): Table {
  return {
    columns: [
      'supplier_id',
      'code',
      'name',
      'standing',
      'contact',
      'cumulative_sales_cny',
      'documents',
      'first_document_expiry',
      'last_audit',
      'last_audit_result',
      'audit_valid_until',
    ],
    rows: repos.suppliers.all().map((s) => {
      const docs = repos.suppliers.documentsOf(s.supplier_id);
      const audit = repos.suppliers.auditsOf(s.supplier_id).at(-1);
      return [
        s.supplier_id,
        s.code,
        s.name,
        s.standing,
        s.contact,
        s.cumulative_sales_cny,
        docs.map((d) => `${d.type} ${d.number} (${d.valid_until})`).join('; '),
        docs[0]?.valid_until ?? '',
        audit?.date ?? '',
        audit?.result ?? '',
        audit?.valid_until ?? '',
      ];
    }),
  };
}

function inspections(repos: Repos): Table {
  const ids = idsFromLog(repos, ['inspection.started', 'inspection.completed'], 'inspectionId');
  const names = repos.users.names();
  const rows: Cell[][] = [];
  for (const id of ids) {
    const i = repos.inspections.byId(id);
    if (!i) continue;
    const lot = repos.lots.listRow(i.lot_id);
    rows.push([
      i.inspection_id,
      i.lot_id,
      lot?.gtin ?? '',
      lot?.sku_name ?? '',
      lot?.lot ?? '',
      lot?.supplier_name ?? '',
      i.status,
      i.severity,
      i.sample_size,
      i.units_inspected,
      i.critical,
      i.major,
      i.minor,
      i.proposal,
      yesNo(i.counterfeit_suspected),
      i.started_on,
      i.completed_on,
      names.get(i.inspector) ?? i.inspector,
    ]);
  }
  return {
    columns: [
      'inspection_id',
      'lot_id',
      'gtin',
      'sku',
      'lot',
      'supplier',
      'status',
      'severity',
      'sample_size',
      'units_inspected',
      'critical',
      'major',
      'minor',
      'proposal',
      'counterfeit_suspected',
      'started_on',
      'completed_on',
      'inspector',
    ],
    rows,
  };
}

function decisions(repos: Repos): Table {
  const names = repos.users.names();
  const person = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const rows = logRows(repos, ['lot.decided']).map((row): Cell[] => {
    const p = JSON.parse(row.payload) as EventPayload<'lot.decided'>;
    const lot = repos.lots.listRow(p.lotId);
    return [
      row.seq,
      new Date(row.recorded_at).toISOString(),
      p.lotId,
      lot?.gtin ?? '',
      lot?.lot ?? '',
      lot?.supplier_name ?? '',
      p.decision,
      p.proposal ?? '',
      yesNo(p.conditional),
      yesNo(p.override),
      p.reason,
      p.decidedOn,
      person(row.actor),
      person(row.co_actor),
      row.hash,
    ];
  });
  return {
    columns: [
      'seq',
      'recorded_at',
      'lot_id',
      'gtin',
      'lot',
      'supplier',
      'decision',
      'proposal',
      'conditional',
      'override',
      'reason',
      'decided_on',
      'decided_by',
      'signed_off_by',
      'event_hash',
    ],
    rows,
  };
}

function returns(repos: Repos): Table {
  const rows = logRows(repos, ['lot.returned']).map((row): Cell[] => {
    const p = JSON.parse(row.payload) as EventPayload<'lot.returned'>;
    const lot = repos.lots.listRow(p.lotId);
    return [
      row.seq,
      new Date(row.recorded_at).toISOString(),
      p.returnId,
      p.lotId,
      lot?.gtin ?? '',
      lot?.lot ?? '',
      lot?.delivery_number ?? '',
      lot?.supplier_name ?? repos.suppliers.byId(p.supplierId)?.name ?? p.supplierId,
      p.quantity,
      p.reason,
      row.hash,
    ];
  });
  return {
    columns: [
      'seq',
      'recorded_at',
      'return_id',
      'lot_id',
      'gtin',
      'lot',
      'delivery',
      'supplier',
      'quantity',
      'reason',
      'event_hash',
    ],
    rows,
  };
}

function penalties(repos: Repos): Table {
  const names = repos.users.names();
  const person = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  // The repository lists newest first; a register reads oldest first.
  const rows = repos.supplierQuality.penalties.list().reverse();
  return {
    columns: [
      'penalty_id',
      'supplier',
      'rule',
      'amount_cny',
      'basis',
      'lot_id',
      'inspection_id',
      'status',
      'proposed_on',
      'proposed_by',
      'status_reason',
      'status_changed_on',
      'status_changed_by',
    ],
    rows: rows.map((p) => [
      p.penalty_id,
      p.supplier_name,
      p.rule,
      p.amount_cny,
      p.basis,
      p.lot_id,
      p.inspection_id,
      p.status,
      p.proposed_on,
      person(p.proposed_by),
      p.status_reason,
      p.status_changed_on,
      person(p.status_changed_by),
    ]),
  };
}

const TABLES = {
  lots,
  deliveries,
  suppliers,
  inspections,
  decisions,
  returns,
  penalties,
  complaints,
  capas,
  recalls,
  users,
} as const satisfies Record<Exclude<CsvEntity, 'pull-list'>, (repos: Repos, now: Date) => Table>;

export function exportCsv(entity: CsvEntity, source: CsvSource): CsvFile {
  if (entity === 'pull-list') {
    const rows = source.pullList();
    const bytes = renderPullListCsv({
      stationId: source.stationId,
      today: source.today,
      printedAt: source.now.toISOString(),
      rows,
    });
    return { bytes, rows: rows.length };
  }
  return render(TABLES[entity](source.repos, source.now));
}
