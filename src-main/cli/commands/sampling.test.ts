import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli';

/** A run that must succeed with one JSON line on stdout: the line, exactly as printed. */
function jsonLine(args: readonly string[]): string {
  const r = runCli(['sampling', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.split('\n')).toHaveLength(2);
  return r.stdout.slice(0, -1);
}

const plan = (lotSize: number, level: string, aql: string, severity?: string) =>
  jsonLine([
    'plan',
    '--lot-size',
    String(lotSize),
    '--level',
    level,
    '--aql',
    aql,
    ...(severity ? ['--severity', severity] : []),
  ]);

const planJson = (
  codeLetter: string,
  sampleSize: number,
  accept: number,
  reject: number,
  inspectAll: boolean,
) => JSON.stringify({ codeLetter, sampleSize, accept, reject, inspectAll });

describe('qcs sampling plan', () => {
  it('prints the Table I letter and the Table II plan, exactly', () => {
    // 1,200 units at level II: letter J; Table II-A J / 1.0 → n 80, Ac 2, Re 3.
    expect(plan(1200, 'II', '1.0')).toBe(planJson('J', 80, 2, 3, false));
    // The same lot under Table II-B (tightened) and II-C (reduced).
    expect(plan(1200, 'II', '1.0', 'tightened')).toBe(planJson('J', 80, 1, 2, false));
    expect(plan(1200, 'II', '1', 'reduced')).toBe(planJson('J', 32, 1, 3, false));
    // Special level S-2 on 500 units: letter C, and AQL 2.5 has a plan there (n 5, 0/1).
    expect(plan(500, 'S-2', '2.5')).toBe(planJson('C', 5, 0, 1, false));
  });

  it('follows the arrows: the letter stays the Table I one, n/Ac/Re are the plan used', () => {
    // J at 0.10 is an arrow down to K (n 125, 0/1).
    expect(plan(1200, 'II', '0.10')).toBe(planJson('J', 125, 0, 1, false));
    // L at AQL 10 is an arrow up to K (n 125, 21/22).
    expect(plan(10_000, 'II', '10')).toBe(planJson('L', 125, 21, 22, false));
  });

  it('inspects a tiny lot completely when the plan sample reaches it', () => {
    // 5 units, level II: letter A; AQL 1.0 points down to E (n 13 ≥ 5): every unit, 0/1.
    expect(plan(5, 'II', '1.0')).toBe(planJson('A', 5, 0, 1, true));
    expect(plan(1, 'S-1', '0.65')).toBe(planJson('A', 1, 0, 1, true));
  });

  it('explains the letter and the arrow in words without --json', () => {
    const r = runCli(['sampling', 'plan', '--lot-size', '1200', '--level', 'II', '--aql', '0.10']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('code letter J (Table I, lots of 501 to 1,200)');
    expect(r.stdout).toContain(
      'Table II-A (normal inspection), code letter J, AQL 0.10: an arrow down; the first plan below is at code letter K: n = 125, Ac 0, Re 1.',
    );
    expect(r.stdout).toContain('Inspect 125 units');
    const tiny = runCli(['sampling', 'plan', '--lot-size', '5', '--level', 'II', '--aql', '1.0']);
    expect(tiny.stdout).toContain('inspect all 5 units (100 %)');
  });
});

describe('qcs sampling simulate', () => {
  const base = ['simulate', '--lot-size', '1200', '--level', 'II', '--aql', '1.0'];
  const lot = (n: number, severity: string, accepted: boolean, switchingScore: number) => {
    const [sampleSize, accept, reject] = severity === 'tightened' ? [80, 1, 2] : [80, 2, 3];
    return { lot: n, severity, sampleSize, accept, reject, accepted, switchingScore };
  };

  it('goes to tightened after 2 rejections in 5 lots and back after 5 accepted', () => {
    const line = jsonLine([...base, '--defects', '3,3,0,1,0,0,0,0']);
    expect(line).toBe(
      JSON.stringify({
        lots: [
          lot(1, 'normal', false, 0),
          lot(2, 'normal', false, 0),
          lot(3, 'tightened', true, 0),
          lot(4, 'tightened', true, 0),
          lot(5, 'tightened', true, 0),
          lot(6, 'tightened', true, 0),
          lot(7, 'tightened', true, 0),
          // Back on normal: 0 defects is within Ac 1 of AQL 0.65 on the same row → +3.
          lot(8, 'normal', true, 3),
        ],
        discontinued: false,
        discontinuedAfterLot: null,
      }),
    );
    const table = runCli(['sampling', ...base, '--defects', '3,3,0,1,0,0,0,0']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\s+2\s+normal\s+80\s+2\s+3\s+not accepted\s+0$/m);
    expect(table.stdout).toContain('↳ Tightened inspection: 2 of the last 5');
    expect(table.stdout).toContain('↳ Back to normal inspection: 5 consecutive lots');
    expect(table.stdout).toContain('the next lot is inspected on normal inspection.');
  });

  it('discontinues after 5 lots not accepted on tightened, with accepted flags', () => {
    const parsed = JSON.parse(jsonLine([...base, '--accepted', '0,0,0,0,0,0,0,1'])) as {
      lots: { severity: string }[];
      discontinued: boolean;
      discontinuedAfterLot: number | null;
    };
    expect(parsed.lots.map((l) => l.severity)).toEqual([
      'normal',
      'normal',
      'tightened',
      'tightened',
      'tightened',
      'tightened',
      'tightened',
    ]);
    expect(parsed).toMatchObject({ discontinued: true, discontinuedAfterLot: 7 });
  });

  it('reaches reduced inspection only with --allow-reduced', () => {
    const defects = Array.from({ length: 11 }, () => '0').join(',');
    const severities = (args: string[]) =>
      (
        JSON.parse(jsonLine([...base, '--defects', defects, ...args])) as {
          lots: { severity: string; switchingScore: number }[];
        }
      ).lots.map((l) => `${l.severity}:${l.switchingScore}`);
    expect(severities([]).at(-1)).toBe('normal:33');
    expect(severities(['--allow-reduced']).slice(-2)).toEqual(['normal:30', 'reduced:0']);
  });
});

describe('qcs sampling usage errors', () => {
  it.each([
    [['plan', '--level', 'II', '--aql', '1.0'], /--lot-size/],
    [['plan', '--lot-size', '0', '--level', 'II', '--aql', '1.0'], /--lot-size must be/],
    [['plan', '--lot-size', '100', '--level', 'IV', '--aql', '1.0'], /not an inspection level/],
    [['plan', '--lot-size', '100', '--level', 'II', '--aql', '1.2'], /AQL 1.2 is not in/],
    [['plan', '--lot-size', '100', '--level', 'II', '--aql', '25'], /AQL 25 is not in/],
    [
      ['plan', '--lot-size', '100', '--level', 'II', '--aql', '1.0', '--severity', 'x'],
      /not an inspection severity/,
    ],
    [['simulate', '--lot-size', '100', '--level', 'II', '--aql', '1.0'], /--accepted .* --defects/],
    [
      [
        'simulate',
        '--lot-size',
        '100',
        '--level',
        'II',
        '--aql',
        '1.0',
        '--accepted',
        '1',
        '--defects',
        '0',
      ],
      /not both/,
    ],
    [
      ['simulate', '--lot-size', '100', '--level', 'II', '--aql', '1.0', '--accepted', '1,yes'],
      /lot 2 is "yes"/,
    ],
    [
      ['simulate', '--lot-size', '100', '--level', 'II', '--aql', '1.0', '--defects', '0,-1'],
      /lot 2 is "-1"/,
    ],
    [
      ['simulate', '--lot-size', '100', '--level', 'II', '--aql', '1.0', '--defects', '0,99'],
      /only 13 units were inspected/,
    ],
    [['simulate', '--lot-size', '100', '--level', 'S-9', '--aql', '1.0', '--defects', '0'], /S-9/],
  ])('%j exits 2 with one line', (args, message) => {
    const r = runCli(['sampling', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
