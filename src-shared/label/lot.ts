/**
 * The lot after a lot keyword: the first alphanumeric token (dashes and slashes allowed
 * inside), past separators. It must hold a digit: lots always do here, and this keeps words
 * glued to a keyword (`LOTION`, `BATCHES`) from becoming lots. `region` ends where the next
 * keyword starts, which is what cuts `LOTSW0630EXP20270630` after `SW0630`.
 */
export function readLot(region: string): { value: string; offset: number } | null {
  const m = /^[\s:.#-]*([A-Za-z0-9][A-Za-z0-9/-]*)/.exec(region);
  const token = m?.[1]?.replace(/[/-]+$/, '');
  if (!m || !token || !/\d/.test(token) || token.length > 40) return null;
  return { value: token, offset: m[0].length - (m[1]?.length ?? 0) };
}
