import { describe, expect, it } from 'vitest';
import { isSamplingError } from './errors';
import { simulate, type SimulatedLotInput, type SimulationRequest } from './simulate';

// Lot 1000, level II → code J. AQL 1.0: normal 80 2/3 (one step tighter, 0.65: 1/2),
// tightened 80 1/2, reduced 32 1/3.
const J_AT_1_0 = { lotSize: 1000, level: 'II', aql: 1.0 } as const;
const times = (n: number, lot: SimulatedLotInput): SimulatedLotInput[] =>
  Array.from({ length: n }, () => lot);

describe('simulate', () => {
  it('prints exactly the CLI JSON shape', () => {
    const result = simulate({ ...J_AT_1_0, lots: [{ defects: 1 }], allowReduced: false });
    expect(JSON.stringify(result)).toBe(
      '{"lots":[{"lot":1,"severity":"normal","sampleSize":80,"accept":2,"reject":3,"accepted":true,"switchingScore":3}],"discontinued":false,"discontinuedAfterLot":null}',
    );
  });

  it('earns reduced inspection from defect counts, then judges lots on the reduced plan', () => {
    const lots = [...times(10, { defects: 1 }), { defects: 2 }, { defects: 0 }];
    const result = simulate({ ...J_AT_1_0, lots, allowReduced: true });
    expect(result.lots.map((l) => l.switchingScore)).toEqual([
      3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 3,
    ]);
    expect(result.lots[9]).toMatchObject({ severity: 'normal', sampleSize: 80, accept: 2 });
    // Lot 11 is on reduced inspection; 2 is between Ac 1 and Re 3: accepted, back to normal.
    expect(result.lots[10]).toEqual({
      lot: 11,
      severity: 'reduced',
      sampleSize: 32,
      accept: 1,
      reject: 3,
      accepted: true,
      switchingScore: 0,
    });
    // Lot 12 starts a new normal period: its score starts again from 0.
    expect(result.lots[11]).toMatchObject({
      severity: 'normal',
      sampleSize: 80,
      switchingScore: 3,
    });
  });

  it('resets the score when an accepted lot would not pass one AQL step tighter', () => {
    const lots = [{ defects: 1 }, { defects: 1 }, { defects: 2 }, { defects: 0 }];
    const result = simulate({ ...J_AT_1_0, lots, allowReduced: true });
    expect(result.lots.map((l) => [l.accepted, l.switchingScore])).toEqual([
      [true, 3],
      [true, 6],
      [true, 0],
      [true, 3],
    ]);
  });

  it('with flags only, scores +2 under Ac 0 or 1 plans but nothing under Ac ≥ 2 plans', () => {
    const withAc2 = simulate({
      ...J_AT_1_0,
      lots: times(12, { accepted: true }),
      allowReduced: true,
    });
    expect(withAc2.lots.every((l) => l.switchingScore === 0 && l.severity === 'normal')).toBe(true);
    // AQL 0.15: J's own plan, 80 0/1.
    const withAc0 = simulate({
      ...J_AT_1_0,
      aql: 0.15,
      lots: times(16, { accepted: true }),
      allowReduced: true,
    });
    expect(withAc0.lots[14]).toMatchObject({ severity: 'normal', switchingScore: 30 });
    expect(withAc0.lots[15]).toMatchObject({ severity: 'reduced', sampleSize: 32, accept: 0 });
  });

  it('never leaves normal for reduced without allowReduced', () => {
    const result = simulate({ ...J_AT_1_0, lots: times(20, { defects: 0 }), allowReduced: false });
    expect(result.lots.map((l) => l.severity)).toEqual(
      times(20, { defects: 0 }).map(() => 'normal'),
    );
    expect(result.lots.at(-1)?.switchingScore).toBe(60);
  });

  it('goes to tightened, back to normal, and stops at discontinuation', () => {
    const lots: SimulatedLotInput[] = [
      { accepted: false },
      { accepted: false }, // → tightened
      ...times(5, { defects: 0 }), // → normal
      { defects: 3 },
      { defects: 3 }, // → tightened
      { defects: 2 }, // tightened J at 1.0 is 80 1/2: not accepted (1)
      { accepted: false }, // (2)
      { defects: 5 }, // (3)
      { defects: 0 },
      { defects: 9 }, // (4)
      { defects: 4 }, // (5): fifth not accepted on tightened → discontinued
      { defects: 0 }, // never inspected
    ];
    const result = simulate({ ...J_AT_1_0, lots, allowReduced: true });
    expect(result.lots.map((l) => `${l.severity[0] ?? ''}${l.accepted ? '+' : '-'}`)).toEqual([
      'n-',
      'n-',
      't+',
      't+',
      't+',
      't+',
      't+',
      'n-',
      'n-',
      't-',
      't-',
      't-',
      't+',
      't-',
      't-',
    ]);
    expect(result.lots[9]).toMatchObject({ sampleSize: 80, accept: 1, reject: 2 });
    expect(result.discontinued).toBe(true);
    expect(result.discontinuedAfterLot).toBe(15);
  });

  it('inspects the whole lot when the plan asks for more units than the lot has', () => {
    const result = simulate({
      lotSize: 10,
      level: 'II',
      aql: 0.65,
      lots: [{ defects: 0 }],
      allowReduced: false,
    });
    expect(result.lots[0]).toMatchObject({ sampleSize: 10, accept: 0, reject: 1 });
  });

  it('rejects lots it cannot judge', () => {
    const codeOf = (request: SimulationRequest) => {
      try {
        simulate(request);
        return 'no error';
      } catch (error) {
        return isSamplingError(error) ? error.code : 'other error';
      }
    };
    expect(codeOf({ ...J_AT_1_0, lots: [{ defects: 81 }], allowReduced: false })).toBe(
      'invalid-defect-count',
    );
    expect(codeOf({ ...J_AT_1_0, lots: [{ defects: -1 }], allowReduced: false })).toBe(
      'invalid-defect-count',
    );
    const malformed = JSON.parse('[{"accepted":"yes"}]') as SimulatedLotInput[];
    expect(codeOf({ ...J_AT_1_0, lots: malformed, allowReduced: false })).toBe(
      'invalid-lot-result',
    );
    expect(codeOf({ ...J_AT_1_0, aql: 7, lots: [], allowReduced: false })).toBe('unknown-aql');
  });
});
