import { useStation } from '../../store/station-store';

/** Numbers the way the screen's language writes them (grouping, decimals). */
export function formatNumber(n: number, language: string, digits = 0): string {
  return n.toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: digits,
  });
}

export function formatCny(n: number, language: string): string {
  return `¥${formatNumber(n, language, 2)}`;
}

/** A rate from 0 to 1 as a whole percentage; a dash when there is none. */
export function formatRate(rate: number | null, language: string): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, language)} %`;
}

/** ISO dates compare correctly as strings. */
export const isExpired = (validUntil: string, today: string): boolean => validUntil < today;

/** QC managers and admins edit master data and decide standings and penalties; inspectors read. */
export function useIsManager(): boolean {
  return useStation((s) => s.user?.role === 'qc-manager' || s.user?.role === 'admin');
}

/** The station's calendar day (a screen's clock may differ from the station's). */
export function useToday(): string {
  return useStation((s) => s.info?.today ?? new Date().toISOString().slice(0, 10));
}

export const TREND_ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;
