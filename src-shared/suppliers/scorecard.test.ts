import { describe, expect, it } from 'vitest';
import {
  defaultScorecardConfig,
  scorePeriod,
  trendOf,
  weeklyTrend,
  weightedScore,
  type ScorecardInput,
} from './scorecard';

const TODAY = '2026-11-28'; // a Saturday
const empty: ScorecardInput = {
  lots: [],
  inspections: [],
  deliveries: [],
  counterfeits: [],
  complaints: [],
};

describe('scorePeriod', () => {
  it('has no score without lots, inspections or deliveries (complaints alone do not score)', () => {
    const p = scorePeriod(empty, TODAY, 30);
    expect(p).toMatchObject({
      from: '2026-10-30',
      to: TODAY,
      score: null,
      acceptanceRate: null,
      ppm: null,
    });
    expect(p.components.complaints).toBe(100);
  });

  it('counts lots by their latest decision, leaving holds out and conditional releases unaccepted', () => {
    const p = scorePeriod(
      {
        ...empty,
        lots: [
          { decidedOn: TODAY, decision: 'accept', conditional: false },
          { decidedOn: TODAY, decision: 'accept', conditional: false },
          { decidedOn: TODAY, decision: 'accept', conditional: true },
          { decidedOn: TODAY, decision: 'reject', conditional: false },
          { decidedOn: TODAY, decision: 'hold', conditional: false },
          // Outside the 30 days: not counted.
          { decidedOn: '2026-10-29', decision: 'reject', conditional: false },
        ],
      },
      TODAY,
      30,
    );
    expect(p.lots).toEqual({ decided: 4, accepted: 2, conditional: 1, rejected: 1, held: 1 });
    expect(p.acceptanceRate).toBe(0.5);
    expect(p.components.acceptance).toBe(50);
  });

  it('works out ppm as defects per million units inspected', () => {
    const p = scorePeriod(
      {
        ...empty,
        inspections: [
          { completedOn: TODAY, defects: 1, unitsInspected: 50 },
          { completedOn: '2026-11-20', defects: 0, unitsInspected: 30 },
        ],
      },
      TODAY,
      30,
    );
    expect(p).toMatchObject({ defects: 1, unitsInspected: 80, ppm: 12_500 });
    // 12,500 ppm of a 100,000 ppm ceiling: 87.5; with no complaints (100), weighted 30:10.
    expect(p.components.defects).toBe(87.5);
    expect(p.score).toBe(Math.round(((87.5 * 30 + 100 * 10) / 40) * 10) / 10);
  });

  it('counts late and short deliveries once each, on-time-in-full only when neither', () => {
    const p = scorePeriod(
      {
        ...empty,
        deliveries: [
          { expectedDate: '2026-11-20', arrivedOn: '2026-11-20', short: false },
          { expectedDate: '2026-11-20', arrivedOn: '2026-11-22', short: false },
          { expectedDate: '2026-11-21', arrivedOn: '2026-11-21', short: true },
          { expectedDate: '2026-11-21', arrivedOn: '2026-11-23', short: true },
          // Early is not late; not yet arrived is not counted.
          { expectedDate: '2026-11-25', arrivedOn: '2026-11-24', short: false },
          { expectedDate: '2026-11-27', arrivedOn: null, short: false },
        ],
      },
      TODAY,
      30,
    );
    expect(p.deliveries).toEqual({ arrived: 5, late: 2, short: 2, onTimeInFull: 2 });
    expect(p.components.delivery).toBe(40);
  });

  it('weights the components, scaling up the weights of those with data', () => {
    const input: ScorecardInput = {
      ...empty,
      lots: [
        { decidedOn: TODAY, decision: 'accept', conditional: false },
        { decidedOn: TODAY, decision: 'reject', conditional: false },
      ],
      inspections: [{ completedOn: TODAY, defects: 5, unitsInspected: 100 }],
      complaints: [{ receivedOn: TODAY }],
    };
    const p = scorePeriod(input, TODAY, 30);
    // acceptance 50 (w40), defects 50 (w30: 50,000 ppm), complaints 90 (w10); no deliveries.
    expect(p.components).toEqual({ acceptance: 50, defects: 50, delivery: null, complaints: 90 });
    expect(p.score).toBe(Math.round(((50 * 40 + 50 * 30 + 90 * 10) / 80) * 10) / 10);
  });

  it('voids the score when a counterfeit was confirmed in the period', () => {
    const p = scorePeriod(
      {
        ...empty,
        lots: [{ decidedOn: TODAY, decision: 'accept', conditional: false }],
        counterfeits: [{ confirmedOn: '2026-11-01' }],
      },
      TODAY,
      30,
    );
    expect(p).toMatchObject({ counterfeits: 1, score: 0 });
    expect(
      scorePeriod({ ...empty, counterfeits: [{ confirmedOn: '2026-10-01' }] }, TODAY, 30).score,
    ).toBeNull();
  });

  it('uses the configured ceiling and complaint points', () => {
    const p = scorePeriod(
      {
        ...empty,
        inspections: [{ completedOn: TODAY, defects: 1, unitsInspected: 100 }],
        complaints: [{ receivedOn: TODAY }, { receivedOn: TODAY }],
      },
      TODAY,
      30,
      { ...defaultScorecardConfig, ppmCeiling: 20_000, complaintPoints: 25 },
    );
    expect(p.components).toMatchObject({ defects: 50, complaints: 50 });
  });
});

describe('weightedScore', () => {
  it('is null when every weight with data is zero', () => {
    expect(
      weightedScore(
        { acceptance: 80, defects: null, delivery: null, complaints: 100 },
        { acceptance: 0, defects: 10, delivery: 10, complaints: 0 },
      ),
    ).toBeNull();
  });
});

describe('trendOf', () => {
  it('tilts only beyond the dead band', () => {
    expect(trendOf(90, 80)).toBe('up');
    expect(trendOf(70, 80)).toBe('down');
    expect(trendOf(83, 80)).toBe('flat');
    expect(trendOf(null, 80)).toBeNull();
  });
});

describe('weeklyTrend', () => {
  it('buckets lots and inspections by ISO week, oldest first, ending with this week', () => {
    const points = weeklyTrend(
      {
        ...empty,
        lots: [
          { decidedOn: '2026-11-23', decision: 'accept', conditional: false },
          { decidedOn: '2026-11-28', decision: 'reject', conditional: false },
          { decidedOn: '2026-11-16', decision: 'accept', conditional: false },
          { decidedOn: '2026-11-16', decision: 'hold', conditional: false },
        ],
        inspections: [{ completedOn: '2026-11-24', defects: 2, unitsInspected: 80 }],
      },
      TODAY,
      12,
    );
    expect(points).toHaveLength(12);
    expect(points.at(-1)).toEqual({
      week: '2026-W48',
      start: '2026-11-23',
      lotsDecided: 2,
      acceptancePct: 50,
      ppm: 25_000,
    });
    expect(points.at(-2)).toMatchObject({
      week: '2026-W47',
      lotsDecided: 1,
      acceptancePct: 100,
      ppm: null,
    });
    expect(points[0]).toMatchObject({ start: '2026-09-07', lotsDecided: 0, acceptancePct: null });
  });
});
