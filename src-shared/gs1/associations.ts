/**
 * Rules across the AIs of one scan, in the reference engine's order (README "How the reference
 * engine applies the dictionary"): exclusions (`ex=`), requisites (`req=`), repeated AIs, and the
 * (8030) digital-signature rule. Unlike the reference, every violation is reported, not only the
 * first, so an inspector sees everything wrong with a label at once.
 *
 * Scans carry a handful of AIs, so plain nested loops over the fields beat building indexes.
 */
import type { AiEntry, AiPattern } from './dictionary';
import { gs1Error, type Gs1Error } from './errors';
import { aiSubject, patternList, subjectOf } from './messages';

/** One parsed AI with its dictionary entry, as the parsers collect them. */
export interface ParsedAi {
  readonly entry: AiEntry;
  readonly value: string;
  /** Index of the AI in the input, for error positions. */
  readonly position: number;
}

function matches(p: AiPattern, ai: string): boolean {
  return ai.length === p.length && ai.startsWith(p.prefix);
}

/** Some AI other than `self` (an AI never conflicts with, nor satisfies, itself) matches `p`. */
function findOther(items: readonly ParsedAi[], p: AiPattern, self: string): ParsedAi | undefined {
  for (const item of items) {
    if (item.entry.ai !== self && matches(p, item.entry.ai)) return item;
  }
  return undefined;
}

function firstOccurrence(items: readonly ParsedAi[], i: number): boolean {
  const ai = items[i]?.entry.ai;
  for (let j = 0; j < i; j++) if (items[j]?.entry.ai === ai) return false;
  return true;
}

export function checkAssociations(items: readonly ParsedAi[], errors: Gs1Error[]): void {
  const reportedPairs: string[] = [];
  items.forEach((item, i) => {
    if (!firstOccurrence(items, i)) return;
    for (const p of item.entry.excludePatterns) {
      const other = findOther(items, p, item.entry.ai);
      if (!other) continue;
      const key = [item.entry.ai, other.entry.ai].sort().join('|');
      if (reportedPairs.includes(key)) continue;
      reportedPairs.push(key);
      errors.push(
        gs1Error(
          'exclusive-ais',
          `${subjectOf(item.entry)} and ${subjectOf(other.entry)} may not appear together`,
          item.entry.ai,
          other.position,
        ),
      );
    }
  });
  items.forEach((item, i) => {
    if (!firstOccurrence(items, i)) return;
    for (const alternatives of item.entry.requirePatterns) {
      const satisfied = alternatives.some((group) =>
        group.every((p) => findOther(items, p, item.entry.ai) !== undefined),
      );
      if (satisfied) continue;
      errors.push(
        gs1Error(
          'missing-required-ai',
          `${subjectOf(item.entry)} needs ${patternList(alternatives)} in the same scan`,
          item.entry.ai,
          item.position,
        ),
      );
    }
  });
  items.forEach((item, i) => {
    if (!firstOccurrence(items, i)) return;
    for (let j = i + 1; j < items.length; j++) {
      const other = items[j];
      if (other?.entry.ai === item.entry.ai && other.value !== item.value) {
        errors.push(
          gs1Error(
            'repeated-ai-mismatch',
            `${subjectOf(item.entry)} appears twice with different values: ${item.value} and ${other.value}`,
            item.entry.ai,
            other.position,
          ),
        );
        break;
      }
    }
  });
  checkDigitalSignature(items, errors);
}

/** AIs whose optional serial component must be present when (8030) signs the data. */
const SERIALISED_KEYS = ['253', '255', '8003'];

function checkDigitalSignature(items: readonly ParsedAi[], errors: Gs1Error[]): void {
  if (!items.some((item) => item.entry.ai === '8030')) return;
  for (const item of items) {
    if (!SERIALISED_KEYS.includes(item.entry.ai)) continue;
    if (item.value.length > item.entry.minLength) continue;
    errors.push(
      gs1Error(
        'digsig-needs-serial',
        `${subjectOf(item.entry)} must include its serial component when ${aiSubject('8030', 'DIGSIG')} is present`,
        item.entry.ai,
        item.position,
      ),
    );
  }
}
