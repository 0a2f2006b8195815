/** The public shapes of the GS1 engine's results. */
import type { Gs1Error } from './errors';

export interface Gs1Field {
  ai: string;
  /** The value as carried (Digital Link values percent-decoded, bracketed `\(` unescaped). */
  value: string;
  /** The dictionary title, e.g. 'USE BY or EXPIRY'. */
  title: string;
}

export type Gs1InputForm = 'bracketed' | 'element-string' | 'digital-link' | 'retail' | 'plain';

export interface Gs1ParseResult {
  /** The input as given. */
  input: string;
  /** True when there are no errors. */
  valid: boolean;
  /** 'GS1-128', 'GS1 DataMatrix', 'EAN-13', 'UPC-A', 'UPC-E', 'EAN-8', 'ITF-14', 'GS1 QR Code'…; null when unknown. */
  symbology: string | null;
  /** The ISO/IEC 15424 symbology identifier, e.g. ']d2'; null when the input had none. */
  aimId: string | null;
  form: Gs1InputForm;
  /** In data order (Digital Link: path, then query); retail symbols give one (01) with the GTIN-14. */
  fields: Gs1Field[];
  errors: Gs1Error[];
}

export interface Gs1ParseOptions {
  /**
   * Today's date, YYYY-MM-DD. Accepted for symmetry with interpretGs1; validation does not depend
   * on it, because the reference linters judge two-digit years with a fixed horizon.
   */
  today?: string;
}

/** A measure from AIs 31nn-36nn: the last AI digit is the position of the decimal point. */
export interface Gs1Measure {
  ai: string;
  /** From the dictionary title, e.g. 'NET WEIGHT', 'LENGTH', 'GROSS WEIGHT'. */
  quantity: string;
  /** From the dictionary title, e.g. 'kg', 'lb', 'm', 'l', 'm³'. */
  unit: string;
  /** True for logistic measures (of a whole logistic unit): those the dictionary allows with (00). */
  logistic: boolean;
  value: number;
}

/** The business meaning the station needs from one scan. Dates are ISO YYYY-MM-DD. */
export interface Gs1Interpretation {
  gtin?: string;
  sscc?: string;
  lot?: string;
  serial?: string;
  expiry?: string;
  bestBefore?: string;
  sellBy?: string;
  production?: string;
  packaging?: string;
  /** AI (30) or (37), whichever comes first in the data. */
  count?: number;
  /** AI (310n). */
  netWeightKg?: number;
  /** AI (330n). */
  grossWeightKg?: number;
  /** AI (02): the GTIN of the trade items inside a logistic unit. */
  contentGtin?: string;
  variant?: string;
  cpv?: string;
  /** Every AI 31nn-36nn measure, in data order. */
  measures?: Gs1Measure[];
}

export interface Gs1InterpretOptions {
  /** Today's date, YYYY-MM-DD, for the two-digit-year century rule; defaults to the local date. */
  today?: string;
}
