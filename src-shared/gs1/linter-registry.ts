/**
 * Every linter the dictionary can name, by name. `satisfies` makes a linter listed in
 * GS1_LINTER_NAMES without an implementation a type error; the dictionary reader throws on a name
 * outside that list, so a new release with a new linter cannot be silently half-checked.
 */
import { couponCode, couponPosOffer } from './coupon-linters';
import * as D from './date-linters';
import type { Gs1LinterName } from './dictionary';
import type { Linter } from './lint-result';
import * as L from './linters';

export const LINTERS = {
  csum: L.csum,
  csumalpha: L.csumalpha,
  gcppos1: L.gcppos1,
  gcppos2: L.gcppos2,
  yymmdd: D.yymmdd,
  yymmd0: D.yymmd0,
  yyyymmdd: D.yyyymmdd,
  yyyymmd0: D.yyyymmd0,
  hh: D.hh,
  mi: D.mi,
  ss: D.ss,
  hhmi: D.hhmi,
  iso3166: L.iso3166,
  iso3166999: L.iso3166999,
  iso3166alpha2: L.iso3166alpha2,
  iso4217: L.iso4217,
  iso5218: L.iso5218,
  iban: L.iban,
  yesno: L.yesno,
  zero: L.zero,
  nonzero: L.nonzero,
  winding: L.winding,
  nozeroprefix: L.nozeroprefix,
  hasnondigit: L.hasnondigit,
  hyphen: L.hyphen,
  pieceoftotal: L.pieceoftotal,
  posinseqslash: L.posinseqslash,
  pcenc: L.pcenc,
  latitude: L.latitude,
  longitude: L.longitude,
  importeridx: L.importeridx,
  mediatype: L.mediatype,
  packagetype: L.packagetype,
  couponcode: couponCode,
  couponposoffer: couponPosOffer,
  cset82: L.cset82,
  cset39: L.cset39,
  cset64: L.cset64,
  csetnumeric: L.csetNumeric,
} satisfies Record<Gs1LinterName, Linter>;
