import type {
  BoardRow,
  LotShelfLifeView,
  PullGroup,
  ShelfBoard,
  StockStatus,
} from '../../src-shared/api/domain-shelf-life';
import type { NewEvent } from '../store/event-log';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { BoardSku, LotShelfRow } from '../store/repos/shelf-life-repo';
import { evaluateShelfLife, expiryFromGs1, pullStatus } from '../../src-shared/shelf-life';
import type { Gs1Dates, ShelfLifeEvaluation } from '../../src-shared/shelf-life';
import { rulesForSku, type ShelfLifeSettings } from '../../src-shared/shelf-life/settings';
import { addDays, daysBetween } from '../../src-shared/util/dates';
import { AppError } from '../api/app-error';

export interface ShelfLifeDeps {
  repos: Repos;
  log: EventLog;
  today: () => string;
  rules: () => ShelfLifeSettings;
}

/** The SKU facts the rules need. */
export interface ShelfSku {
  gtin: string;
  category: string | null;
  shelfLifeDays: number | null;
}

/** What the board's window reaches: overdue lots and the next 30 days. */
export const BOARD_DAYS = 30;

/** The event that records an evaluation of a lot at receipt. */
export function shelfLifeEvent(
  lotId: string,
  v: ShelfLifeEvaluation,
): NewEvent<'lot.shelf-life-evaluated'> {
  return {
    type: 'lot.shelf-life-evaluated',
    payload: {
      lotId,
      expiry: v.expiry,
      production: v.production,
      receivedOn: v.received,
      totalDays: v.totalDays,
      removalWindowDays: v.removalWindowDays,
      removalDate: v.removalDate,
      alertDate: v.alertDate,
      remainingDays: v.remainingDays,
      minRemainingDays: v.minRemainingDays,
      acceptable: v.acceptable,
      reason: { en: v.reasonText.en, zh: v.reasonText['zh-CN'] },
      dateSource: v.dateSource ?? 'barcode',
      expiryBasis: v.expiryBasis,
    },
    actor: 'system',
    subjects: [`lot:${lotId}`],
  };
}

/**
 * Shelf life at the dock and in stock: the verdict at a lot's first dated scan, the dates an
 * inspector types when the barcode has none, the board of lots to pull, and stock movements.
 */
export class ShelfLifeService {
  constructor(private readonly d: ShelfLifeDeps) {}

  private skuOf(gtin: string): ShelfSku | null {
    const match = this.d.repos.skus.byAnyGtin(gtin);
    return match
      ? { gtin, category: match.sku.category, shelfLifeDays: match.sku.shelf_life_days }
      : null;
  }

  /**
   * The evaluation event for a lot scanned with GS1 dates (17, else 15, else 16, else 11/13 +
   * the SKU's shelf life), or null when the barcode gives no usable date.
   */
  atReceipt(
    lotId: string,
    sku: ShelfSku,
    dates: Gs1Dates,
    received: string,
  ): { event: NewEvent<'lot.shelf-life-evaluated'>; evaluation: ShelfLifeEvaluation } | null {
    const pick = expiryFromGs1(dates, sku.shelfLifeDays);
    if (!pick) return null;
    const stated = pick.ai === '17' || pick.ai === '15' || pick.ai === '16';
    const result = evaluateShelfLife({
      expiry: stated ? pick.expiry : null,
      production: pick.production,
      shelfLifeDays: sku.shelfLifeDays,
      received,
      rules: rulesForSku(this.d.rules(), sku.category, sku.gtin),
      dateSource: 'barcode',
    });
    return result.ok
      ? { event: shelfLifeEvent(lotId, result.value), evaluation: result.value }
      : null;
  }

  private row(lotId: string): LotShelfRow {
    const row = this.d.repos.shelfLife.byId(lotId);
    if (!row) throw new AppError('not_found', `No lot ${lotId} on this station.`);
    return row;
  }

  view(lotId: string): LotShelfLifeView {
    const r = this.row(lotId);
    const sku = this.skuOf(r.gtin);
    const evaluated = r.removal_date !== null;
    return {
      lotId: r.lot_id,
      state: evaluated
        ? 'evaluated'
        : sku && sku.shelfLifeDays === null && !r.expiry
          ? 'no-shelf-life'
          : 'dates-missing',
      expiry: r.expiry,
      production: r.production,
      totalDays: r.total_days,
      removalWindowDays: r.removal_window_days,
      removalDate: r.removal_date,
      alertDate: r.alert_date,
      remainingDays: r.remaining_days,
      minRemainingDays: r.min_remaining_days,
      acceptable: r.shelf_acceptable === null ? null : r.shelf_acceptable === 1,
      reason:
        r.shelf_reason_en !== null ? { en: r.shelf_reason_en, zh: r.shelf_reason_zh ?? '' } : null,
      dateSource: r.date_source,
      expiryBasis: r.expiry_basis,
      stockStatus: r.stock_status,
      locationNote: r.location_note,
    };
  }

  /** Dates typed by the inspector (or read off the label) for a lot whose barcode has none. */
  enterDates(
    input: {
      lotId: string;
      expiry?: string | undefined;
      production?: string | undefined;
      source: 'manual' | 'label';
    },
    actor: string,
  ): LotShelfLifeView {
    const lot = this.row(input.lotId);
    if (lot.status === 'accepted' || lot.status === 'rejected')
      throw new AppError(
        'conflict',
        `Lot ${lot.lot} is already ${lot.status}: its dates are on record.`,
      );
    const sku = this.skuOf(lot.gtin);
    const result = evaluateShelfLife({
      expiry: input.expiry ?? null,
      production: input.production ?? null,
      shelfLifeDays: sku?.shelfLifeDays ?? null,
      received: lot.received_on,
      rules: rulesForSku(this.d.rules(), sku?.category, lot.gtin),
      dateSource: input.source,
    });
    if (!result.ok) throw new AppError('invalid_input', result.error.message);
    const event = shelfLifeEvent(lot.lot_id, result.value);
    this.d.log.append({ ...event, actor });
    return this.view(lot.lot_id);
  }

  /** Pulled, sold out, moved or back in stock: an event each. */
  mark(
    input: {
      lotId: string;
      status: StockStatus;
      locationNote?: string | undefined;
      note?: string | undefined;
    },
    actor: string,
  ): LotShelfLifeView {
    const lot = this.row(input.lotId);
    if (lot.status === 'rejected')
      throw new AppError(
        'conflict',
        `Lot ${lot.lot} was rejected and returned: it is not in stock.`,
      );
    if (lot.stock_status === input.status && !input.locationNote)
      throw new AppError('conflict', `Lot ${lot.lot} is already marked ${input.status}.`);
    this.d.log.append({
      type: 'lot.stock-changed',
      payload: {
        lotId: lot.lot_id,
        status: input.status,
        locationNote: input.locationNote ?? null,
        ...(input.note ? { note: input.note } : {}),
        on: this.d.today(),
      },
      actor,
      subjects: [`lot:${lot.lot_id}`],
    });
    return this.view(lot.lot_id);
  }

  /**
   * Lots in stock that are overdue or leave sale within 30 days, in FEFO order. Up to 100,000
   * rows: one pass, one object per row; names and date arithmetic are worked out once per
   * delivery, GTIN and removal date (a few hundred at most), not once per lot.
   */
  board(): ShelfBoard {
    const today = this.d.today();
    const repo = this.d.repos.shelfLife;
    const rows = repo.board(addDays(today, BOARD_DAYS));
    const suppliers = new Map<string, string | null>();
    const skus = new Map<string, BoardSku | null>();
    type CountKey = 'overdue' | 'thisWeek' | 'next30Days';
    const dates = new Map<string, { group: PullGroup; key: CountKey; days: number }>();
    const seen = new Set<string>();
    const counts = { overdue: 0, thisWeek: 0, next30Days: 0, alerting: 0 };
    const byCategory = new Map<string, { overdue: number; thisWeek: number; next30Days: number }>();
    const out: BoardRow[] = new Array<BoardRow>(rows.length);
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as (typeof rows)[number];
      let supplierName = suppliers.get(r.delivery_id);
      if (supplierName === undefined) {
        supplierName = repo.boardSupplier(r.delivery_id);
        suppliers.set(r.delivery_id, supplierName);
      }
      // A lot whose delivery or supplier is unknown is left off (as an inner join would).
      if (supplierName === null) continue;
      let sku = skus.get(r.gtin);
      if (sku === undefined) {
        sku = repo.boardSku(r.gtin);
        skus.set(r.gtin, sku);
      }
      let date = dates.get(r.removal_date);
      if (!date) {
        const status = pullStatus({ removalDate: r.removal_date }, today);
        const group = status === 'later' ? 'next-30-days' : status;
        date = {
          group,
          key: group === 'overdue' ? 'overdue' : group === 'this-week' ? 'thisWeek' : 'next30Days',
          days: daysBetween(today, r.removal_date),
        };
        dates.set(r.removal_date, date);
      }
      counts[date.key]++;
      const category = sku?.category ?? '—';
      let c = byCategory.get(category);
      if (!c) byCategory.set(category, (c = { overdue: 0, thisWeek: 0, next30Days: 0 }));
      c[date.key]++;
      const alerting = r.alert_date <= today;
      if (alerting) counts.alerting++;
      const issueFirst = !seen.has(r.gtin);
      if (issueFirst) seen.add(r.gtin);
      out[n++] = {
        lotId: r.lot_id,
        gtin: r.gtin,
        skuName: sku?.sku_name ?? null,
        skuNameZh: sku?.sku_name_zh ?? null,
        category: sku?.category ?? null,
        lot: r.lot,
        quantity: r.quantity,
        supplierName,
        locationNote: r.location_note,
        receivedOn: r.received_on,
        expiry: r.expiry,
        removalDate: r.removal_date,
        alertDate: r.alert_date,
        group: date.group,
        daysToRemoval: date.days,
        issueFirst,
        alerting,
      };
    }
    out.length = n;
    return {
      today,
      rows: out,
      counts,
      byCategory: [...byCategory.entries()]
        .map(([category, c]) => ({ category, ...c }))
        .sort((a, b) => a.category.localeCompare(b.category)),
    };
  }

  /** Today's pull list: lots in stock whose removal date has come. */
  pullList(): BoardRow[] {
    const today = this.d.today();
    return this.board().rows.filter((r) => r.removalDate <= today);
  }

  /** Lots whose alert date is today: what a desktop notification announces once a day. */
  alertsDue(): BoardRow[] {
    return this.board().rows.filter((r) => r.alerting);
  }
}
