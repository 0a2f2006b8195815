/**
 * Supplier scorecard: how a supplier's lots, inspections and deliveries went over rolling periods
 * (by default the last 30 and 90 days), and one weighted score from 0 to 100.
 *
 * Pure: the station reads plain rows from its tables and passes them in; nothing here knows about
 * SQLite or the clock. Dates are local calendar dates (`YYYY-MM-DD`), periods include today.
 *
 * The components, each 0–100 (higher is better):
 * - acceptance: lots accepted outright ÷ lots decided (latest decision per lot). A lot still on
 *   hold is left out until it is decided; a conditional acceptance (released under a deviation)
 *   counts as not accepted, because the supplier delivered something that did not conform.
 * - defects: 100 at 0 ppm, falling linearly to 0 at `ppmCeiling` (default 100,000 ppm, i.e. one
 *   sampled unit in ten defective). ppm = defects (critical + major + minor) ÷ units inspected × 1e6.
 * - delivery: deliveries that arrived on time and in full ÷ deliveries that arrived. Late = arrived
 *   after the expected date; short = closed with a short or missing line on record.
 * - complaints: 100 minus `complaintPoints` (default 10) per complaint, never below 0.
 *
 * A component without data (no lot decided, nothing inspected, nothing delivered) is left out and
 * the remaining weights are scaled up; complaints alone make no score. A confirmed counterfeit in
 * the period voids the score (0): no mix of good numbers makes up for selling fakes.
 */
import { isoWeek } from '../sampling/quota';
import { addDays, daysBetween, toDayNumber, type IsoDate } from '../util/dates';

export interface ScorecardLot {
  /** Date of the lot's latest decision. */
  decidedOn: IsoDate;
  decision: 'accept' | 'reject' | 'hold';
  conditional: boolean;
}
export interface ScorecardInspection {
  completedOn: IsoDate;
  /** Critical + major + minor defects found. */
  defects: number;
  unitsInspected: number;
}
export interface ScorecardDelivery {
  expectedDate: IsoDate;
  /** When the goods arrived at the dock; null when they have not (yet). */
  arrivedOn: IsoDate | null;
  /** Closed with a short or missing line on record. */
  short: boolean;
}
export interface ScorecardInput {
  lots: readonly ScorecardLot[];
  inspections: readonly ScorecardInspection[];
  deliveries: readonly ScorecardDelivery[];
  counterfeits: readonly { confirmedOn: IsoDate }[];
  /** Customer complaints traced to the supplier (filled by traceability; empty until then). */
  complaints: readonly { receivedOn: IsoDate }[];
}

export const COMPONENTS = ['acceptance', 'defects', 'delivery', 'complaints'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

export interface ScorecardConfig {
  weights: Weights;
  ppmCeiling: number;
  complaintPoints: number;
}

export const defaultScorecardConfig: ScorecardConfig = {
  // Acceptance and defects are what the dock measures itself, so they carry most of the weight;
  // delivery reliability matters but never keeps bad goods out; complaints are still sparse.
  weights: { acceptance: 40, defects: 30, delivery: 20, complaints: 10 },
  ppmCeiling: 100_000,
  complaintPoints: 10,
};

export interface PeriodScore {
  days: number;
  from: IsoDate;
  to: IsoDate;
  lots: { decided: number; accepted: number; conditional: number; rejected: number; held: number };
  /** 0–1; null when no lot was decided. */
  acceptanceRate: number | null;
  unitsInspected: number;
  defects: number;
  ppm: number | null;
  counterfeits: number;
  deliveries: { arrived: number; late: number; short: number; onTimeInFull: number };
  complaints: number;
  components: Record<Component, number | null>;
  /** 0–100, one decimal; null when there is nothing to score. */
  score: number | null;
}

function within(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return date >= from && date <= to;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The weighted mean of the components that have data; null when only complaints (or nothing) do. */
export function weightedScore(
  components: Record<Component, number | null>,
  weights: Weights,
): number | null {
  let sum = 0;
  let weight = 0;
  let measured = false;
  for (const c of COMPONENTS) {
    const value = components[c];
    if (value === null) continue;
    if (c !== 'complaints') measured = true;
    sum += value * weights[c];
    weight += weights[c];
  }
  if (!measured || weight <= 0) return null;
  return round1(Math.min(100, Math.max(0, sum / weight)));
}

/** The scorecard of one period: the `days` days up to and including `today`. */
export function scorePeriod(
  input: ScorecardInput,
  today: IsoDate,
  days: number,
  config: ScorecardConfig = defaultScorecardConfig,
): PeriodScore {
  const from = addDays(today, -(days - 1));
  const inPeriod = (d: IsoDate) => within(d, from, today);

  const lots = { decided: 0, accepted: 0, conditional: 0, rejected: 0, held: 0 };
  for (const lot of input.lots) {
    if (!inPeriod(lot.decidedOn)) continue;
    if (lot.decision === 'hold') lots.held += 1;
    else {
      lots.decided += 1;
      if (lot.decision === 'reject') lots.rejected += 1;
      else if (lot.conditional) lots.conditional += 1;
      else lots.accepted += 1;
    }
  }
  const acceptanceRate = lots.decided > 0 ? lots.accepted / lots.decided : null;

  let unitsInspected = 0;
  let defects = 0;
  for (const i of input.inspections) {
    if (!inPeriod(i.completedOn)) continue;
    unitsInspected += Math.max(0, i.unitsInspected);
    defects += Math.max(0, i.defects);
  }
  const ppm = unitsInspected > 0 ? Math.round((defects / unitsInspected) * 1e6) : null;

  const deliveries = { arrived: 0, late: 0, short: 0, onTimeInFull: 0 };
  for (const d of input.deliveries) {
    if (d.arrivedOn === null || !inPeriod(d.arrivedOn)) continue;
    deliveries.arrived += 1;
    const late = daysBetween(d.expectedDate, d.arrivedOn) > 0;
    if (late) deliveries.late += 1;
    if (d.short) deliveries.short += 1;
    if (!late && !d.short) deliveries.onTimeInFull += 1;
  }

  const counterfeits = input.counterfeits.filter((c) => inPeriod(c.confirmedOn)).length;
  const complaints = input.complaints.filter((c) => inPeriod(c.receivedOn)).length;

  const components: Record<Component, number | null> = {
    acceptance: acceptanceRate === null ? null : acceptanceRate * 100,
    defects: ppm === null ? null : Math.max(0, 100 * (1 - ppm / Math.max(1, config.ppmCeiling))),
    delivery: deliveries.arrived > 0 ? (deliveries.onTimeInFull / deliveries.arrived) * 100 : null,
    complaints: Math.max(0, 100 - config.complaintPoints * complaints),
  };
  for (const c of COMPONENTS) {
    const v = components[c];
    if (v !== null) components[c] = round1(v);
  }
  const weighted = weightedScore(components, config.weights);
  return {
    days,
    from,
    to: today,
    lots,
    acceptanceRate,
    unitsInspected,
    defects,
    ppm,
    counterfeits,
    deliveries,
    complaints,
    components,
    score: counterfeits > 0 ? 0 : weighted,
  };
}

export type Trend = 'up' | 'down' | 'flat';

/** How far the recent score must move away from the longer one before the arrow tilts. */
export const TREND_DEAD_BAND = 5;

/** Recent (shortest period) against longer-term (longest period): is the supplier improving? */
export function trendOf(recent: number | null, longer: number | null): Trend | null {
  if (recent === null || longer === null) return null;
  if (recent - longer >= TREND_DEAD_BAND) return 'up';
  if (longer - recent >= TREND_DEAD_BAND) return 'down';
  return 'flat';
}

export interface WeekPoint {
  /** ISO week, e.g. 2026-W48, and the Monday it starts on. */
  week: string;
  start: IsoDate;
  lotsDecided: number;
  /** 0–100; null when no lot was decided that week. */
  acceptancePct: number | null;
  ppm: number | null;
}

/** Monday of the ISO week holding `date`. */
function mondayOf(date: IsoDate): IsoDate {
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const day = toDayNumber(date);
  return addDays(date, -((((day + 3) % 7) + 7) % 7));
}

/** Acceptance rate and ppm per ISO week, the oldest first, ending with the week of `today`. */
export function weeklyTrend(input: ScorecardInput, today: IsoDate, weeks: number): WeekPoint[] {
  const lastMonday = mondayOf(today);
  const points: WeekPoint[] = [];
  for (let w = weeks - 1; w >= 0; w -= 1) {
    const start = addDays(lastMonday, -7 * w);
    const end = addDays(start, 6);
    let decided = 0;
    let accepted = 0;
    for (const lot of input.lots) {
      if (lot.decision === 'hold' || !within(lot.decidedOn, start, end)) continue;
      decided += 1;
      if (lot.decision === 'accept' && !lot.conditional) accepted += 1;
    }
    let units = 0;
    let defects = 0;
    for (const i of input.inspections) {
      if (!within(i.completedOn, start, end)) continue;
      units += Math.max(0, i.unitsInspected);
      defects += Math.max(0, i.defects);
    }
    points.push({
      week: isoWeek(start),
      start,
      lotsDecided: decided,
      acceptancePct: decided > 0 ? round1((accepted / decided) * 100) : null,
      ppm: units > 0 ? Math.round((defects / units) * 1e6) : null,
    });
  }
  return points;
}
