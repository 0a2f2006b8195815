/**
 * How the engine names an AI in a message. Inspectors know "GTIN" and "expiry date", not
 * "(17) USE BY or EXPIRY": the few AIs they meet daily get a plain name, every other AI is named
 * by its number and dictionary title. These are labels for messages only, not AI definitions.
 */
import type { AiDefinition } from './dictionary';

const PLAIN_NAMES: Readonly<Record<string, string>> = {
  '00': 'SSCC',
  '01': 'GTIN',
  '02': 'Content GTIN (02)',
  '03': 'Made-to-order GTIN (03)',
  '10': 'Batch/lot (10)',
  '11': 'Production date (11)',
  '12': 'Due date (12)',
  '13': 'Packaging date (13)',
  '15': 'Best-before date (15)',
  '16': 'Sell-by date (16)',
  '17': 'Expiry date (17)',
  '20': 'Variant (20)',
  '21': 'Serial number (21)',
  '22': 'CPV (22)',
  '30': 'Count (30)',
  '37': 'Count (37)',
  '414': 'GLN (414)',
};

/** The subject of a sentence about an AI, e.g. "Expiry date (17)" or "AI (7006) FIRST FREEZE DATE". */
export function aiSubject(ai: string, title: string): string {
  return PLAIN_NAMES[ai] ?? (title ? `AI (${ai}) ${title}` : `AI (${ai})`);
}

export function subjectOf(def: AiDefinition): string {
  return aiSubject(def.ai, def.title);
}

/** "14 digits", "1 to 20 characters"… for length messages. */
export function lengthPhrase(def: AiDefinition): string {
  const unit = def.components.every((c) => c.type === 'N') ? 'digits' : 'characters';
  return def.minLength === def.maxLength
    ? `exactly ${def.maxLength} ${unit}`
    : `${def.minLength} to ${def.maxLength} ${unit}`;
}

/** "(31nn)" / "(01)+(21)" for association messages. */
export function patternList(groups: readonly (readonly { text: string }[])[]): string {
  const names = groups.map((g) => g.map((p) => `(${p.text})`).join('+'));
  if (names.length === 1) return names[0] ?? '';
  return `one of ${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}
