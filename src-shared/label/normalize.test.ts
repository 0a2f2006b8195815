import { describe, expect, it } from 'vitest';
import { fixDigitConfusions, prepareLine } from './normalize';

describe('fixDigitConfusions', () => {
  it.each([
    ['2O27-O3-l5', '2027-03-15'],
    ['EXP2O270630', 'EXP20270630'],
    ['I5/O3/2O27', '15/03/2027'],
    ['LOT', 'LOT'],
    ['Oil', 'Oil'],
    ['SWO630', 'SWO630'],
    ['IO lO', 'IO lO'],
    ['2027O630LOT', '20270630LOT'],
    ['NOV 2027', 'NOV 2027'],
  ])('%s → %s', (input, output) => {
    expect(fixDigitConfusions(input)).toBe(output);
  });
});

describe('prepareLine', () => {
  it('keeps the three spellings the same length', () => {
    const line = prepareLine('有效期至：２０２７．０８．０１ lot SWO63O');
    expect(line.base).toBe('有效期至:2027.08.01 lot SWO63O');
    expect(line.upper).toBe('有效期至:2027.08.01 LOT SWO63O');
    expect(line.digits).toBe('有效期至:2027.08.01 LOT SWO630');
    expect(new Set([line.base.length, line.upper.length, line.digits.length]).size).toBe(1);
  });
});
