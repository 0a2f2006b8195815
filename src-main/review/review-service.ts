import type {
  ReviewDashboard,
  ReviewFilters,
  ReviewItem,
  ReviewKind,
  ReviewQueue,
  SyncBacklog,
} from '../../src-shared/api/domain-review';
import { addDays, daysBetween } from '../../src-shared/util/dates';
import type { Db } from '../store/database';
import type { Repos } from '../store/repos';
import {
  acceptanceBySupplier,
  nextWeeks,
  pareto,
  pastWeeks,
  pullForecast,
} from './review-aggregates';
import {
  createReviewRepo,
  type QueueComplaintRow,
  type QueueLotRow,
  type RepoFilter,
  type ReviewRepo,
} from './review-repo';

/**
 * An override is already decided and signed off: it stays on the queue this long for a second
 * look, then ages out (the log keeps it). Holds, conditional acceptances in stock, open
 * complaints and short shelf-life lots stay until someone acts on them.
 */
export const OVERRIDE_REVIEW_DAYS = 30;

/** Bounds that let every date through when a filter gives none. */
const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

const ageOf = (when: string, today: string) => Math.max(0, daysBetween(when, today));

function complaintItem(r: QueueComplaintRow, today: string): ReviewItem {
  return {
    key: `complaint:${r.complaint_id}`,
    kind: 'complaint',
    lotId: r.lot_id,
    complaintId: r.complaint_id,
    gtin: r.gtin,
    lot: r.lot,
    skuName: r.sku_name,
    category: r.category,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    deliveryId: r.delivery_id,
    deliveryNumber: r.delivery_number,
    when: r.at,
    ageDays: ageOf(r.at, today),
    summary: r.summary,
    summaryZh: null,
    by: r.by_user,
  };
}

export interface ReviewDeps {
  db: Db;
  repos: Repos;
  today: () => string;
  /** Each category's inspections this ISO week against the spot-check quota (the setting). */
  quota: () => { category: string; week: string; done: number; quota: number }[];
  /** The upload backlog, as the Sync screen shows it. */
  syncStatus: () => SyncBacklog;
}

export interface DashboardInput {
  supplierId?: string | undefined;
  category?: string | undefined;
  weeks: number;
  forecastWeeks: number;
}

/**
 * The QC manager's review console: one queue of what waits for a manager's decision, and the
 * dashboards (acceptance by supplier, defect Pareto, pull forecast, spot-check quota, sync
 * backlog). Reads only; deciding happens through the inspection and complaint calls.
 */
export class ReviewService {
  private readonly repo: ReviewRepo;

  constructor(private readonly d: ReviewDeps) {
    this.repo = createReviewRepo(d.db);
  }

  queue(filters: ReviewFilters): ReviewQueue {
    const today = this.d.today();
    const f: RepoFilter = {
      supplierId: filters.supplierId ?? null,
      category: filters.category ?? null,
      from: filters.since ?? EARLIEST,
      to: filters.until ?? LATEST,
    };
    const wants = (kind: ReviewKind) => !filters.kind || filters.kind === kind;
    const items: ReviewItem[] = [];
    const lotItem = (kind: ReviewKind, r: QueueLotRow) => {
      items.push({
        key: `${kind}:${r.lot_id}`,
        kind,
        lotId: r.lot_id,
        complaintId: null,
        gtin: r.gtin,
        lot: r.lot,
        skuName: r.sku_name,
        category: r.category,
        supplierId: r.supplier_id,
        supplierName: r.supplier_name,
        deliveryId: r.delivery_id,
        deliveryNumber: r.delivery_number,
        when: r.at,
        ageDays: ageOf(r.at, today),
        summary: r.summary,
        summaryZh: r.summary_zh,
        by: r.by_user,
      });
    };
    if (wants('hold')) for (const r of this.repo.holds(f)) lotItem('hold', r);
    if (wants('shelf-life-proposal')) {
      for (const r of this.repo.shortShelfLife(f)) lotItem('shelf-life-proposal', r);
    }
    if (wants('conditional') || wants('override')) {
      const overridesFrom = addDays(today, -OVERRIDE_REVIEW_DAYS);
      for (const r of this.repo.signedDecisions(f)) {
        // One item per lot: a conditional acceptance is reviewed as such, even when it also
        // overrode a proposal, and only while its goods are still in stock.
        if (r.conditional === 1) {
          if (wants('conditional') && r.lot_status === 'accepted' && r.stock_status === 'in-stock')
            lotItem('conditional', r);
        } else if (r.override === 1 && wants('override') && r.at >= overridesFrom) {
          lotItem('override', r);
        }
      }
    }
    if (wants('complaint')) {
      for (const r of this.repo.openComplaints(f)) items.push(complaintItem(r, today));
    }
    items.sort((a, b) => a.when.localeCompare(b.when) || a.key.localeCompare(b.key));
    return {
      today,
      items,
      overrideDays: OVERRIDE_REVIEW_DAYS,
      suppliers: this.d.repos.suppliers
        .all()
        .map((s) => ({ supplierId: s.supplier_id, name: s.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      categories: [...new Set(this.d.repos.skus.all().map((k) => k.category))].sort(),
    };
  }

  dashboard(input: DashboardInput): ReviewDashboard {
    const today = this.d.today();
    const weeks = pastWeeks(today, input.weeks);
    const from = weeks[0]?.from ?? today;
    const to = weeks.at(-1)?.to ?? today;
    const f: RepoFilter = {
      supplierId: input.supplierId ?? null,
      category: input.category ?? null,
      from,
      to,
    };
    const decided = this.repo.decidedLots(f).map((r) => ({
      supplierId: r.supplier_id,
      supplierName: r.supplier_name,
      decision: r.decision,
      conditional: r.conditional === 1,
      decidedOn: r.decided_on,
    }));
    const quota = this.d.quota().filter((q) => !input.category || q.category === input.category);
    const sync = this.d.syncStatus();
    return {
      today,
      weeks: weeks.map((w) => w.week),
      from,
      to,
      acceptanceBySupplier: acceptanceBySupplier(decided, weeks),
      defectPareto: this.defectPareto(f),
      pullForecast: this.pullForecast(input, today),
      spotCheckQuota: {
        week: quota[0]?.week ?? weeks.at(-1)?.week ?? '',
        categories: quota.map((q) => ({ category: q.category, required: q.quota, done: q.done })),
      },
      // Only the backlog: the full status carries more than this console shows.
      syncBacklog: {
        state: sync.state,
        pendingEvents: sync.pendingEvents,
        lastSuccessAt: sync.lastSuccessAt,
        lastError: sync.lastError,
      },
    };
  }

  private defectPareto(f: RepoFilter): ReviewDashboard['defectPareto'] {
    // Check ids are labelled from the templates that declare them (the first one wins).
    const labels = new Map<string, { label: string; labelZh: string | null }>();
    for (const template of this.d.repos.templates.all()) {
      for (const c of template.checks) {
        if (!labels.has(c.checkId))
          labels.set(c.checkId, { label: c.label, labelZh: c.labelZh || null });
      }
    }
    return {
      byCategory: pareto(
        this.repo
          .defectsByCategory(f)
          .map((r) => ({ key: r.key, label: r.key || '—', labelZh: null, count: r.n })),
      ),
      byCheck: pareto(
        this.repo.failedChecks(f).map((r) => ({
          key: r.key,
          label: labels.get(r.key)?.label ?? r.key,
          labelZh: labels.get(r.key)?.labelZh ?? null,
          count: r.n,
        })),
      ),
    };
  }

  /** The shelf-life board's own query (lots in stock, by removal date), over a longer horizon. */
  private pullForecast(input: DashboardInput, today: string): ReviewDashboard['pullForecast'] {
    const weeks = nextWeeks(today, input.forecastWeeks);
    const until = weeks.at(-1)?.to ?? today;
    const shelf = this.d.repos.shelfLife;
    const supplierOf = new Map<string, string | null>();
    const categoryOf = new Map<string, string | null>();
    const lots = shelf.board(until).filter((r) => {
      if (input.supplierId) {
        let supplier = supplierOf.get(r.delivery_id);
        if (supplier === undefined) {
          supplier = this.d.repos.deliveries.byId(r.delivery_id)?.supplier_id ?? null;
          supplierOf.set(r.delivery_id, supplier);
        }
        if (supplier !== input.supplierId) return false;
      }
      if (input.category) {
        let category = categoryOf.get(r.gtin);
        if (category === undefined) {
          category = shelf.boardSku(r.gtin)?.category ?? null;
          categoryOf.set(r.gtin, category);
        }
        if (category !== input.category) return false;
      }
      return true;
    });
    return pullForecast(
      lots.map((r) => ({ removalDate: r.removal_date, quantity: r.quantity })),
      today,
      weeks,
    );
  }
}
