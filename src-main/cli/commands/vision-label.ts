import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LabelReadingView } from '../../../src-shared/api/domain-vision';
import { localIsoDate } from '../../../src-shared/util/dates';
import { CommandFailed, UsageError } from '../errors';

interface LabelOptions {
  json?: boolean;
  gtin?: string;
  today?: string;
}

/** What `--json` prints: one line, in this key order. */
export type VisionLabelLine = { file: string } & Omit<LabelReadingView, 'ms'>;

function formatReading(r: VisionLabelLine): string {
  const out = [r.file];
  for (const line of r.lines) out.push(`  │ ${line.text}   (${line.confidence.toFixed(2)})`);
  if (r.lines.length === 0) out.push('  (no text found)');
  const rows: [string, string][] = [
    ['Expiry', r.expiry ?? '—'],
    ['Production', r.production ?? '—'],
    ['Lot', r.lot ?? '—'],
  ];
  for (const [label, value] of rows) out.push(`${label.padEnd(10)}  ${value}`);
  for (const w of r.warnings) out.push(`Warning     ${w}`);
  return `${out.join('\n')}\n`;
}

/**
 * Adds `label` to a `vision` command: `qcs vision label FILE [--json] [--gtin G] [--today D]`.
 * The photo is read by the same OCR process and label reader as `vision.readLabel`, without a
 * station (nothing is stored or recorded).
 */
export function registerVisionLabel(vision: Command): void {
  vision
    .command('label')
    .description(
      'Read a photo of a label by OCR: its text lines, and the expiry, production date and lot it prints',
    )
    .argument('<file>', 'a photo of the label (JPEG, PNG, WebP, TIFF…)')
    .option('--json', 'print one JSON object: file, lines, expiry, production, lot, warnings')
    .option(
      '--gtin <gtin>',
      "the SKU's GTIN: its GS1 prefix says whether 03/04/2027 is day or month first",
    )
    .option('--today <date>', 'the date to read the label on, YYYY-MM-DD (default: today)')
    .action(async (file: string, options: LabelOptions) => {
      if (options.gtin !== undefined && !/^(\d{8}|\d{12,14})$/.test(options.gtin)) {
        throw new UsageError(`--gtin must have 8, 12, 13 or 14 digits (got "${options.gtin}")`);
      }
      if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
        throw new UsageError(`--today must be a date as YYYY-MM-DD (got "${options.today}")`);
      }
      if (!existsSync(file) || !statSync(file).isFile()) {
        throw new UsageError(`no such file: ${file}`);
      }
      const image = await readFile(file);
      const { OcrService } = await import('../../vision/ocr/ocr-service');
      const { labelReadingOf } = await import('../../vision/ocr/label-reading');
      const ocr = new OcrService();
      try {
        const result = await ocr.read(image).catch((err: unknown) => {
          throw new CommandFailed(
            `qcs: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
          );
        });
        const reading: VisionLabelLine = {
          file,
          ...labelReadingOf(result.lines, options.today ?? localIsoDate(new Date()), options.gtin),
        };
        process.stdout.write(
          options.json ? `${JSON.stringify(reading)}\n` : formatReading(reading),
        );
      } finally {
        ocr.stop();
      }
    });
}
