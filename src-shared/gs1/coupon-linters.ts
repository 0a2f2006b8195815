/**
 * North American coupon structures carried in AI (8110) (couponcode) and AI (8112)
 * (couponposoffer): digit strings made of fields whose lengths are announced by a preceding
 * "VLI" digit (North American Coupon Application Guideline using GS1 DataBar; the field order
 * and ranges follow the reference linters of gs1-syntax-engine).
 */
import { yymmdd } from './date-linters';
import { fail, type LintFailure, type Linter } from './lint-result';
import { digitsOnly, gcppos1 } from './linters';

/** A forward-only reader over s[start, end); every method returns a failure or advances. */
class Cursor {
  pos: number;
  constructor(
    readonly s: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  peek(): number {
    return this.s.charCodeAt(this.pos) - 48;
  }

  problem(what: string): LintFailure {
    return fail('invalid-content', Math.min(this.pos, this.end), `coupon data: ${what}`);
  }

  /** Reads one digit that must satisfy `ok`; fails as `missing` or `invalid`. */
  digit(what: string, ok: (d: number) => boolean): number | LintFailure {
    if (this.done) return this.problem(`${what} is missing`);
    const d = this.peek();
    if (!ok(d)) return this.problem(`${what} ${d} is not allowed`);
    this.pos++;
    return d;
  }

  /** Skips `len` digits of a field, failing if the data ends first. */
  take(len: number, what: string): LintFailure | null {
    if (this.end - this.pos < len) return this.problem(`${what} is truncated`);
    this.pos += len;
    return null;
  }

  /** A company prefix of `len` digits, checked as gcppos1. */
  companyPrefix(len: number, what: string): LintFailure | null {
    const from = this.pos;
    return this.take(len, what) ?? gcppos1(this.s, from, from + len);
  }
}

const range =
  (lo: number, hi: number) =>
  (d: number): boolean =>
    d >= lo && d <= hi;
const requirementCode = (d: number): boolean => d <= 4 || d === 9;
const anyDigit = (): boolean => true;

/** A purchase requirement: VLI 1-5 + value, code 0-4/9, family code of 3 digits. */
function purchase(c: Cursor, nth: string): LintFailure | null {
  const vli = c.digit(`${nth} purchase requirement length`, range(1, 5));
  if (typeof vli !== 'number') return vli;
  const value = c.take(vli, `${nth} purchase requirement`);
  if (value) return value;
  const code = c.digit(`${nth} purchase requirement code`, requirementCode);
  if (typeof code !== 'number') return code;
  return c.take(3, `${nth} purchase family code`);
}

/** A further purchase's company prefix: VLI 0-6 (length + 6) or 9 (same as the first). */
function purchaseCompany(c: Cursor, nth: string): LintFailure | null {
  const vli = c.digit(`${nth} purchase company prefix length`, (d) => d <= 6 || d === 9);
  if (typeof vli !== 'number') return vli;
  return vli === 9 ? null : c.companyPrefix(vli + 6, `${nth} purchase company prefix`);
}

function optionalFields(c: Cursor): LintFailure | null {
  if (!c.done && c.peek() === 1) {
    c.pos++;
    const rules = c.digit('additional purchase rules code', range(0, 3));
    if (typeof rules !== 'number') return rules;
    const err = purchase(c, '2nd') ?? purchaseCompany(c, '2nd');
    if (err) return err;
  }
  if (!c.done && c.peek() === 2) {
    c.pos++;
    const err = purchase(c, '3rd') ?? purchaseCompany(c, '3rd');
    if (err) return err;
  }
  let expiry = -1;
  if (!c.done && c.peek() === 3) {
    c.pos++;
    expiry = c.pos;
    const short = c.take(6, 'expiration date');
    if (short) return short;
    if (yymmdd(c.s, expiry, expiry + 6)) return c.problem('expiration date is not a real date');
  }
  if (!c.done && c.peek() === 4) {
    c.pos++;
    const startDate = c.pos;
    const short = c.take(6, 'start date');
    if (short) return short;
    if (yymmdd(c.s, startDate, startDate + 6)) return c.problem('start date is not a real date');
    const starts = c.s.slice(startDate, startDate + 6);
    if (expiry >= 0 && starts > c.s.slice(expiry, expiry + 6)) {
      return c.problem('expiration date is before the start date');
    }
  }
  if (!c.done && c.peek() === 5) {
    c.pos++;
    const vli = c.digit('serial number length', anyDigit);
    if (typeof vli !== 'number') return vli;
    const err = c.take(vli + 6, 'serial number');
    if (err) return err;
  }
  if (!c.done && c.peek() === 6) {
    c.pos++;
    const vli = c.digit('retailer company prefix/GLN length', range(1, 7));
    if (typeof vli !== 'number') return vli;
    const err = c.companyPrefix(vli + 6, 'retailer company prefix/GLN');
    if (err) return err;
  }
  if (!c.done && c.peek() === 9) {
    c.pos++;
    for (const [what, ok] of [
      ['save value code', (d: number) => d <= 2 || d === 5 || d === 6],
      ['save value applies-to-item', range(0, 2)],
      ['store coupon flag', anyDigit],
      ["don't multiply flag", range(0, 1)],
    ] as const) {
      const d = c.digit(what, ok);
      if (typeof d !== 'number') return d;
    }
  }
  return c.done ? null : c.problem('unexpected data at the end');
}

/** AI (8110): GCP, offer code, save value, 1st purchase, then optional fields 1-6 and 9. */
export const couponCode: Linter = (s, start, end) => {
  const nonDigit = digitsOnly(s, start, end);
  if (nonDigit) return nonDigit;
  const c = new Cursor(s, start, end);
  const gcpVli = c.digit('company prefix length', range(0, 6));
  if (typeof gcpVli !== 'number') return gcpVli;
  const head = c.companyPrefix(gcpVli + 6, 'company prefix') ?? c.take(6, 'offer code');
  if (head) return head;
  const saveVli = c.digit('save value length', range(1, 5));
  if (typeof saveVli !== 'number') return saveVli;
  return c.take(saveVli, 'save value') ?? purchase(c, '1st') ?? optionalFields(c);
};

/** AI (8112): format code 0/1, funder (VLI 0-6), offer code, serial (VLI 0-9). */
export const couponPosOffer: Linter = (s, start, end) => {
  const nonDigit = digitsOnly(s, start, end);
  if (nonDigit) return nonDigit;
  const c = new Cursor(s, start, end);
  const format = c.digit('format code', range(0, 1));
  if (typeof format !== 'number') return format;
  const funderVli = c.digit('funder length', range(0, 6));
  if (typeof funderVli !== 'number') return funderVli;
  const body = c.take(funderVli + 6, 'funder ID') ?? c.take(6, 'offer code');
  if (body) return body;
  const serialVli = c.digit('serial number length', anyDigit);
  if (typeof serialVli !== 'number') return serialVli;
  return c.take(serialVli + 6, 'serial number') ?? (c.done ? null : c.problem('unexpected data'));
};
