import { stringify } from 'csv-stringify/sync';
import { v7 as uuidv7 } from 'uuid';
import type {
  RecallCriteria,
  RecallLotProgress,
  RecallLotView,
  RecallPreview,
  RecallSummary,
  RecallView,
} from '../../src-shared/api/domain-complaints';
import { AppError } from '../api/app-error';
import type { EventLog, NewEvent } from '../store/event-log';
import type { Repos } from '../store/repos';
import type {
  RecallListRow,
  RecallLotProgressRow,
  RecallLotRow,
} from '../store/repos/recalls-repo';

export interface RecallServiceDeps {
  repos: Repos;
  log: EventLog;
  today: () => string;
  clock: () => number;
  /** Reviews a supplier's standing after its lots were put on hold (same transaction). */
  reviewStanding: (supplierId: string, actor: string) => void;
}

function lotOf(r: RecallLotRow): RecallLotView {
  return {
    lotId: r.lot_id,
    lot: r.lot,
    gtin: r.gtin,
    skuName: r.sku_name,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    deliveryId: r.delivery_id,
    deliveryNumber: r.delivery_number,
    receivedOn: r.received_on,
    quantity: r.quantity,
    status: r.status,
    stockStatus: r.stock_status,
    locationNote: r.location_note,
    expiry: r.expiry,
  };
}

function progressOf(r: RecallLotProgressRow): RecallLotProgress {
  return {
    ...lotOf(r),
    state: r.state,
    foundOn: r.found_on,
    foundQuantity: r.found_quantity,
    pulledOn: r.pulled_on,
    pulledQuantity: r.pulled_quantity,
    note: r.note,
  };
}

function summaryOf(r: RecallListRow): RecallSummary {
  return {
    recallId: r.recall_id,
    reason: r.reason,
    criteria: JSON.parse(r.criteria) as RecallCriteria,
    status: r.status,
    openedOn: r.opened_on,
    openedBy: r.opened_by,
    closedOn: r.closed_on,
    closeNote: r.close_note,
    lots: r.lots,
    found: r.found,
    pulled: r.pulled,
  };
}

const CSV_HEADER = [
  'recall_id',
  'lot_id',
  'gtin',
  'sku',
  'lot',
  'supplier',
  'delivery',
  'received_on',
  'expiry',
  'quantity',
  'lot_status',
  'location',
  'state',
  'found_on',
  'found_quantity',
  'pulled_on',
  'pulled_quantity',
  'note',
] as const;

/**
 * Recalls: the lots matching criteria (supplier, GTIN, lot number range, receipt dates) are
 * fixed when a QC manager opens the recall and go on hold in the same append, then the floor
 * reports each lot found and pulled from sale.
 */
export class RecallService {
  constructor(private readonly d: RecallServiceDeps) {}

  preview(criteria: RecallCriteria): RecallPreview {
    const lots = this.d.repos.recalls.matching(criteria).map(lotOf);
    return {
      lots,
      toHold: lots.filter((l) => l.status !== 'rejected').length,
      totalQuantity: lots.reduce((sum, l) => sum + l.quantity, 0),
      deliveries: new Set(lots.map((l) => l.deliveryId)).size,
    };
  }

  list(): RecallSummary[] {
    return this.d.repos.recalls.list().map(summaryOf);
  }

  get(recallId: string): RecallView {
    const r = this.d.repos.recalls.byId(recallId);
    if (!r) throw new AppError('not_found', `No recall with id ${recallId}.`);
    return { ...summaryOf(r), lotRows: this.d.repos.recalls.lotsOf(recallId).map(progressOf) };
  }

  open(
    input: { reason: string; criteria: RecallCriteria },
    manager: { userId: string; name: string },
  ): RecallView {
    const lots = this.d.repos.recalls.matching(input.criteria);
    if (lots.length === 0) throw new AppError('refused', 'No lot matches these criteria.');
    const recallId = `rcl-${uuidv7()}`;
    const reason = input.reason.trim();
    const today = this.d.today();
    const criteria = Object.fromEntries(
      Object.entries(input.criteria).filter(([, v]) => v !== undefined),
    ) as RecallCriteria;
    const events: NewEvent[] = [
      {
        type: 'recall.opened',
        payload: { recallId, reason, criteria, lotIds: lots.map((l) => l.lot_id), openedOn: today },
        actor: manager.userId,
        reason,
        subjects: [`recall:${recallId}`, ...new Set(lots.map((l) => `supplier:${l.supplier_id}`))],
      },
    ];
    for (const lot of lots) {
      if (lot.status === 'rejected') continue;
      events.push({
        type: 'lot.decided',
        payload: {
          lotId: lot.lot_id,
          decision: 'hold',
          reason: `Recall ${recallId}: ${reason}`.slice(0, 500),
          decidedOn: today,
          conditional: false,
          override: false,
          signOff: {
            userId: manager.userId,
            name: manager.name,
            meaning: `Held lot ${lot.lot} for recall`,
            at: this.d.clock(),
          },
        },
        actor: manager.userId,
        reason,
        subjects: [
          `lot:${lot.lot_id}`,
          `delivery:${lot.delivery_id}`,
          `supplier:${lot.supplier_id}`,
          `recall:${recallId}`,
        ],
      });
    }
    this.d.log.transaction(() => {
      this.d.log.appendMany(events);
      for (const supplierId of new Set(lots.map((l) => l.supplier_id)))
        this.d.reviewStanding(supplierId, manager.userId);
    });
    return this.get(recallId);
  }

  markLot(
    input: {
      recallId: string;
      lotId: string;
      state: 'found' | 'pulled';
      quantity?: number | undefined;
      note: string;
    },
    actor: string,
  ): RecallView {
    const recall = this.get(input.recallId);
    if (recall.status === 'closed') throw new AppError('conflict', 'This recall is closed.');
    const lot = recall.lotRows.find((l) => l.lotId === input.lotId);
    if (!lot) throw new AppError('not_found', 'This lot is not part of the recall.');
    if (input.state === 'found' && lot.state === 'pulled')
      throw new AppError('conflict', `Lot ${lot.lot} has already been pulled.`);
    const on = this.d.today();
    const subjects = [`recall:${recall.recallId}`, `lot:${lot.lotId}`];
    const progress = {
      recallId: recall.recallId,
      lotId: lot.lotId,
      quantity: input.quantity ?? null,
      note: input.note.trim(),
      on,
    };
    const events: NewEvent[] =
      input.state === 'found'
        ? [{ type: 'recall.lot-found', payload: progress, actor, subjects }]
        : [
            { type: 'recall.lot-pulled', payload: progress, actor, subjects },
            // Off the shelf for the shelf-life board too.
            {
              type: 'lot.stock-changed',
              payload: {
                lotId: lot.lotId,
                status: 'pulled',
                locationNote: null,
                note: `Recall ${recall.recallId}`,
                on,
              },
              actor,
              subjects: [`lot:${lot.lotId}`],
            },
          ];
    this.d.log.appendMany(events);
    return this.get(recall.recallId);
  }

  close(input: { recallId: string; note: string }, actor: string): RecallView {
    const recall = this.get(input.recallId);
    if (recall.status === 'closed') throw new AppError('conflict', 'This recall is closed.');
    this.d.log.append({
      type: 'recall.closed',
      payload: { recallId: recall.recallId, note: input.note.trim(), on: this.d.today() },
      actor,
      subjects: [`recall:${recall.recallId}`],
    });
    return this.get(recall.recallId);
  }

  /** RFC 4180 CSV with a header row, UTF-8 with a BOM so that spreadsheet programs read Chinese. */
  exportCsv(recallId: string): { fileName: string; csv: Buffer; rows: number } {
    const recall = this.get(recallId);
    const body = stringify(
      recall.lotRows.map((l) => [
        recall.recallId,
        l.lotId,
        l.gtin,
        l.skuName ?? '',
        l.lot,
        l.supplierName,
        l.deliveryNumber,
        l.receivedOn,
        l.expiry ?? '',
        l.quantity,
        l.status,
        l.locationNote ?? '',
        l.state,
        l.foundOn ?? '',
        l.foundQuantity ?? '',
        l.pulledOn ?? '',
        l.pulledQuantity ?? '',
        l.note ?? '',
      ]),
      { header: true, columns: [...CSV_HEADER], record_delimiter: '\r\n' },
    );
    return {
      fileName: `recall-${recall.recallId}.csv`,
      csv: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]),
      rows: recall.lotRows.length,
    };
  }
}
