import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';
import { encodeScan, parseScanLines } from './scanner';

let dir: ReturnType<typeof tempDir>;
let scansFile: string;
let emptyFile: string;

beforeAll(() => {
  dir = tempDir();
  scansFile = join(dir.path, 'scans.txt');
  writeFileSync(scansFile, '4006381333931\n');
  emptyFile = join(dir.path, 'empty.txt');
  writeFileSync(emptyFile, '# only a comment\n\n   \n');
});
afterAll(() => dir.cleanup());

describe('parseScanLines', () => {
  it('reads one scan per line and turns \\x1d, <GS> and {GS} into ASCII 29', () => {
    const text = [
      ']C1010950600013435210ABC\\x1d17261231',
      ']d2010950600013435217261231<GS>10LOT<gs>21SN',
      '0109506000134352{GS}10LOT\\X1D3103000750',
    ].join('\n');
    expect(parseScanLines(text)).toEqual([
      ']C1010950600013435210ABC\x1d17261231',
      ']d2010950600013435217261231\x1d10LOT\x1d21SN',
      '0109506000134352\x1d10LOT\x1d3103000750',
    ]);
  });

  it('skips blank lines and # comments, handles CRLF files and a BOM, keeps inner spaces', () => {
    const text =
      '\uFEFF# deliveries for dock 1\r\n\r\n4006381333931\r\n   \r\n#x\r\nCODE 39 TEXT \r\n';
    expect(parseScanLines(text)).toEqual(['4006381333931', 'CODE 39 TEXT ']);
  });

  it('keeps a # that is not at the start of the line', () => {
    expect(parseScanLines('ABC#123\n #not a comment')).toEqual(['ABC#123', ' #not a comment']);
  });

  it('also spells out RS and EOT for ISO/IEC 15434 envelopes', () => {
    expect(parseScanLines('[)><RS>06<GS>P123{RS}\\x04')).toEqual(['[)>\x1e06\x1dP123\x1e\x04']);
  });

  it('returns nothing for an empty file', () => {
    expect(parseScanLines('')).toEqual([]);
  });
});

describe('encodeScan', () => {
  it('sends the data as UTF-8 followed by the terminator', () => {
    expect([...encodeScan('A\x1dB', 'CR')]).toEqual([0x41, 0x1d, 0x42, 0x0d]);
    expect([...encodeScan('A', 'LF')]).toEqual([0x41, 0x0a]);
    expect([...encodeScan('A', 'CRLF')]).toEqual([0x41, 0x0d, 0x0a]);
    expect([...encodeScan('é', 'CR')]).toEqual([0xc3, 0xa9, 0x0d]);
  });
});

describe('qcs scanner emulate', () => {
  it('has --help', () => {
    const r = runCli(['scanner', 'emulate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: qcs scanner emulate \[options\]/);
    for (const option of ['--port <path>', '--file <scans>', '--rate <n>', '--terminator <t>']) {
      expect(r.stdout).toContain(option);
    }
  });

  // Nine runs of the real CLI: generous on a loaded 2-core CI machine.
  it('answers usage errors with exit code 2 and one line', { timeout: 90_000 }, () => {
    const missingPort = join(dir.path, 'no-such-tty');
    const cases: Array<[string[], RegExp]> = [
      [['scanner', 'emulate', '--file', scansFile], /--port/],
      [['scanner', 'emulate', '--port', missingPort], /--file/],
      [
        ['scanner', 'emulate', '--port', missingPort, '--file', scansFile, '--rate', 'abc'],
        /--rate/,
      ],
      [['scanner', 'emulate', '--port', missingPort, '--file', scansFile, '--rate', '0'], /--rate/],
      [
        ['scanner', 'emulate', '--port', missingPort, '--file', scansFile, '--terminator', 'TAB'],
        /--terminator must be CR, LF or CRLF/,
      ],
      [
        ['scanner', 'emulate', '--port', missingPort, '--file', join(dir.path, 'nope.txt')],
        /no scan file at .*nope\.txt/,
      ],
      [['scanner', 'emulate', '--port', missingPort, '--file', emptyFile], /has no scans/],
      [
        ['scanner', 'emulate', '--port', missingPort, '--file', scansFile],
        /no serial port at .*no-such-tty/,
      ],
      [['scanner', 'nope'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0], args.join(' ')).toMatch(message);
    }
  });

  it('fails with exit code 1 and one line when PATH is not a serial port', () => {
    const notATty = join(dir.path, 'not-a-tty');
    writeFileSync(notATty, '');
    const r = runCli(['scanner', 'emulate', '--port', notATty, '--file', scansFile]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`cannot open ${notATty}: it is not a serial port`);
  });

  it('accepts the terminator in lower case', () => {
    const r = runCli([
      'scanner',
      'emulate',
      '--port',
      join(dir.path, 'no-such-tty'),
      '--file',
      scansFile,
      '--terminator',
      'crlf',
    ]);
    // Gets past option parsing to the missing port.
    expect(r.stderr).toMatch(/no serial port/);
  });
});
