/**
 * Automatic supplier standing from the scorecard.
 *
 * Defaults, and why:
 * - score below 70 → probation (tightened inspection at the dock): a supplier who loses that many
 *   lots or ships that many defects needs closer watching, not yet a stop.
 * - score below 50 → suspended (deliveries refused): half the score gone means the dock is
 *   rejecting or re-working a large share of what arrives.
 * - any confirmed counterfeit in the period → suspended, whatever the score: one fake in stock is
 *   a customer harmed and a brand's trust lost; blacklisting is then head office's call.
 * - at least 3 decided lots in the period before the score may change a standing: one bad lot out
 *   of one is bad luck as often as bad quality (a counterfeit needs no minimum).
 *
 * The rules only ever tighten a standing. Recovery (probation → approved, suspended → probation)
 * is a QC manager's decision with a reason on record: a good month after a suspension proves
 * little, and a serious QC team wants a person — usually after a re-audit — to lift it. The
 * assessment says when a recovery would be supported so the manager sees it. A blacklisted
 * supplier is never touched: only head office lists or lifts a blacklist.
 */
import type { SupplierStanding } from '../events/schemas';
import type { PeriodScore } from './scorecard';

export interface StandingThresholds {
  probationBelow: number;
  suspendedBelow: number;
  counterfeitSuspends: boolean;
  minLots: number;
}

export const defaultStandingThresholds: StandingThresholds = {
  probationBelow: 70,
  suspendedBelow: 50,
  counterfeitSuspends: true,
  minLots: 3,
};

const STRICTNESS: Record<SupplierStanding, number> = {
  approved: 0,
  probation: 1,
  suspended: 2,
  blacklisted: 3,
};

/** True when `to` is stricter than `from` (approved < probation < suspended < blacklisted). */
export function isStricter(to: SupplierStanding, from: SupplierStanding): boolean {
  return STRICTNESS[to] > STRICTNESS[from];
}

export interface StandingAssessment {
  current: SupplierStanding;
  /** What the rules say the standing should be (blacklisted stays blacklisted). */
  indicated: SupplierStanding;
  /** The standing to change to automatically, or null: only ever stricter than `current`. */
  change: SupplierStanding | null;
  /** The rules would support a manager lifting the standing to `indicated`. */
  recoverySupported: boolean;
  /** Whether the score had enough lots behind it to count. */
  enoughData: boolean;
  /** In words, with the numbers: what the change (or its absence) rests on. */
  reason: string;
}

const grouped = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) =>
  `${grouped(n)} ${n === 1 ? one : many}`;

/** "acceptance 71 %, 12,400 ppm, 2 late deliveries in 90 days" */
export function describeNumbers(p: PeriodScore): string {
  const parts: string[] = [];
  if (p.acceptanceRate !== null) parts.push(`acceptance ${Math.round(p.acceptanceRate * 100)} %`);
  if (p.ppm !== null) parts.push(`${grouped(p.ppm)} ppm`);
  if (p.deliveries.late > 0) {
    parts.push(plural(p.deliveries.late, 'late delivery', 'late deliveries'));
  }
  if (p.deliveries.short > 0) {
    parts.push(plural(p.deliveries.short, 'short delivery', 'short deliveries'));
  }
  if (p.complaints > 0) parts.push(plural(p.complaints, 'complaint'));
  parts.push(`${plural(p.lots.decided, 'lot')} decided`);
  return `${parts.join(', ')} in ${p.days} days`;
}

/** Applies the thresholds to one period's scorecard. */
export function assessStanding(
  current: SupplierStanding,
  period: PeriodScore,
  thresholds: StandingThresholds,
): StandingAssessment {
  const enoughData = period.score !== null && period.lots.decided >= thresholds.minLots;
  const numbers = describeNumbers(period);
  let indicated: SupplierStanding = 'approved';
  let why: string;
  if (thresholds.counterfeitSuspends && period.counterfeits > 0) {
    indicated = 'suspended';
    why = `${plural(period.counterfeits, 'confirmed counterfeit')} in ${period.days} days (score 0; ${numbers})`;
  } else if (!enoughData || period.score === null) {
    // Not enough to judge: the rules neither tighten nor support lifting the standing.
    indicated = current;
    why = `not enough data to judge: ${numbers} (at least ${thresholds.minLots} needed)`;
  } else if (period.score < thresholds.suspendedBelow) {
    indicated = 'suspended';
    why = `score ${Math.round(period.score)} < ${thresholds.suspendedBelow} (${numbers})`;
  } else if (period.score < thresholds.probationBelow) {
    indicated = 'probation';
    why = `score ${Math.round(period.score)} < ${thresholds.probationBelow} (${numbers})`;
  } else {
    why = `score ${Math.round(period.score)} ≥ ${thresholds.probationBelow} (${numbers})`;
  }
  if (current === 'blacklisted') {
    return {
      current,
      indicated: current,
      change: null,
      recoverySupported: false,
      enoughData,
      reason: 'blacklisted by head office: the scorecard does not change it',
    };
  }
  return {
    current,
    indicated,
    change: isStricter(indicated, current) ? indicated : null,
    recoverySupported: isStricter(current, indicated),
    enoughData,
    reason: why,
  };
}
