import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultShelfLifeSettings } from '../../../src-shared/shelf-life/settings';
import type { ShelfLifeSettings } from '../../../src-shared/shelf-life/settings';
import { localIsoDate } from '../../../src-shared/util/dates';
import { openStationCore } from '../../station';
import { SYSTEM_ACTOR } from '../../store/event-log';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';

/** A run that must succeed with one JSON line on stdout: the line, exactly as printed. */
function jsonLine(args: readonly string[]): string {
  const r = runCli(['shelf-life', 'evaluate', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  expect(r.stdout.split('\n')).toHaveLength(2);
  return r.stdout.slice(0, -1);
}

const evaluate = (args: readonly string[]) => JSON.parse(jsonLine(args)) as Record<string, unknown>;

// The example: a 300-day product expiring 2027-06-30, received 192 days before.
const example = ['--shelf-life-days', '300', '--expiry', '2027-06-30', '--received', '2026-12-20'];

describe('qcs shelf-life evaluate', () => {
  it('refuses 192 days left of 300, printing the exact JSON keys in order', () => {
    expect(jsonLine(example)).toBe(
      '{"expiry":"2027-06-30","totalDays":300,"removalWindowDays":60,"removalDate":"2027-05-01",' +
        '"alertDate":"2027-04-17","remainingDays":192,"minRemainingDays":200,"acceptable":false,' +
        '"reason":"192 days left, 200 required (2/3 of 300)"}',
    );
    expect(Object.keys(evaluate(example))).toEqual([
      'expiry',
      'totalDays',
      'removalWindowDays',
      'removalDate',
      'alertDate',
      'remainingDays',
      'minRemainingDays',
      'acceptable',
      'reason',
    ]);
  });

  it('prints every field, the reason and the verdict without --json', () => {
    const r = runCli(['shelf-life', 'evaluate', ...example]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Expiry\s+2027-06-30$/m);
    expect(r.stdout).toMatch(/^Total shelf life\s+300 days$/m);
    expect(r.stdout).toMatch(/^Received\s+2026-12-20$/m);
    expect(r.stdout).toMatch(/^Removal window\s+60 days$/m);
    expect(r.stdout).toMatch(/^Removal date\s+2027-05-01$/m);
    expect(r.stdout).toMatch(/^Alert date\s+2027-04-17$/m);
    expect(r.stdout).toMatch(/^Remaining\s+192 days$/m);
    expect(r.stdout).toMatch(/^Minimum remaining\s+200 days$/m);
    expect(r.stdout).toMatch(/^Rules\s+head-office defaults$/m);
    expect(r.stdout).toMatch(/^Reason\s+192 days left, 200 required \(2\/3 of 300\)$/m);
    expect(r.stdout).toMatch(/^Verdict\s+REFUSE\n$/m);
    // Eight days earlier the same lot has 200 days left: exactly the minimum, accepted.
    const accepted = runCli([
      'shelf-life',
      'evaluate',
      ...example.slice(0, 4),
      '--received',
      '2026-12-12',
    ]);
    expect(accepted.stdout).toMatch(
      /^Reason\s+200 days left, at least 200 required \(2\/3 of 300\)$/m,
    );
    expect(accepted.stdout).toMatch(/^Verdict\s+ACCEPT$/m);
  });

  it('computes the expiry from the production date: production + shelf-life days', () => {
    const args = ['--shelf-life-days', '180', '--production', '2026-10-01'];
    const value = evaluate([...args, '--received', '2026-10-05']);
    // 2026-10-01 + 180 days = 2027-03-30; 176 days left ≥ 120 (2/3 of 180) and > 45.
    expect(value).toMatchObject({
      expiry: '2027-03-30',
      totalDays: 180,
      removalWindowDays: 45,
      removalDate: '2027-02-13',
      alertDate: '2027-01-30',
      remainingDays: 176,
      minRemainingDays: 120,
      acceptable: true,
      reason: '176 days left, at least 120 required (2/3 of 180)',
    });
    const text = runCli(['shelf-life', 'evaluate', ...args, '--received', '2026-10-05']);
    expect(text.stdout).toMatch(/^Production\s+2026-10-01$/m);
    expect(text.stdout).toMatch(/^Expiry\s+2027-03-30 \(production \+ 180 days\)$/m);
  });

  it('takes the total shelf life from the two dates when both are given', () => {
    const value = evaluate([
      '--shelf-life-days',
      '300',
      '--production',
      '2026-07-01',
      '--expiry',
      '2027-01-27',
      '--received',
      '2026-07-11',
    ]);
    // 2026-07-01 → 2027-01-27 is 210 days, which picks the 180–269 band (45 days).
    expect(value).toMatchObject({ expiry: '2027-01-27', totalDays: 210, removalWindowDays: 45 });
  });

  it('reads a month-only expiry as the last day of the month, in both forms', () => {
    const base = ['--shelf-life-days', '365', '--received', '2026-04-01'];
    const dashed = evaluate([...base, '--expiry', '2027-03']);
    const slashed = evaluate([...base, '--expiry', '03/2027']);
    expect(dashed).toMatchObject({ expiry: '2027-03-31', remainingDays: 364, acceptable: true });
    expect(slashed).toEqual(dashed);
    expect(
      evaluate(['--shelf-life-days', '28', '--expiry', '2028-02', '--received', '2028-02-01']),
    ).toMatchObject({ expiry: '2028-02-29', remainingDays: 28 });
  });

  it('receives today when --received is not given', () => {
    const today = localIsoDate();
    const value = evaluate(['--shelf-life-days', '300', '--production', today]);
    expect(value).toMatchObject({ totalDays: 300, remainingDays: 300, acceptable: true });
  });

  it('exits 1 with the message when the dates contradict each other', () => {
    const r = runCli([
      'shelf-life',
      'evaluate',
      '--shelf-life-days',
      '300',
      '--production',
      '2027-01-01',
      '--expiry',
      '2026-12-31',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Expiry 2026-12-31 is not after production 2027-01-01: the dates cannot both be right.\n',
    );
  });
});

describe('qcs shelf-life evaluate with a station data directory', () => {
  let dir: ReturnType<typeof tempDir>;
  let dataDir: string;

  beforeAll(() => {
    dir = tempDir();
    dataDir = join(dir.path, 'station');
    // Dairy may be received with half its life left (head office: two thirds).
    const value: ShelfLifeSettings = {
      ...defaultShelfLifeSettings,
      categories: { dairy: { acceptance: { minRemainingFraction: { num: 1, den: 2 } } } },
    };
    const station = openStationCore(dataDir);
    try {
      station.log.append({
        type: 'settings.changed',
        payload: { key: 'shelfLife', value },
        actor: SYSTEM_ACTOR,
        subjects: ['setting:shelfLife'],
      });
    } finally {
      station.close();
    }
  });
  afterAll(() => dir.cleanup());

  it("applies the category's override from the station settings", () => {
    const station = [...example, '--data-dir', dataDir];
    expect(evaluate([...station, '--category', 'dairy'])).toMatchObject({
      remainingDays: 192,
      minRemainingDays: 150,
      acceptable: true,
      reason: '192 days left, at least 150 required (1/2 of 300)',
    });
    // Other categories, no category, or no data directory: the two-thirds default.
    for (const args of [
      [...station, '--category', 'frozen'],
      station,
      [...example, '--category', 'dairy'],
    ]) {
      expect(evaluate(args), args.join(' ')).toMatchObject({
        minRemainingDays: 200,
        acceptable: false,
      });
    }
    const text = runCli(['shelf-life', 'evaluate', ...station, '--category', 'dairy']);
    expect(text.stdout).toContain(`station settings in ${dataDir}, category "dairy" override`);
    expect(text.stdout).toMatch(/^Verdict\s+ACCEPT$/m);
  });

  it('refuses a directory that holds no station, like the other commands', () => {
    const missing = join(dir.path, 'missing');
    const r = runCli(['shelf-life', 'evaluate', ...example, '--data-dir', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`no station data in ${missing}`);
    expect(r.stdout).toBe('');
  });
});

describe('qcs shelf-life evaluate usage errors', () => {
  it.each([
    [['--expiry', '2027-06-30'], /--shelf-life-days/],
    [['--shelf-life-days', 'abc', '--expiry', '2027-06-30'], /--shelf-life-days must be/],
    [['--shelf-life-days', '12.5', '--expiry', '2027-06-30'], /--shelf-life-days must be/],
    [['--shelf-life-days', '0', '--expiry', '2027-06-30'], /--shelf-life-days must be/],
    [['--shelf-life-days', '300'], /--expiry.*--production/],
    [
      ['--shelf-life-days', '300', '--expiry', '2027-02-30'],
      /--expiry takes a date .*"2027-02-30"/,
    ],
    [['--shelf-life-days', '300', '--expiry', '13/2027'], /--expiry takes a date/],
    [['--shelf-life-days', '300', '--production', 'yesterday'], /--production takes a date/],
    [
      ['--shelf-life-days', '300', '--expiry', '2027-06-30', '--received', '2026-12'],
      /--received takes a date as YYYY-MM-DD/,
    ],
    [['--shelf-life-days', '300', '--expiry', '2027-06-30', '--bogus'], /unknown option '--bogus'/],
  ])('%j exits 2 with one line', (args, message) => {
    const r = runCli(['shelf-life', 'evaluate', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
