import type { LotSummary } from '../../src-shared/api/domain-intake';
import type {
  TraceEntry,
  TraceEntryKind,
  TraceLotPage,
  TraceQueryKind,
} from '../../src-shared/api/domain-trace';
import { classifyScan } from '../../src-shared/intake/scan-classify';
import { AppError } from '../api/app-error';
import { lotSummaryOf } from '../inspection/inspection-views';
import type { Db } from '../store/database';
import type { Repos } from '../store/repos';
import { createTraceRepo, type TimelineRow, type TraceRepo } from '../store/repos/trace-repo';
import { describeTimelineEvent } from './describe-timeline';

export interface TraceQuery {
  kind: TraceQueryKind;
  value: string;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

const ENTRY_KINDS: Record<string, TraceEntryKind> = {
  'lot.received': 'received',
  'scan.recorded': 'scan',
  'lot.shelf-life-evaluated': 'shelf-life',
  'inspection.started': 'inspection-started',
  'inspection.unit-recorded': 'inspection-unit',
  'inspection.completed': 'inspection-completed',
  'inspection.skipped': 'inspection-skipped',
  'lot.decided': 'decided',
  'lot.returned': 'returned',
  'lot.stock-changed': 'stock',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const stringsOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Traces lots: finds them by what a complaint or a returned item tells (lot code, GTIN, SSCC,
 * serial, supplier, delivery, inspector, dates) and builds a lot's page from its events in the
 * log (`event_subjects` lot:ID, by seq), not from the projections, so it shows every fact as
 * recorded, with its hash.
 */
export class TraceService {
  private readonly trace: TraceRepo;

  constructor(
    db: Db,
    private readonly repos: Repos,
    private readonly today: () => string,
  ) {
    this.trace = createTraceRepo(db);
  }

  search(q: TraceQuery): { lots: LotSummary[]; truncated: boolean } {
    // One more than asked, to tell the caller the list was cut.
    const ids = this.lotIdsFor(q, q.limit + 1);
    const summaries = this.summaries(ids.slice(0, q.limit));
    return { lots: summaries, truncated: ids.length > q.limit };
  }

  private lotIdsFor(q: TraceQuery, limit: number): string[] {
    const value = q.value.trim();
    const t = this.trace;
    switch (q.kind) {
      case 'lot':
        return value ? t.byLotCode(value, limit) : [];
      case 'gtin': {
        const gtin = normaliseGtin(value);
        if (!gtin) return [];
        // Lots are kept under the SKU's unit GTIN: a case or inner GTIN finds the same lots.
        const unit = this.repos.skus.byAnyGtin(gtin)?.sku.gtin;
        return unique([...(unit ? t.byGtin(unit, limit) : []), ...t.byGtin(gtin, limit)]).slice(
          0,
          limit,
        );
      }
      case 'sscc': {
        const d = this.repos.deliveries.bySscc(value.replace(/^\(?00\)?/, ''));
        return d ? t.byDelivery(d.delivery_id, limit) : [];
      }
      case 'serial':
        return value ? unique(this.lotsOfSerial(value)).slice(0, limit) : [];
      case 'supplier':
        return value
          ? unique(t.suppliersNamed(value).flatMap((id) => t.bySupplier(id, limit))).slice(0, limit)
          : [];
      case 'delivery': {
        const d = this.repos.deliveries.byNumber(value) ?? this.repos.deliveries.byId(value);
        return d ? t.byDelivery(d.delivery_id, limit) : [];
      }
      case 'inspector':
        return value
          ? unique(t.usersNamed(value).flatMap((id) => t.byInspector(id, limit))).slice(0, limit)
          : [];
      case 'dates': {
        const from = q.from ?? (value || this.today());
        const to = q.to ?? from;
        return t.byDates(from <= to ? from : to, from <= to ? to : from, limit);
      }
    }
  }

  private lotsOfSerial(serial: string): string[] {
    return this.trace.serialScans(serial).flatMap((json) => {
      const p: unknown = JSON.parse(json);
      return isObject(p) && typeof p.lotId === 'string' ? [p.lotId] : [];
    });
  }

  private summaries(ids: readonly string[]): LotSummary[] {
    return ids.flatMap((id) => {
      const row = this.repos.lots.listRow(id);
      return row ? [lotSummaryOf(row)] : [];
    });
  }

  /** The lots of a GTIN (any packaging level, 8 to 14 digits) and lot code, newest first. */
  lotsOf(gtin: string, lot: string): string[] {
    const g = normaliseGtin(gtin);
    if (!g) return [];
    const unit = this.repos.skus.byAnyGtin(g)?.sku.gtin;
    return unique([
      ...(unit ? this.trace.byGtinLot(unit, lot) : []),
      ...this.trace.byGtinLot(g, lot),
    ]);
  }

  /** The lots a scanned item belongs to: GTIN + lot, else its serial, else its pallet. */
  fromScan(data: string): string[] {
    const { meaning } = classifyScan(data, this.today());
    switch (meaning.kind) {
      case 'product': {
        if (meaning.lot !== null) {
          const found = this.lotsOf(meaning.gtin, meaning.lot);
          if (found.length > 0) return found;
        }
        return meaning.serial !== null ? unique(this.lotsOfSerial(meaning.serial)) : [];
      }
      case 'pallet-content': {
        const d = this.repos.deliveries.bySscc(meaning.sscc);
        if (!d) return [];
        const unit = this.repos.skus.byAnyGtin(meaning.contentGtin)?.sku.gtin;
        return this.repos.lots
          .ofDelivery(d.delivery_id)
          .filter(
            (l) =>
              (l.gtin === unit || l.gtin === meaning.contentGtin) &&
              (meaning.lot === null || l.lot === meaning.lot),
          )
          .map((l) => l.lot_id);
      }
      case 'pallet': {
        const d = this.repos.deliveries.bySscc(meaning.sscc);
        return d ? this.trace.byDelivery(d.delivery_id, 1000) : [];
      }
      case 'code':
        // A serial printed on its own (Code 128), or a lot id typed in.
        return this.repos.lots.byId(meaning.text)
          ? [meaning.text]
          : unique(this.lotsOfSerial(meaning.text));
      case 'invalid':
        return [];
    }
  }

  /** A lot's page: the timeline from its events, its delivery and supplier, where it went. */
  lot(lotId: string): TraceLotPage {
    const h = this.trace.lotHead(lotId);
    if (!h) throw new AppError('not_found', `No lot ${lotId} at this station.`);
    return {
      lot: { ...lotSummaryOf(h), production: h.production, skuNameZh: h.sku_name_zh },
      delivery: {
        deliveryId: h.delivery_id,
        number: h.number,
        status: h.delivery_status,
        expectedDate: h.expected_date,
        ssccs: this.trace.ssccsOf(h.delivery_id),
      },
      supplier: {
        supplierId: h.supplier_id,
        code: h.supplier_code,
        name: h.supplier_name,
        standing: h.supplier_standing,
      },
      whereabouts: {
        status: h.status,
        stockStatus: h.stock_status,
        locationNote: h.location_note,
        returnedUnits: h.returned_units ?? 0,
      },
      otherLots: this.trace
        .lotsOfDelivery(h.delivery_id)
        .filter((l) => l.lot_id !== lotId)
        .map((l) => ({
          lotId: l.lot_id,
          gtin: l.gtin,
          lot: l.lot,
          quantity: l.quantity,
          status: l.status,
        })),
      timeline: timelineOf(this.trace.timeline(`lot:${lotId}`), this.repos.users.names()),
    };
  }
}

/**
 * The timeline of a lot's events. A lot holds a few facts and many scans (one per carton), so
 * scans in a row become one entry: their payloads are not parsed one by one (only the first
 * and last, for the serials; units are read from the canonical JSON's `"units":` member).
 */
function timelineOf(
  rows: readonly TimelineRow[],
  names: ReadonlyMap<string, string>,
): TraceEntry[] {
  const entries: TraceEntry[] = [];
  for (let i = 0; i < rows.length;) {
    const e = rows[i];
    if (!e) break;
    let end = i + 1;
    if (e.type === 'scan.recorded')
      while (end < rows.length && rows[end]?.type === 'scan.recorded') end += 1;
    entries.push(end - i > 1 ? scanRunOf(rows.slice(i, end), names) : entryOf(e, names));
    i = end;
  }
  return entries;
}

const UNITS = /"units":(\d+)/;

function scanRunOf(run: readonly TimelineRow[], names: ReadonlyMap<string, string>): TraceEntry {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) throw new Error('empty scan run');
  let units = 0;
  for (const r of run) units += Number(UNITS.exec(r.payload)?.[1] ?? 0);
  const serialOf = (r: TimelineRow): string => {
    const p: unknown = JSON.parse(r.payload);
    return isObject(p) && typeof p.serial === 'string' ? p.serial : '';
  };
  const from = serialOf(first);
  const to = serialOf(last);
  const serials =
    from && to ? { en: `, serials ${from} … ${to}`, zh: `，序列号 ${from} … ${to}` } : null;
  return {
    seq: first.seq,
    lastSeq: last.seq,
    count: run.length,
    id: first.id,
    recordedAt: first.recorded_at,
    type: first.type,
    kind: 'scan',
    actor: first.actor,
    actorName: names.get(first.actor) ?? null,
    summary: {
      en: `${run.length} scans counted ${units} units${serials?.en ?? ''}`,
      zh: `扫描 ${run.length} 次，计数 ${units} 件${serials?.zh ?? ''}`,
    },
    units,
    photos: [],
    signOff: null,
    hash: first.hash,
  };
}

function entryOf(e: TimelineRow, names: ReadonlyMap<string, string>): TraceEntry {
  const payload: unknown = JSON.parse(e.payload);
  const p = isObject(payload) ? payload : {};
  const signOff = isObject(p.signOff) ? p.signOff : null;
  return {
    seq: e.seq,
    lastSeq: e.seq,
    count: 1,
    id: e.id,
    recordedAt: e.recorded_at,
    type: e.type,
    kind: ENTRY_KINDS[e.type] ?? 'other',
    actor: e.actor,
    actorName: names.get(e.actor) ?? null,
    summary: describeTimelineEvent(e.type, p),
    units: e.type === 'scan.recorded' && typeof p.units === 'number' ? p.units : null,
    photos: e.type === 'inspection.unit-recorded' ? stringsOf(p.photos) : [],
    signOff: signOff
      ? {
          name: typeof signOff.name === 'string' ? signOff.name : '',
          meaning: typeof signOff.meaning === 'string' ? signOff.meaning : '',
        }
      : null,
    hash: e.hash,
  };
}

/** A GTIN as typed or scanned (8, 12, 13 or 14 digits) as the 14 digits lots are kept under. */
function normaliseGtin(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  return /^(\d{8}|\d{12,14})$/.test(digits) ? digits.padStart(14, '0') : null;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
