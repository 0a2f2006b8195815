/**
 * The parts every printed report shares (refusal slips now; evidence packs and certificates
 * later): an A4 PDFKit document with the station's embedded font, a bilingual title, label/value
 * blocks, a simple table that breaks across pages, signature lines, and a footer with page
 * numbers written once the page count is known.
 *
 * Every string goes through the one embedded font (Noto Sans CJK SC, subset to ASCII, Latin-1,
 * common punctuation and GB 2312; see scripts/make-cjk-font-subset.sh). It carries Latin and
 * Chinese alike, so mixed text such as "Golden Harvest Trading 金禾贸易" needs no font switching,
 * and the PDF prints the same everywhere because nothing depends on installed fonts.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { resourcePath } from '../paths';

export const FONT_FILE = 'NotoSansSC-Subset.otf';
const FONT = 'station-sans';

/** Points (1/72 inch). 50 pt is about 18 mm: inside what every office and dock printer prints. */
export const MARGIN = 50;
const INK = '#000000';
const MUTED = '#555555';
const RULE = '#999999';

/**
 * Printed in place of a character the font lacks (U+25A1 WHITE SQUARE, itself in GB 2312).
 * Without it the character would print as nothing, and PDFKit's text layer loses the rest of
 * the line; a visible box tells the reader that something is missing from a name.
 */
export const MISSING_GLYPH = '□';

interface StationFont {
  data: Buffer;
  covered: ReadonlySet<number>;
}

let loaded: StationFont | null = null;

/** Read once per process: the file is about 2 MB and every report embeds (a subset of) it. */
function stationFont(): StationFont {
  if (!loaded) {
    const data = readFileSync(resourcePath('fonts', FONT_FILE));
    loaded = { data, covered: fontCoverage(data) };
  }
  return loaded;
}

/**
 * The code points an OpenType font maps to a real glyph, from the Windows Unicode subtables of
 * its `cmap` (formats 4 and 12, the ones fonttools writes).
 */
export function fontCoverage(font: Buffer): Set<number> {
  const covered = new Set<number>();
  let cmap = -1;
  for (let i = 0; i < font.readUInt16BE(4); i += 1) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap') {
      cmap = font.readUInt32BE(record + 8);
    }
  }
  if (cmap < 0) throw new Error('The report font has no cmap table');
  const u16 = (at: number) => font.readUInt16BE(at);
  for (let i = 0; i < u16(cmap + 2); i += 1) {
    const record = cmap + 4 + 8 * i;
    if (u16(record) !== 3 || (u16(record + 2) !== 1 && u16(record + 2) !== 10)) continue;
    const table = cmap + font.readUInt32BE(record + 4);
    if (u16(table) === 4) {
      const segments = u16(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const rangeOffsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s += 1) {
        const start = u16(starts + 2 * s);
        const delta = u16(deltas + 2 * s);
        const rangeOffset = u16(rangeOffsets + 2 * s);
        for (let c = start; c <= u16(ends + 2 * s) && c !== 0xffff; c += 1) {
          // idRangeOffset is relative to its own position in the table (OpenType cmap format 4).
          const raw =
            rangeOffset === 0 ? c : u16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
          if ((rangeOffset !== 0 && raw === 0) || ((raw + delta) & 0xffff) === 0) continue;
          covered.add(c);
        }
      }
    } else if (u16(table) === 12) {
      for (let g = 0; g < font.readUInt32BE(table + 12); g += 1) {
        const group = table + 16 + 12 * g;
        const end = font.readUInt32BE(group + 4);
        for (let c = font.readUInt32BE(group); c <= end; c += 1) covered.add(c);
      }
    }
  }
  return covered;
}

export interface ReportOptions {
  /** Document title in the PDF's metadata (what a viewer shows in its title bar). */
  title: string;
  subject?: string;
  /** Metadata author, e.g. "Intake QC Station ST-0001". */
  author: string;
  /** Left part of every page's footer; the right part is "Page n of m". */
  footer: string;
  /** Metadata creation date; defaults to now. */
  createdAt?: Date;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares are normalised, so they need not add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** "2026-11-28 14:05 (UTC+08:00)": the station's wall-clock time, with its offset printed. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())} (${zone})`;
}

type TextOptions = PDFKit.Mixins.TextOptions;

/** A report drawn top to bottom; `finish()` returns the PDF bytes. */
export class ReportDocument {
  /** The underlying PDFKit document, for drawing that these helpers do not cover. */
  readonly doc: PDFKit.PDFDocument;
  private readonly font = stationFont();
  private readonly missing = new Set<string>();
  private readonly bytes: Promise<Buffer>;

  constructor(private readonly options: ReportOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      // Pages stay in memory until finish(), so the footer can say "Page n of m".
      bufferPages: true,
      info: {
        Title: options.title,
        Author: options.author,
        Creator: 'Intake QC Station',
        CreationDate: options.createdAt ?? new Date(),
        ...(options.subject ? { Subject: options.subject } : {}),
      },
    });
    const chunks: Buffer[] = [];
    this.bytes = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.registerFont(FONT, this.font.data);
    this.doc.font(FONT).fillColor(INK);
  }

  /** Characters the font lacks that were printed as MISSING_GLYPH, in order of appearance. */
  get missingCharacters(): string[] {
    return [...this.missing];
  }

  /** `text` with every character the font lacks replaced by MISSING_GLYPH. */
  printable(text: string): string {
    let out = '';
    for (const ch of text) {
      if (ch === '\n' || this.font.covered.has(ch.codePointAt(0) ?? 0)) {
        out += ch;
      } else {
        this.missing.add(ch);
        out += MISSING_GLYPH;
      }
    }
    return out;
  }

  /** Draws text at (x, y), or at the cursor; the one place text reaches the page. */
  text(text: string, x: number, y: number, options: TextOptions): this {
    this.doc.text(this.printable(text), x, y, options);
    return this;
  }

  /** The height `text` will take at the current font size, measured as it will be drawn. */
  heightOf(text: string, options: TextOptions): number {
    return this.doc.heightOfString(this.printable(text), options);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get contentWidth(): number {
    const { width, margins } = this.doc.page;
    return width - margins.left - margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
    return this;
  }

  /**
   * Text drawn bold. The subset has one weight (a second would double the file), so headings
   * are filled and stroked with a hairline, which thickens every stroke as a bold face would.
   */
  private bold(text: string, size: number): void {
    this.doc
      .save()
      .lineWidth(size / 40)
      .strokeColor(INK)
      .fontSize(size);
    this.text(text, this.left, this.doc.y, { width: this.contentWidth, fill: true, stroke: true });
    this.doc.restore();
  }

  /** The report's title in English, then in Chinese, with an optional note at the top right. */
  title(en: string, zh: string, aside?: string): this {
    const top = this.doc.y;
    if (aside) {
      this.doc.fontSize(9).fillColor(MUTED);
      this.text(aside, this.left, top, { width: this.contentWidth, align: 'right' });
      this.doc.fillColor(INK);
      this.doc.y = top;
    }
    this.bold(en, 22);
    this.bold(zh, 20);
    this.doc.moveDown(0.3);
    return this.rule();
  }

  /** A horizontal rule across the content width, with a little space around it. */
  rule(): this {
    const y = this.doc.y + 4;
    this.line(this.left, this.left + this.contentWidth, y, 0.75, RULE);
    this.doc.y = y + 8;
    return this;
  }

  private line(x1: number, x2: number, y: number, width: number, color: string): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke();
    this.doc.restore();
  }

  /** A section heading, both languages on one line ("Reason  拒收原因"). */
  heading(en: string, zh: string): this {
    this.ensureSpace(48);
    this.doc.moveDown(0.6);
    this.bold(`${en}  ${zh}`, 12);
    this.doc.moveDown(0.2);
    return this;
  }

  /** Label/value rows: the label muted in a fixed column, the value wrapping beside it. */
  fields(rows: readonly (readonly [label: string, value: string])[], labelWidth = 160): this {
    const valueX = this.left + labelWidth;
    const valueWidth = this.contentWidth - labelWidth;
    for (const [label, value] of rows) {
      this.doc.fontSize(10.5);
      const height = Math.max(
        this.heightOf(label, { width: labelWidth - 8 }),
        this.heightOf(value, { width: valueWidth }),
      );
      this.ensureSpace(height);
      const y = this.doc.y;
      this.doc.fillColor(MUTED);
      this.text(label, this.left, y, { width: labelWidth - 8 });
      this.doc.fillColor(INK);
      this.text(value, valueX, y, { width: valueWidth });
      this.doc.y = y + height + 4;
    }
    this.doc.x = this.left;
    return this;
  }

  /** A paragraph across the content width. */
  paragraph(text: string, size = 10.5, color = INK): this {
    this.doc.fontSize(size);
    this.ensureSpace(this.heightOf(text, { width: this.contentWidth }));
    this.doc.fillColor(color);
    this.text(text, this.left, this.doc.y, { width: this.contentWidth });
    this.doc.fillColor(INK);
    return this;
  }

  /**
   * A ruled table. Cells wrap; a row never splits across pages, and the header row is repeated
   * at the top of every page the table continues on.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 9.5): this {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const pad = 4;
    const cellWidth = (i: number) => (widths[i] ?? 0) - 2 * pad;
    const rowHeight = (cells: readonly string[]) => {
      this.doc.fontSize(size);
      const heights = cells.map((cell, i) => this.heightOf(cell, { width: cellWidth(i) }));
      return Math.max(...heights) + 2 * pad;
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const height = rowHeight(cells);
      const y = this.doc.y;
      let x = this.left;
      this.doc.fillColor(header ? MUTED : INK);
      cells.forEach((cell, i) => {
        this.text(cell, x + pad, y + pad, { width: cellWidth(i), align: columns[i]?.align });
        x += widths[i] ?? 0;
      });
      this.doc.fillColor(INK);
      this.line(this.left, this.left + this.contentWidth, y + height, header ? 0.75 : 0.4, RULE);
      this.doc.y = y + height;
    };
    const header = columns.map((c) => c.header);
    // The header never ends a page on its own: it needs room for at least one row under it.
    this.ensureSpace(rowHeight(header) + (rows[0] ? rowHeight(rows[0]) : 0));
    drawRow(header, true);
    for (const row of rows) {
      if (this.doc.y + rowHeight(row) > this.bottom) {
        this.doc.addPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.5);
    return this;
  }

  /** Lines to sign on, side by side, each with its caption underneath. */
  signatureLines(captions: readonly string[], space = 42): this {
    const gap = 24;
    const width = (this.contentWidth - gap * (captions.length - 1)) / captions.length;
    this.ensureSpace(space + 30);
    const lineY = this.doc.y + space;
    this.doc.fontSize(9).fillColor(MUTED);
    captions.forEach((caption, i) => {
      const x = this.left + i * (width + gap);
      this.line(x, x + width, lineY, 0.75, INK);
      this.text(caption, x, lineY + 4, { width });
    });
    this.doc.fillColor(INK);
    this.doc.x = this.left;
    return this;
  }

  /** Writes the footers and ends the document; resolves with the PDF bytes. */
  finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const { margins, height } = this.doc.page;
      // Text below the bottom margin would make PDFKit open a new page; the footer sits in the
      // margin, so the margin is lifted while it is written.
      const bottomMargin = margins.bottom;
      margins.bottom = 0;
      const y = height - bottomMargin + 16;
      this.doc.fontSize(8).fillColor(MUTED);
      const options = { lineBreak: false } as const;
      this.text(this.options.footer, this.left, y, { ...options, width: this.contentWidth * 0.75 });
      this.text(`Page ${i - range.start + 1} of ${range.count}`, this.left, y, {
        ...options,
        width: this.contentWidth,
        align: 'right',
      });
      margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.bytes;
  }
}
