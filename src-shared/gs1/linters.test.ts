import { describe, expect, it } from 'vitest';
import { GS1_LINTER_NAMES, type Gs1LinterName } from './dictionary';
import { LINTERS } from './linter-registry';
import { checkPair } from './linters';

/** The failure text of a linter on a whole string, or null when it passes. */
function lint(name: Gs1LinterName, value: string): string | null {
  return LINTERS[name](value, 0, value.length)?.text ?? null;
}

const CASES: Record<Gs1LinterName, { valid: string[]; invalid: string[] }> = {
  csum: {
    valid: ['09506000134352', '106141411234567897', '0'],
    invalid: ['09506000134357', '1A', ''],
  },
  csumalpha: {
    valid: ['1987654Ad4X4bL5ttr2310c2K', '22'],
    invalid: ['1987654Ad4X4bL5ttr2310c2L', '23', 'A', '12345 AB'],
  },
  gcppos1: { valid: ['1234', '1234ABC'], invalid: ['123', '12A4', 'ABCD'] },
  gcppos2: { valid: ['01234', '9123456'], invalid: ['0123', 'X12A4'] },
  yymmd0: {
    valid: ['270315', '270300', '280229', '000229'],
    invalid: ['270229', '271301', '270001', '270231', '27031', '2703AA'],
  },
  yymmdd: { valid: ['270315', '280229'], invalid: ['270300', '270431', '991232'] },
  yyyymmdd: {
    valid: ['20000229', '24000229', '20261231'],
    invalid: ['19000229', '21000229', '20260100', '2026123'],
  },
  yyyymmd0: { valid: ['20260200', '20240229'], invalid: ['20250229', '20261300'] },
  hh: { valid: ['00', '23'], invalid: ['24', '2', 'A1'] },
  mi: { valid: ['00', '59'], invalid: ['60', '5'] },
  ss: { valid: ['00', '59'], invalid: ['60', '099'] },
  hhmi: { valid: ['0000', '2359'], invalid: ['2400', '2360', '123'] },
  iso3166: { valid: ['276', '840', '004'], invalid: ['000', '999', '27', '2760'] },
  iso3166999: { valid: ['999', '276'], invalid: ['998', '000'] },
  iso3166alpha2: { valid: ['DE', 'US', 'GB'], invalid: ['XK', 'de', 'D', 'DEU'] },
  iso4217: { valid: ['978', '840', '999'], invalid: ['000', '001', '97'] },
  iso5218: { valid: ['0', '1', '2', '9'], invalid: ['3', '10', ''] },
  iban: {
    valid: ['GB82WEST12345698765432', 'DE89370400440532013000', 'NO9386011117947'],
    invalid: [
      'GB82WEST12345698765433', // checksum
      'GB82WEST1234569876543', // 21 characters: GB IBANs have 22
      'XX82WEST12345698765432', // not a country
      'GB82west12345698765432', // lower case
      'GB82WEST1',
    ],
  },
  yesno: { valid: ['0', '1'], invalid: ['2', '00'] },
  zero: { valid: ['0'], invalid: ['1', ''] },
  nonzero: { valid: ['0001', '9'], invalid: ['0000', '0'] },
  winding: { valid: ['0', '1', '9'], invalid: ['2', '8'] },
  nozeroprefix: { valid: ['1', '120'], invalid: ['0', '0123'] },
  hasnondigit: { valid: ['12A', 'A'], invalid: ['123', ''] },
  hyphen: { valid: ['-'], invalid: ['+', ''] },
  pieceoftotal: { valid: ['0102', '0202', '12'], invalid: ['0201', '0001', '0100', '010'] },
  posinseqslash: {
    valid: ['1/2', '2/2', '9/10'],
    invalid: ['2/1', '0/1', '1/02', '10/9', '/1', '1/', '12'],
  },
  pcenc: { valid: ['ABC%20D', 'A%2f', 'plain'], invalid: ['AB%2', 'AB%ZZ', '%'] },
  latitude: { valid: ['0000000000', '1800000000'], invalid: ['1800000001', '180000000'] },
  longitude: { valid: ['3600000000'], invalid: ['3600000001', 'A600000000'] },
  importeridx: { valid: ['A', '-', '_', '7'], invalid: ['*', 'AB'] },
  mediatype: { valid: ['01', '10', '80', '99'], invalid: ['00', '11', '79', '1'] },
  packagetype: { valid: ['1A', 'BX', '8', 'ZZ', 'RB1'], invalid: ['XYZ', 'bx', ''] },
  couponcode: {
    valid: [
      '0614141123456250110999',
      '06141411234562501109993271231',
      '061414112345625011099950123456',
    ],
    invalid: [
      '0614141123456050110999', // save value length 0
      '0614141123456250110999X', // not digits
      '06141411234562501109993271331', // expiry month 13
      '06141411234562501109993271231' + '4280101', // starts after it expires
      '06141411234562501109997', // unknown trailing field
      '061414112345', // truncated offer code
    ],
  },
  couponposoffer: {
    valid: ['00614141123456' + '0123456', '10614141123456' + '9123456789012345'],
    invalid: ['20614141123456' + '0123456', '0061414112345601234567', '07'],
  },
  cset82: { valid: ['ABC!"%&\'()*+,-./:;<=>?_z', '0'], invalid: ['AB C', '#', 'é', '\x1d'] },
  cset39: { valid: ['AB#-/9'], invalid: ['ab', 'A_B'] },
  cset64: { valid: ['ABC-_', '12=', '1==', 'abc'], invalid: ['123=', '===', 'AB+', 'A=B'] },
  csetnumeric: { valid: ['0123456789'], invalid: ['12A', '1 2'] },
};

describe('linters', () => {
  for (const name of GS1_LINTER_NAMES) {
    const { valid, invalid } = CASES[name];
    describe(name, () => {
      it.each(valid)(`accepts %j`, (value) => expect(lint(name, value)).toBeNull());
      it.each(invalid)(`rejects %j`, (value) => expect(lint(name, value)).not.toBeNull());
    });
  }

  it('covers every linter name', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(LINTERS).sort());
  });

  it('says what is wrong, in words', () => {
    expect(lint('csum', '09506000134357')).toBe('check digit is wrong: expected 2, got 7');
    expect(lint('csumalpha', '1987654Ad4X4bL5ttr2310c2L')).toBe(
      'check characters are wrong: expected 2K, got 2L',
    );
    expect(lint('yymmd0', '270231')).toBe('270231 is not a real date');
    expect(lint('iso3166', '999')).toBe('999 is not an ISO 3166 country code');
    expect(lint('cset82', 'AB#')).toBe("has '#', which GS1 does not allow");
  });

  it('checks only the given range of a longer string', () => {
    expect(LINTERS.csum('xx09506000134352yy', 2, 16)).toBeNull();
    expect(LINTERS.csum('xx09506000134357yy', 2, 16)?.position).toBe(15);
  });

  it('computes the GS1 check pair (General Specifications §7.9.5)', () => {
    expect(checkPair('1987654Ad4X4bL5ttr2310c', 0, 23)).toBe('2K');
  });
});
