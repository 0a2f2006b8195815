import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('review CSV', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(
      ['lot', 'why'],
      [
        ['CX9', 'Seal "open", smell'],
        ['L2', 'line one\nline two'],
        [null, 3],
      ],
    );
    expect(csv).toBe(
      '\uFEFFlot,why\r\nCX9,"Seal ""open"", smell"\r\nL2,"line one\nline two"\r\n,3\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("x")', '-12']])).toBe(
      '\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-12\r\n',
    );
  });
});
