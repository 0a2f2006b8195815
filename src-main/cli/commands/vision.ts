import type { Command } from 'commander';
import {
  BARCODE_FORMAT_NAMES,
  parseBarcodeFormat,
  type BarcodeFormatName,
} from '../../../src-shared/vision/formats';
import type { DecodedCode } from '../../../src-shared/vision/barcode-reader';
import { CommandFailed, UsageError } from '../errors';

/** What `--json` prints per file, in this key order. */
export interface VisionDecodeLine {
  file: string;
  codes: { format: BarcodeFormatName; text: string; symbologyIdentifier: string }[];
}

interface DecodeOptions {
  json?: boolean;
  formats?: string;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = { 4: 'EOT', 29: 'GS', 30: 'RS' };

/** Control characters made visible (GS as ⟨GS⟩), so scanned data cannot drive the terminal. */
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

function parseFormats(list: string): BarcodeFormatName[] {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0) throw new UsageError('--formats needs at least one format');
  return names.map((name) => {
    const format = parseBarcodeFormat(name);
    if (!format) {
      throw new UsageError(
        `unknown barcode format "${name}" (known: ${BARCODE_FORMAT_NAMES.join(', ')})`,
      );
    }
    return format;
  });
}

function toLine(file: string, codes: readonly DecodedCode[]): VisionDecodeLine {
  return {
    file,
    codes: codes.map(({ format, rawText, symbologyIdentifier }) => ({
      format,
      text: rawText,
      symbologyIdentifier,
    })),
  };
}

function formatReadable(file: string, codes: readonly DecodedCode[]): string {
  if (codes.length === 0) return `${visible(file)}: no barcode found\n`;
  const list = codes.map((c) => `${c.format} ${visible(c.text)}`).join('; ');
  return `${visible(file)}: ${list}\n`;
}

/**
 * Registers `qcs vision` and its `decode` subcommand; returns the `vision` command so that
 * other subcommands (`qcs vision label`) can be added to it from their own files.
 */
export function registerVision(program: Command): Command {
  const vision = program
    .command('vision')
    .description('Read images as the station camera does: barcodes (and labels)');

  vision
    .command('decode')
    .description(
      'Read the barcodes in image files (JPEG, PNG, WebP) with the camera reader and its hard passes: EAN-13/UPC-A/EAN-8, Code 128 (GS1-128), ITF, DataMatrix, QR; GS1 data keeps its GS separators',
    )
    .argument('<files...>', 'image files')
    .option(
      '--json',
      'print {"file","codes":[{"format","text","symbologyIdentifier"}]} per file, one per line',
    )
    .option(
      '--formats <list>',
      `formats to look for, comma-separated (default: EAN-13,UPC-A,EAN-8,Code128,ITF,DataMatrix,QRCode; also UPC-E)`,
    )
    .action(async (files: string[], opts: DecodeOptions) => {
      const formats = opts.formats === undefined ? undefined : parseFormats(opts.formats);
      const { decodeImageFile, ImageReadError } = await import('../../vision/barcode-decode');
      let failed = 0;
      for (const file of files) {
        try {
          const { codes } = await decodeImageFile(file, formats ? { formats } : {});
          process.stdout.write(
            opts.json ? `${JSON.stringify(toLine(file, codes))}\n` : formatReadable(file, codes),
          );
        } catch (err) {
          if (!(err instanceof ImageReadError)) throw err;
          failed++;
          if (opts.json) process.stdout.write(`${JSON.stringify({ file, error: err.message })}\n`);
          process.stderr.write(`qcs: ${visible(file)}: ${err.message}\n`);
        }
      }
      if (failed > 0) {
        throw new CommandFailed(
          `qcs: ${failed} of ${files.length} ${files.length === 1 ? 'file' : 'files'} could not be read`,
        );
      }
    });

  return vision;
}
