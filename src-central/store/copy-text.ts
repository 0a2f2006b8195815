/**
 * One row of PostgreSQL's COPY text format: tab-separated, `\N` for null, and backslash, tab,
 * newline and carriage return escaped (the only characters the format gives a meaning to).
 */
export function copyTextLine(values: readonly (string | number | null)[]): string {
  return `${values.map(copyTextField).join('\t')}\n`;
}

function copyTextField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}
