import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli';

const GS = '\u001d';
const CASE_LABEL = `]C10116920001000018172705171011128A${GS}21C123`;
const DATAMATRIX = `]d201095011010209171725123110ABC123${GS}21XYZ789`;
const PALLET = '(00)340123450000000017(02)09501101020917(37)24';
const DIGITAL_LINK = 'https://id.gs1.org/01/09501101020917/10/AB%2FC?3103=000525&17=251231';

/** The --json lines of a run, parsed; each must be one complete JSON object. */
function jsonLines(stdout: string): unknown[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}

describe('qcs gs1 parse', () => {
  it('prints a table per argument, with GS shown as ⟨GS⟩', () => {
    const r = runCli(['gs1', 'parse', CASE_LABEL, PALLET]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(']C10116920001000018172705171011128A⟨GS⟩21C123');
    expect(r.stdout).not.toContain(GS);
    expect(r.stdout).toContain('GS1-128, element string: valid');
    expect(r.stdout).toMatch(/\(17\)\s+USE BY or EXPIRY\s+270517\n/);
    expect(r.stdout).toMatch(/\(21\)\s+SERIAL\s+C123\n/);
    expect(r.stdout).toContain('bracketed element string: valid');
    expect(r.stdout).toMatch(/\(00\)\s+SSCC\s+340123450000000017\n/);
    expect(r.stdout).toMatch(/\(37\)\s+COUNT\s+24\n/);
  });

  it('prints exactly one JSON object per input, with only the documented keys', () => {
    const r = runCli(['gs1', 'parse', '--json', DATAMATRIX, PALLET]);
    expect(r.status).toBe(0);
    const [first, second] = r.stdout.slice(0, -1).split('\n');
    expect(first).toBe(
      JSON.stringify({
        input: DATAMATRIX,
        valid: true,
        symbology: 'GS1 DataMatrix',
        fields: [
          { ai: '01', value: '09501101020917', title: 'GTIN' },
          { ai: '17', value: '251231', title: 'USE BY or EXPIRY' },
          { ai: '10', value: 'ABC123', title: 'BATCH/LOT' },
          { ai: '21', value: 'XYZ789', title: 'SERIAL' },
        ],
        errors: [],
      }),
    );
    // The raw GS travels as the JSON escape, so one input is always one line.
    expect(first).toContain('ABC123\\u001d21XYZ789');
    expect(JSON.parse(second ?? '')).toEqual({
      input: PALLET,
      valid: true,
      symbology: null,
      fields: [
        { ai: '00', value: '340123450000000017', title: 'SSCC' },
        { ai: '02', value: '09501101020917', title: 'CONTENT' },
        { ai: '37', value: '24', title: 'COUNT' },
      ],
      errors: [],
    });
    expect(r.stdout.split('\n')).toHaveLength(3);
  });

  it('reads one scan per line with --stdin: raw GS bytes kept, CR/LF stripped', () => {
    const unbracketed = `0109501101020917${GS}10LOT7${GS}21S1`;
    const stdin = [`${CASE_LABEL}\r\n`, `${unbracketed}\n`, '\n', `${DATAMATRIX}\r`, `${PALLET} `];
    const r = runCli(['gs1', 'parse', '--stdin', '--json'], stdin.join(''));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout) as { input: string; valid: boolean; fields: unknown[] }[];
    expect(lines.map((l) => l.input)).toEqual([
      CASE_LABEL,
      unbracketed,
      '',
      DATAMATRIX,
      `${PALLET} `,
    ]);
    expect(lines.map((l) => l.valid)).toEqual([true, true, false, true, false]);
    // Unbracketed data without an AIM id is an element string with FNC1-in-first implied.
    expect(lines[1]).toMatchObject({
      symbology: null,
      fields: [
        { ai: '01', value: '09501101020917' },
        { ai: '10', value: 'LOT7' },
        { ai: '21', value: 'S1' },
      ],
    });
    expect(lines[2]).toMatchObject({ errors: [{ code: 'empty-input' }] });
    // Only the line break is stripped: a trailing space is part of the scan (and not GS1 data).
    expect(lines[4]).toMatchObject({ errors: [{ code: 'invalid-character', ai: '37' }] });
  });

  it('reads a GS1 Digital Link URI: path first, then query, values decoded', () => {
    const r = runCli(['gs1', 'parse', '--json', DIGITAL_LINK]);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([
      {
        input: DIGITAL_LINK,
        valid: true,
        symbology: null,
        fields: [
          { ai: '01', value: '09501101020917', title: 'GTIN' },
          { ai: '10', value: 'AB/C', title: 'BATCH/LOT' },
          { ai: '3103', value: '000525', title: 'NET WEIGHT (kg)' },
          { ai: '17', value: '251231', title: 'USE BY or EXPIRY' },
        ],
        errors: [],
      },
    ]);
  });

  it('reports invalid data as data (exit 0, valid:false, errors), not as a failure', () => {
    const badCheckDigit = '(00)340123450000000012(02)09501101020917(37)24';
    const badDate = `]C10109501101020917171313321010A`;
    const json = runCli(['gs1', 'parse', '--json', badCheckDigit, badDate, ']C1abc']);
    expect(json.status).toBe(0);
    const [sscc, date, junk] = jsonLines(json.stdout);
    expect(sscc).toMatchObject({ valid: false, errors: [{ code: 'check-digit', ai: '00' }] });
    expect(date).toMatchObject({ valid: false, errors: [{ code: 'invalid-date', ai: '17' }] });
    expect(junk).toMatchObject({ valid: false, fields: [], errors: [{ code: 'unknown-ai' }] });

    const human = runCli(['gs1', 'parse', badCheckDigit]);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('INVALID (1 error)');
    expect(human.stdout).toMatch(/✗ SSCC check digit is wrong: expected 7, got 2 \(AI 00, at/);
  });

  it('answers usage mistakes with exit code 2 and one line', () => {
    for (const [args, message] of [
      [['gs1', 'parse'], /no GS1 data/],
      [['gs1', 'parse', '--json'], /no GS1 data/],
      [['gs1', 'parse', '--stdin', CASE_LABEL], /not both/],
      [['gs1', 'parse', '--bogus', CASE_LABEL], /unknown option/],
    ] as const) {
      const r = runCli(args, '');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
