import type { Command } from 'commander';
import type { Gs1InputForm, Gs1ParseResult } from '../../../src-shared/gs1';
import { UsageError } from '../errors';

/** What `--json` prints per input: a stable subset of the engine's result, in this key order. */
export interface Gs1ParseLine {
  input: string;
  valid: boolean;
  symbology: string | null;
  fields: { ai: string; value: string; title: string }[];
  errors: Gs1ParseResult['errors'];
}

function toParseLine(r: Gs1ParseResult): Gs1ParseLine {
  return {
    input: r.input,
    valid: r.valid,
    symbology: r.symbology,
    fields: r.fields.map(({ ai, value, title }) => ({ ai, value, title })),
    errors: r.errors,
  };
}

const FORM_LABELS: Readonly<Record<Gs1InputForm, string>> = {
  'element-string': 'element string',
  bracketed: 'bracketed element string',
  'digital-link': 'GS1 Digital Link URI',
  retail: 'retail GTIN',
  plain: 'plain data',
};

const CONTROL_NAMES: Readonly<Record<number, string>> = { 4: 'EOT', 29: 'GS', 30: 'RS' };

/**
 * Control characters made visible: GS is the FNC1 separator people need to see, and printing
 * any other control byte raw would let scanned data move the cursor or recolour the terminal.
 */
function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) {
      out += ch;
      continue;
    }
    const hex = code.toString(16).padStart(2, '0').toUpperCase();
    out += `⟨${CONTROL_NAMES[code] ?? `0x${hex}`}⟩`;
  }
  return out;
}

/** The human-readable report for one input: a header line, an AI table, then the errors. */
function formatParse(r: Gs1ParseResult): string {
  const kind = [r.symbology, FORM_LABELS[r.form]].filter((k) => k !== null).join(', ');
  const n = r.errors.length;
  const status = r.valid ? 'valid' : `INVALID (${n} ${n === 1 ? 'error' : 'errors'})`;
  const lines = [visible(r.input), `  ${kind}: ${status}`];
  if (r.fields.length > 0) {
    const rows = r.fields.map((f) => [`(${f.ai})`, f.title, visible(f.value)] as const);
    const aiWidth = Math.max(2, ...rows.map((row) => row[0].length));
    const titleWidth = Math.max(5, ...rows.map((row) => row[1].length));
    lines.push(`  ${'AI'.padEnd(aiWidth)}  ${'Title'.padEnd(titleWidth)}  Value`);
    for (const [ai, title, value] of rows)
      lines.push(`  ${ai.padEnd(aiWidth)}  ${title.padEnd(titleWidth)}  ${value}`);
  }
  for (const e of r.errors) {
    const where = [
      e.ai === undefined ? null : `AI ${e.ai}`,
      e.position === undefined ? null : `at character ${e.position + 1}`,
    ].filter((w) => w !== null);
    lines.push(`  ✗ ${e.message}${where.length > 0 ? ` (${where.join(', ')})` : ''} [${e.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerGs1(program: Command): void {
  const gs1 = program.command('gs1').description('GS1 barcode data');
  gs1
    .command('parse')
    .description(
      'Parse and fully validate GS1 data: element strings (unbracketed with FNC1 as ASCII 29, or bracketed), with or without an AIM symbology identifier, GS1 Digital Link URIs, EAN/UPC and ITF-14',
    )
    .argument('[data...]', 'one scan per argument')
    .option('--stdin', 'read one scan per line from standard input (raw GS bytes allowed)')
    .option('--json', 'print one JSON object per input, one per line')
    .action(async (data: string[], opts: { stdin?: boolean; json?: boolean }) => {
      if (opts.stdin && data.length > 0)
        throw new UsageError('give GS1 data as arguments or with --stdin, not both');
      if (!opts.stdin && data.length === 0)
        throw new UsageError('no GS1 data: give it as arguments, or use --stdin');
      const { parseGs1 } = await import('../../../src-shared/gs1');
      const print = (input: string) => {
        const r = parseGs1(input);
        process.stdout.write(opts.json ? `${JSON.stringify(toParseLine(r))}\n` : formatParse(r));
      };
      if (!opts.stdin) {
        data.forEach(print);
        return;
      }
      // Line by line as it arrives, so a scanner piped in (`socat /dev/ttyACM0 -`) answers per
      // scan. readline splits at LF, CRLF or a lone CR (the suffixes scanners are set to send)
      // and strips only those; GS bytes and spaces inside a line stay part of the data.
      const { createInterface } = await import('node:readline');
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) print(line);
    });
}
