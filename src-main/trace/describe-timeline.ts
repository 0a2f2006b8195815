import type { Bilingual } from '../../src-shared/api/domain-intake';
import { describeEvent } from './describe-event';

const DECISIONS: Record<string, string> = { accept: '接收', reject: '拒收', hold: '暂扣' };
const STOCK: Record<string, string> = {
  'in-stock': '在库',
  pulled: '已下架',
  'sold-out': '已售完',
  moved: '已移库',
};
const SEVERITY: Record<string, string> = { normal: '正常', tightened: '加严', reduced: '放宽' };

type Fields = Record<string, unknown>;
const fields = (payload: unknown): Fields =>
  (typeof payload === 'object' && payload !== null ? payload : {}) as Fields;
const text =
  (p: Fields) =>
  (key: string): string =>
    typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : '';

/** One line in each language for an event of a lot's timeline. */
export function describeTimelineEvent(type: string, payload: unknown): Bilingual {
  return { en: describeEventEn(type, payload), zh: describeEventZh(type, payload) };
}

/** describeEvent's English, plus the lot events the log browser leaves as their type. */
function describeEventEn(type: string, payload: unknown): string {
  const p = fields(payload);
  const s = text(p);
  switch (type) {
    case 'scan.recorded':
      return p.outcome === 'counted' && !p.message
        ? `Scan (${s('source')}) counted ${s('units')} units${s('serial') ? `, serial ${s('serial')}` : ''}`
        : describeEvent(type, payload);
    case 'lot.shelf-life-evaluated':
      return `Shelf life: expiry ${s('expiry')}, removal ${s('removalDate')}, ${p.acceptable === true ? 'acceptable' : 'too short'}`;
    case 'lot.stock-changed':
      return `Stock: ${s('status')}${s('locationNote') ? ` at ${s('locationNote')}` : ''}`;
    case 'inspection.started':
      return 'Inspection started';
    case 'inspection.unit-recorded': {
      const photos = Array.isArray(p.photos) ? p.photos.length : 0;
      return `Unit ${s('unitNo')}${s('unitCode') ? ` (${s('unitCode')})` : ''} recorded${photos ? `, ${photos} photo(s)` : ''}`;
    }
    case 'inspection.skipped':
      return `Inspection skipped: ${s('reason')}`;
    case 'lot.returned':
      return `Returned to the supplier: ${s('quantity')} units — ${s('reason')}`;
    default:
      return describeEvent(type, payload);
  }
}

/** The Simplified Chinese line; types the lot page rarely shows fall back to English. */
function describeEventZh(type: string, payload: unknown): string {
  const p = fields(payload);
  const s = text(p);
  switch (type) {
    case 'lot.received':
      return `批次 ${s('lot')}（${s('gtin')}）已收货：${s('quantity')} 件`;
    case 'scan.recorded':
      return p.outcome === 'counted' || (p.outcome === undefined && p.units)
        ? `扫描计数（${s('source')}）：+${s('units')} 件${s('serial') ? `，序列号 ${s('serial')}` : ''}`
        : `扫描（${s('source')}）：${s('data').replaceAll('\x1d', '<GS>')}`;
    case 'lot.shelf-life-evaluated': {
      const reason = p.reason as { zh?: unknown } | undefined;
      const why = typeof reason?.zh === 'string' ? reason.zh : '';
      return `保质期判定：有效期 ${s('expiry')}，下架日 ${s('removalDate')}，${p.acceptable === true ? '可接收' : '不足'}${why ? `（${why}）` : ''}`;
    }
    case 'lot.stock-changed':
      return `库存状态：${STOCK[s('status')] ?? s('status')}${s('locationNote') ? `，位置 ${s('locationNote')}` : ''}`;
    case 'inspection.started':
      return `开始检验`;
    case 'inspection.unit-recorded': {
      const photos = Array.isArray(p.photos) ? p.photos.length : 0;
      return `检验样品 ${s('unitNo')}${s('unitCode') ? `（${s('unitCode')}）` : ''}已记录${photos ? `，照片 ${photos} 张` : ''}`;
    }
    case 'inspection.completed':
      return `检验完成（${SEVERITY[s('severity')] ?? s('severity')}，n=${s('sampleSize')}）：致命 ${s('critical')}，严重 ${s('major')}，轻微 ${s('minor')}`;
    case 'inspection.skipped':
      return `免检：${s('reason')}`;
    case 'lot.decided':
      return `批次判定：${DECISIONS[s('decision')] ?? s('decision')} — ${s('reason')}`;
    case 'lot.returned':
      return `退回供应商：${s('quantity')} 件 — ${s('reason')}`;
    case 'counterfeit.confirmed':
      return `确认假冒`;
    default:
      return describeEventEn(type, payload);
  }
}
