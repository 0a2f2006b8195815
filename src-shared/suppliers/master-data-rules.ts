/**
 * Checks on master data a QC manager edits at the station, before it becomes an event. Pure:
 * what needs the database (a GTIN used by another SKU, a supplier code taken) is the service's.
 */
import { gtinCheckDigit } from '../gs1';
import { parseIsoDate } from '../util/dates';

export type GtinCheck = { ok: true; gtin: string } | { ok: false; problem: string };

/**
 * A GTIN-8, -12, -13 or -14 as a GTIN-14 (leading zeros), if its check digit holds. Spaces and
 * dashes people type between digit groups are ignored.
 */
export function normalizeGtin(text: string): GtinCheck {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, problem: `"${text}" is not all digits` };
  if (![8, 12, 13, 14].includes(digits.length)) {
    return {
      ok: false,
      problem: `"${text}" has ${digits.length} digits (a GTIN has 8, 12, 13 or 14)`,
    };
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (Number(digits.at(-1)) !== expected) {
    return { ok: false, problem: `${digits}: the check digit should be ${expected}` };
  }
  return { ok: true, gtin: digits.padStart(14, '0') };
}

export interface SupplierDraft {
  documents: readonly { type: string; number: string; validUntil: string }[];
  audits: readonly { date: string; auditor: string; validUntil: string }[];
}

/** Problems with a supplier's documents and audits, in words; empty when there are none. */
export function supplierProblems(s: SupplierDraft): string[] {
  const problems: string[] = [];
  const docs = new Set<string>();
  for (const d of s.documents) {
    const key = `${d.type} ${d.number.trim()}`;
    if (docs.has(key)) problems.push(`document ${key} is listed twice`);
    docs.add(key);
    if (!parseIsoDate(d.validUntil)) problems.push(`${d.type}: ${d.validUntil} is not a date`);
  }
  const audits = new Set<string>();
  for (const a of s.audits) {
    const key = `${a.date} ${a.auditor.trim()}`;
    if (audits.has(key)) problems.push(`the audit of ${key} is listed twice`);
    audits.add(key);
    if (!parseIsoDate(a.date)) problems.push(`audit date ${a.date} is not a date`);
    else if (a.validUntil < a.date) {
      problems.push(`the audit of ${a.date} cannot expire before it took place`);
    }
  }
  return problems;
}

export const PACKAGING_ORDER = ['unit', 'inner', 'case', 'pallet'] as const;
export type PackagingLevelName = (typeof PACKAGING_ORDER)[number];

export interface SkuDraft {
  gtin: string;
  packaging: readonly { gtin: string; level: PackagingLevelName; unitsPer: number }[];
}

export interface NormalizedSku {
  gtin: string;
  packaging: { gtin: string; level: PackagingLevelName; unitsPer: number }[];
}

/**
 * Normalises every GTIN of an SKU and checks the hierarchy: valid check digits, no GTIN twice,
 * a unit level holds one unit, and each larger level holds more units than the one below.
 */
export function checkSku(sku: SkuDraft): { sku: NormalizedSku; problems: string[] } {
  const problems: string[] = [];
  const unit = normalizeGtin(sku.gtin);
  if (!unit.ok) problems.push(`unit GTIN: ${unit.problem}`);
  const seen = new Set<string>(unit.ok ? [unit.gtin] : []);
  const packaging: NormalizedSku['packaging'] = [];
  for (const level of sku.packaging) {
    const g = normalizeGtin(level.gtin);
    if (!g.ok) {
      problems.push(`${level.level} GTIN: ${g.problem}`);
      continue;
    }
    if (seen.has(g.gtin)) problems.push(`GTIN ${g.gtin} is used twice in this SKU`);
    seen.add(g.gtin);
    if (level.level === 'unit' && level.unitsPer !== 1) {
      problems.push(`a unit-level GTIN holds 1 unit, not ${level.unitsPer}`);
    }
    packaging.push({ gtin: g.gtin, level: level.level, unitsPer: level.unitsPer });
  }
  // Sorted by level, units per item must grow: a case cannot hold fewer units than an inner.
  const sorted = [...packaging].sort(
    (a, b) => PACKAGING_ORDER.indexOf(a.level) - PACKAGING_ORDER.indexOf(b.level),
  );
  for (let i = 1; i < sorted.length; i += 1) {
    const lower = sorted[i - 1];
    const upper = sorted[i];
    if (lower && upper && lower.level !== upper.level && upper.unitsPer <= lower.unitsPer) {
      problems.push(
        `a ${upper.level} (${upper.unitsPer} units) must hold more than a ${lower.level} (${lower.unitsPer})`,
      );
    }
  }
  return { sku: { gtin: unit.ok ? unit.gtin : sku.gtin, packaging: sorted }, problems };
}
