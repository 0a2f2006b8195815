import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Reads the renderer's sources as text (a repository check, so it lives with the scripts: the
// renderer's own code may not touch the file system).

const RENDERER = join(import.meta.dirname, '..', 'src-renderer');
const en = JSON.parse(readFileSync(join(RENDERER, 'i18n', 'en.json'), 'utf8')) as unknown;

/**
 * Text shown as it is in both languages: units and codes of the trade (ISO 2859-1's AQL, Ac and
 * Re; GS1's GTIN and LOT), key names, and example values in input placeholders.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'AQL',
  'Ac',
  'Re',
  'GTIN',
  'LOT',
  'Enter',
  'Tab',
  // The language switch names itself in both languages on purpose: whoever cannot read the
  // current one must still find it.
  'Language / 语言',
]);
/** Example values: an address, a port, units. */
const EXAMPLE_PLACEHOLDER = /^(https?:\/\/\S+|\/dev\/\S+( · COM\d)?|°C, g, mm)$/;
const HUMAN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function where(src: ts.SourceFile, node: ts.Node): string {
  return `${relative(RENDERER, src.fileName)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function hasKey(key: string): boolean {
  const node = key.split('.').reduce<unknown>((n, part) => {
    return typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[part] : undefined;
  }, en);
  if (typeof node === 'string') return true;
  // i18next plurals: t('x', { count }) reads x_one / x_other.
  const parent = key.split('.').slice(0, -1);
  const last = key.split('.').at(-1) ?? '';
  const siblings = parent.reduce<unknown>(
    (n, part) =>
      typeof n === 'object' && n !== null ? (n as Record<string, unknown>)[part] : undefined,
    en,
  );
  return (
    typeof siblings === 'object' &&
    siblings !== null &&
    `${last}_other` in (siblings as Record<string, unknown>)
  );
}

describe('no untranslated text in the screens', () => {
  const files = sources(RENDERER).map(parse);

  it('finds every visible text and human-readable attribute in the catalogues, not in the code', () => {
    const found: string[] = [];
    for (const src of files) {
      walk(src, (n) => {
        if (ts.isJsxText(n)) {
          const text = n.text.trim();
          if (/\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text)) {
            found.push(`${where(src, n)}: "${text}"`);
          }
        }
        if (
          ts.isJsxAttribute(n) &&
          HUMAN_ATTRIBUTES.has(n.name.getText(src)) &&
          n.initializer &&
          ts.isStringLiteral(n.initializer)
        ) {
          const text = n.initializer.text;
          if (
            /\p{L}{2,}/u.test(text) &&
            !EXAMPLE_PLACEHOLDER.test(text) &&
            !SAME_IN_EVERY_LANGUAGE.has(text)
          ) {
            found.push(`${where(src, n)}: ${n.name.getText(src)}="${text}"`);
          }
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("finds every key the code passes to t('…') in the catalogues", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const src of files) {
      walk(src, (n) => {
        if (
          ts.isCallExpression(n) &&
          ts.isIdentifier(n.expression) &&
          n.expression.text === 't' &&
          n.arguments[0] &&
          ts.isStringLiteral(n.arguments[0])
        ) {
          checked += 1;
          const key = n.arguments[0].text;
          if (!hasKey(key)) missing.push(`${where(src, n)}: ${key}`);
        }
      });
    }
    expect(checked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
