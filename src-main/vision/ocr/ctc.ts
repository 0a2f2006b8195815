/**
 * CTC greedy decoding of the recognition model's output: the most likely class at each time
 * step, repeats collapsed, blanks dropped. Class 0 is the blank; class i is classes[i - 1];
 * the last class is a space (PaddleOCR's use_space_char).
 */

/** One decoded character and the time steps it was read at (for spacing, see spacing.ts). */
export interface CtcChar {
  readonly char: string;
  readonly first: number;
  last: number;
  readonly probability: number;
}

export interface DecodedText {
  readonly text: string;
  /** Mean probability of the characters kept (0 when none). */
  readonly confidence: number;
  readonly chars: readonly CtcChar[];
}

/** The character classes: the dictionary's lines (one character each) and a final space. */
export function characterClasses(dictionaryText: string): string[] {
  const lines = dictionaryText.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return [...lines, ' '];
}

/**
 * Decodes item `item` of an output shaped batch × steps × classes. `classes.length + 1` must
 * be the model's class count (the blank comes first).
 */
export function ctcGreedy(
  output: Float32Array,
  item: number,
  steps: number,
  classes: readonly string[],
): DecodedText {
  const width = classes.length + 1;
  const base = item * steps * width;
  const chars: CtcChar[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t += 1) {
    const row = base + t * width;
    let best = 0;
    let bestP = output[row] ?? 0;
    for (let c = 1; c < width; c += 1) {
      const p = output[row + c] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === previous) {
      const current = chars.at(-1);
      if (current) current.last = t;
    } else if (best !== 0) {
      chars.push({ char: classes[best - 1] ?? '', first: t, last: t, probability: bestP });
    }
    previous = best;
  }
  const confidence =
    chars.length === 0 ? 0 : chars.reduce((s, c) => s + c.probability, 0) / chars.length;
  return { text: chars.map((c) => c.char).join(''), confidence, chars };
}
