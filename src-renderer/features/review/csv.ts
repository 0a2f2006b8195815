/**
 * Client-side CSV of what a list shows: RFC 4180, a header row, CRLF line ends, UTF-8 with a
 * BOM so that spreadsheet programs read Chinese — the same rules as the station's own exports.
 */

export type CsvCell = string | number | null;

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or CR) gets a
 * leading apostrophe: reasons and complaints are typed by people, and a CSV must not execute.
 */
function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell)) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(cellText).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Saves CSV text through the browser's download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
