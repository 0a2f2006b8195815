import { describe, expect, it } from 'vitest';
import { barcodeFacts, compareFacts } from './label-compare';

const GS = '\x1d';

describe('label against barcode', () => {
  it('takes the expiry and lot from GS1 data in any form', () => {
    const want = { expiry: '2027-06-30', lot: 'CF77' };
    expect(barcodeFacts(']d20116920003000018172706301' + '0CF77', '2026-11-28')).toEqual(want);
    expect(barcodeFacts('(01)16920003000018(10)CF77(17)270630', '2026-11-28')).toEqual(want);
    expect(barcodeFacts(`]C10116920003000018${'10'}CF77${GS}17270630`, '2026-11-28')).toEqual(want);
    expect(barcodeFacts('(01)16920003000018(15)270600', '2026-11-28')).toEqual({
      expiry: '2027-06-30',
      lot: null,
    });
    expect(barcodeFacts('6920003000018', '2026-11-28')).toEqual({ expiry: null, lot: null });
  });

  it('compares field by field', () => {
    const barcode = { expiry: '2027-06-30', lot: 'CF77' };
    expect(compareFacts({ expiry: '2027-06-30', lot: 'cf 77' }, barcode)).toEqual({
      expiry: 'same',
      lot: 'same',
    });
    expect(compareFacts({ expiry: '2028-06-30', lot: 'CF78' }, barcode)).toEqual({
      expiry: 'differs',
      lot: 'differs',
    });
    expect(compareFacts({ expiry: null, lot: 'CF77' }, { expiry: null, lot: 'CFO77' })).toEqual({
      expiry: 'no-barcode-value',
      lot: 'differs',
    });
    expect(compareFacts({ expiry: null, lot: null }, barcode)).toEqual({
      expiry: 'label-unread',
      lot: 'label-unread',
    });
  });
});
