/**
 * interpretGs1: the business meaning of parsed fields, for intake (GTIN, lot, dates, counts,
 * weights). The first occurrence of an AI wins; values that do not convert are left out rather
 * than guessed (the parse result's errors already say why).
 */
import { gs1DateToIso, yearOf } from './dates';
import { aiTable } from './dictionary';
import type { Gs1Field, Gs1Interpretation, Gs1InterpretOptions, Gs1Measure } from './types';

/** Titles such as 'NET WEIGHT (kg)', 'LENGTH (m), log', 'NET VOLUME (qt (US))'. */
const TITLE_WITH_UNIT = /^(.*?) \((.*)\)(?:, log)?$/;

/** AIs 31nn-36nn: six digits with the decimal point `n` places from the right (GS1 GenSpecs). */
function measureOf(field: Gs1Field): Gs1Measure | undefined {
  const { ai, value } = field;
  if (ai.length !== 4 || ai < '3100' || ai > '3699' || !/^\d{6}$/.test(value)) return undefined;
  const decimals = Number(ai.charAt(3));
  if (decimals > 5) return undefined;
  const number = Number(`${value.slice(0, 6 - decimals)}.${value.slice(6 - decimals)}`);
  const entry = aiTable().byCode.get(ai);
  const title = entry?.title ?? field.title;
  const m = TITLE_WITH_UNIT.exec(title);
  // Logistic measures are the ones the dictionary allows on an SSCC: their req= names (00).
  const logistic = entry?.requires.some((alts) => alts.some((g) => g.includes('00'))) ?? false;
  return { ai, quantity: m?.[1] ?? title, unit: m?.[2] ?? '', logistic, value: number };
}

type DateKey = 'production' | 'packaging' | 'bestBefore' | 'sellBy' | 'expiry';
const DATE_AIS: Readonly<Record<string, DateKey>> = {
  '11': 'production',
  '13': 'packaging',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
};

type TextKey = 'gtin' | 'sscc' | 'lot' | 'serial' | 'contentGtin' | 'variant' | 'cpv';
const TEXT_AIS: Readonly<Record<string, TextKey>> = {
  '00': 'sscc',
  '01': 'gtin',
  '02': 'contentGtin',
  '10': 'lot',
  '20': 'variant',
  '21': 'serial',
  '22': 'cpv',
};

export function interpretGs1(
  fields: readonly Gs1Field[],
  options?: Gs1InterpretOptions,
): Gs1Interpretation {
  const out: Gs1Interpretation = {};
  let currentYear: number | undefined;
  for (const field of fields) {
    const textKey = TEXT_AIS[field.ai];
    if (textKey) {
      out[textKey] ??= field.value;
      continue;
    }
    const dateKey = DATE_AIS[field.ai];
    if (dateKey) {
      currentYear ??= yearOf(options?.today);
      const iso = out[dateKey] === undefined ? gs1DateToIso(field.value, currentYear) : undefined;
      if (iso !== undefined) out[dateKey] = iso;
      continue;
    }
    if (field.ai === '30' || field.ai === '37') {
      if (out.count === undefined && /^\d{1,8}$/.test(field.value)) out.count = Number(field.value);
      continue;
    }
    if (field.ai === '7003' && /^\d{10}$/.test(field.value) && out.expiry === undefined) {
      // (7003) expiry date and time: its date stands in for a missing (17).
      currentYear ??= yearOf(options?.today);
      const date = gs1DateToIso(field.value.slice(0, 6), currentYear);
      if (date && !fields.some((f) => f.ai === '17')) out.expiry = date;
      continue;
    }
    const measure = measureOf(field);
    if (measure) {
      (out.measures ??= []).push(measure);
      if (field.ai.startsWith('310')) out.netWeightKg ??= measure.value;
      if (field.ai.startsWith('330')) out.grossWeightKg ??= measure.value;
    }
  }
  return out;
}
