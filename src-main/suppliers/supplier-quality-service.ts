import type {
  ScorecardView,
  StandingChangeView,
  StandingReview,
  SupplierBoardRow,
  SupplierLot,
} from '../../src-shared/api/domain-supplier-quality';
import type { SupplierStanding } from '../../src-shared/events/schemas';
import type { SupplierQualitySettings } from '../../src-shared/suppliers/quality-settings';
import {
  scorePeriod,
  trendOf,
  weeklyTrend,
  type PeriodScore,
  type ScorecardConfig,
  type ScorecardInput,
} from '../../src-shared/suppliers/scorecard';
import {
  assessStanding,
  isStricter,
  type StandingAssessment,
} from '../../src-shared/suppliers/standing';
import { addDays } from '../../src-shared/util/dates';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { SupplierRow } from '../store/repos/suppliers-repo';
import type { MasterDataService } from './master-data-service';

interface Scored {
  supplier: SupplierRow;
  settings: SupplierQualitySettings;
  periods: PeriodScore[];
  /** What the standing rules judge, per the thresholds. */
  standingPeriod: PeriodScore;
  /** The day of the last person's standing decision the rules judge after, if any. */
  since: string | null;
  input: ScorecardInput;
}

/**
 * Supplier quality at the station: the scorecard from the lots, inspections and deliveries on
 * record, the automatic standing rules, and a manager's standing decisions. Every standing
 * change is a `supplier.standing-changed` event.
 */
export class SupplierQualityService {
  constructor(
    private readonly repos: Repos,
    private readonly log: EventLog,
    private readonly today: () => string,
    private readonly settings: () => SupplierQualitySettings,
    private readonly masterData: MasterDataService,
  ) {}

  private supplierRow(supplierId: string): SupplierRow {
    const s = this.repos.suppliers.byId(supplierId);
    if (!s) throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    return s;
  }

  /**
   * The scorecard's plain input rows for one supplier, from `from` to today. With `after`, only
   * what happened after a person's standing decision: facts dated from the next day on, and
   * counterfeits confirmed after it in the log.
   */
  private input(
    supplierId: string,
    from: string,
    after?: { seq: number; on: string },
  ): ScorecardInput {
    const q = this.repos.supplierQuality;
    const since = after && addDays(after.on, 1) > from ? addDays(after.on, 1) : from;
    return {
      lots: q.supplierLots.decisionsSince(supplierId, since).map((d) => ({
        decidedOn: d.decided_on,
        decision: d.decision,
        conditional: d.conditional === 1,
      })),
      inspections: q.supplierLots.inspectionsSince(supplierId, since).map((i) => ({
        completedOn: i.completed_on,
        defects: i.defects,
        unitsInspected: i.units,
      })),
      deliveries: q.deliveryPerformance.arrivedSince(supplierId, since).map((d) => ({
        expectedDate: d.expected_date,
        arrivedOn: d.arrived_on,
        short: d.short_lines > 0,
      })),
      counterfeits: q.counterfeits
        .since(supplierId, from)
        .filter((c) => !after || c.seq > after.seq)
        .map((c) => ({ confirmedOn: c.confirmed_on })),
      // Customer complaints a QC manager confirmed, traced to this supplier's lots.
      complaints: this.repos.complaints
        .confirmedSince(supplierId, since)
        .map((c) => ({ receivedOn: c.received_on })),
    };
  }

  /**
   * The scorecard periods (everything on record), and the period the standing rules judge. A
   * manager's (or head office's) standing decision was taken with the scorecard in view, so the
   * rules judge only what happened after it: otherwise the next lot decision would undo a
   * manager's recovery decision with the very evidence the manager already weighed.
   */
  private score(supplierId: string, withTrend = false): Scored {
    const supplier = this.supplierRow(supplierId);
    const settings = this.settings();
    const sc = settings.scorecard;
    const today = this.today();
    const days = [...new Set(sc.periodsDays)].sort((a, b) => a - b);
    const longest = Math.max(...days, sc.standingPeriodDays, withTrend ? sc.trendWeeks * 7 + 7 : 0);
    const from = addDays(today, -longest);
    const input = this.input(supplierId, from);
    const config: ScorecardConfig = {
      weights: sc.weights,
      ppmCeiling: sc.ppmCeiling,
      complaintPoints: sc.complaintPoints,
    };
    const periods = days.map((d) => scorePeriod(input, today, d, config));
    const decision = this.repos.supplierQuality.standingHistory
      .ofSupplier(supplierId)
      .find((h) => h.source === 'manager' || h.source === 'head-office');
    const standingPeriod = decision
      ? scorePeriod(
          this.input(supplierId, from, { seq: decision.seq, on: decision.changed_on }),
          today,
          sc.standingPeriodDays,
          config,
        )
      : (periods.find((p) => p.days === sc.standingPeriodDays) ??
        scorePeriod(input, today, sc.standingPeriodDays, config));
    return {
      supplier,
      settings,
      periods,
      standingPeriod,
      since: decision ? decision.changed_on : null,
      input,
    };
  }

  private assess(scored: Scored): StandingAssessment {
    const a = assessStanding(
      scored.supplier.standing,
      scored.standingPeriod,
      scored.settings.standing,
    );
    return scored.since && a.current !== 'blacklisted'
      ? { ...a, reason: `${a.reason}; counted after the standing decision of ${scored.since}` }
      : a;
  }

  /** The score shown for the standing period: everything on record in it. */
  private shownScore(scored: Scored): number | null {
    const shown = scored.periods.find((p) => p.days === scored.standingPeriod.days);
    return (shown ?? scored.standingPeriod).score;
  }

  scorecard(supplierId: string): ScorecardView {
    const scored = this.score(supplierId, true);
    const { settings, periods, standingPeriod, input } = scored;
    const today = this.today();
    return {
      supplierId,
      today,
      standingPeriodDays: standingPeriod.days,
      periods,
      trend: trendOf(periods[0]?.score ?? null, this.shownScore(scored)),
      assessment: this.assess(scored),
      thresholds: {
        probationBelow: settings.standing.probationBelow,
        suspendedBelow: settings.standing.suspendedBelow,
        minLots: settings.standing.minLots,
      },
      weekly: weeklyTrend(input, today, settings.scorecard.trendWeeks),
    };
  }

  board(search?: string): SupplierBoardRow[] {
    const open = this.repos.supplierQuality.penalties.openCounts();
    const documents = this.repos.suppliers.allDocuments();
    const audits = this.repos.suppliers.allAudits();
    return this.masterData.suppliers(search).map((summary) => {
      const scored = this.score(summary.supplierId);
      const score = this.shownScore(scored);
      // Documents come sorted by expiry; the latest audit is the one that counts.
      const nextDoc = documents.find((d) => d.supplier_id === summary.supplierId);
      const latestAudit = audits.filter((a) => a.supplier_id === summary.supplierId).at(-1);
      const recent = scored.periods[0]?.score ?? null;
      return {
        ...summary,
        score,
        recentScore: recent,
        trend: trendOf(recent, score),
        nextDocumentExpiry: nextDoc
          ? { type: nextDoc.type, validUntil: nextDoc.valid_until }
          : null,
        nextAuditExpiry: latestAudit?.valid_until ?? null,
        openPenalties: open.get(summary.supplierId) ?? 0,
      };
    });
  }

  /**
   * Recomputes the score and applies the automatic standing rules: appends
   * `supplier.standing-changed` (automatic, source 'scorecard') when they make the standing
   * stricter, and nothing otherwise. Synchronous and without a transaction of its own, so the
   * inspection flow can call it after a lot decision inside the decision's transaction (the
   * append joins it as a savepoint); it reads the tables as that transaction sees them.
   */
  reviewStanding(supplierId: string, actor: string): StandingReview {
    const scored = this.score(supplierId);
    const { supplier, standingPeriod } = scored;
    const assessment = this.assess(scored);
    const base = {
      supplierId,
      from: supplier.standing,
      assessment,
      score: standingPeriod.score,
    };
    const to = assessment.change;
    if (to === null || !isStricter(to, supplier.standing) || supplier.standing === 'blacklisted') {
      return { ...base, changed: false, to: supplier.standing };
    }
    this.log.append({
      type: 'supplier.standing-changed',
      payload: {
        supplierId,
        from: supplier.standing,
        to,
        reason: assessment.reason.slice(0, 500),
        automatic: true,
        source: 'scorecard',
      },
      actor,
      subjects: [`supplier:${supplierId}`],
    });
    return { ...base, changed: true, to };
  }

  /**
   * A QC manager's standing decision (approved, probation, suspended) with a reason. Listing on
   * or lifting a blacklist is head office's decision and is refused here.
   */
  setStanding(
    input: { supplierId: string; to: SupplierStanding; reason: string },
    actor: string,
  ): StandingChangeView {
    const supplier = this.supplierRow(input.supplierId);
    if (input.to === 'blacklisted') {
      throw new AppError(
        'refused',
        'Blacklisting is head office’s decision: suspend the supplier here and report it to head office.',
      );
    }
    if (supplier.standing === 'blacklisted') {
      throw new AppError(
        'refused',
        `${supplier.name} is blacklisted by head office: only head office can lift a blacklist.`,
      );
    }
    if (supplier.standing === input.to) {
      throw new AppError('conflict', `${supplier.name} is already ${input.to}.`);
    }
    const reason = input.reason.trim();
    const event = this.log.append({
      type: 'supplier.standing-changed',
      payload: {
        supplierId: input.supplierId,
        from: supplier.standing,
        to: input.to,
        reason,
        automatic: false,
        source: 'manager',
      },
      actor,
      reason,
      subjects: [`supplier:${input.supplierId}`],
    });
    const row = this.standingHistory(input.supplierId).find((h) => h.seq === event.seq);
    if (!row) throw new Error('standing change not projected');
    return row;
  }

  standingHistory(supplierId: string): StandingChangeView[] {
    this.supplierRow(supplierId);
    return this.repos.supplierQuality.standingHistory.ofSupplier(supplierId).map((h) => ({
      seq: h.seq,
      on: h.changed_on,
      from: h.from_standing,
      to: h.to_standing,
      reason: h.reason,
      automatic: h.automatic === 1,
      source: h.source,
      actor: h.actor,
    }));
  }

  lots(supplierId: string, limit: number): SupplierLot[] {
    this.supplierRow(supplierId);
    return this.repos.supplierQuality.supplierLots.lotsOf(supplierId, limit).map((l) => ({
      lotId: l.lot_id,
      deliveryNumber: l.delivery_number,
      gtin: l.gtin,
      skuName: l.sku_name,
      skuNameZh: l.sku_name_zh,
      lot: l.lot,
      quantity: l.quantity,
      receivedOn: l.received_on,
      status: l.status,
      decision: l.decision,
      decidedOn: l.decided_on,
      decisionReason: l.decision_reason,
      conditional: l.conditional === 1,
      override: l.override === 1,
      inspection:
        l.inspection_id === null
          ? null
          : {
              inspectionId: l.inspection_id,
              sampleSize: l.sample_size ?? 0,
              critical: l.critical ?? 0,
              major: l.major ?? 0,
              minor: l.minor ?? 0,
              counterfeitSuspected: l.counterfeit_suspected === 1,
            },
      counterfeitConfirmed: l.counterfeit_confirmed === 1,
    }));
  }
}
