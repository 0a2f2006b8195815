/**
 * What a delivery looks like against its advance shipping notice: per line expected vs
 * received, the discrepancies the inspector confirms at closing, and what still waits.
 */
export interface SummaryLineInput {
  gtin: string;
  description: string | null;
  expected: number;
  received: number;
}

export interface SummaryQuarantineInput {
  gtin: string;
  units: number;
  identifiedSkuId: string | null;
}

export type LineState = 'complete' | 'short' | 'over' | 'unexpected' | 'missing';

export interface SummaryLine extends SummaryLineInput {
  difference: number;
  state: LineState;
}

export interface Discrepancy {
  kind: 'short' | 'over' | 'unexpected' | 'missing' | 'unidentified';
  gtin: string;
  expected: number;
  received: number;
  en: string;
  zh: string;
}

export interface DeliverySummary {
  expectedUnits: number;
  receivedUnits: number;
  lines: SummaryLine[];
  discrepancies: Discrepancy[];
  quarantinedUnits: number;
  unidentifiedItems: number;
  lotsAwaitingInspection: number;
}

function lineState(expected: number, received: number): LineState {
  if (expected === 0) return 'unexpected';
  if (received === 0) return 'missing';
  if (received < expected) return 'short';
  if (received > expected) return 'over';
  return 'complete';
}

export function summariseDelivery(
  lines: readonly SummaryLineInput[],
  quarantine: readonly SummaryQuarantineInput[],
  lotsAwaitingInspection: number,
): DeliverySummary {
  const summaryLines = lines.map((l) => ({
    ...l,
    difference: l.received - l.expected,
    state: lineState(l.expected, l.received),
  }));
  const discrepancies: Discrepancy[] = [];
  for (const l of summaryLines) {
    const name = l.description ?? l.gtin;
    switch (l.state) {
      case 'complete':
        break;
      case 'short':
        discrepancies.push({
          kind: 'short',
          gtin: l.gtin,
          expected: l.expected,
          received: l.received,
          en: `${name}: ${l.expected - l.received} short (${l.received} of ${l.expected})`,
          zh: `${name}：短少 ${l.expected - l.received}（实收 ${l.received}，应收 ${l.expected}）`,
        });
        break;
      case 'missing':
        discrepancies.push({
          kind: 'missing',
          gtin: l.gtin,
          expected: l.expected,
          received: 0,
          en: `${name}: none received (${l.expected} expected)`,
          zh: `${name}：未到货（应收 ${l.expected}）`,
        });
        break;
      case 'over':
        discrepancies.push({
          kind: 'over',
          gtin: l.gtin,
          expected: l.expected,
          received: l.received,
          en: `${name}: ${l.received - l.expected} over (${l.received} of ${l.expected})`,
          zh: `${name}：超收 ${l.received - l.expected}（实收 ${l.received}，应收 ${l.expected}）`,
        });
        break;
      case 'unexpected':
        discrepancies.push({
          kind: 'unexpected',
          gtin: l.gtin,
          expected: 0,
          received: l.received,
          en: `${name}: ${l.received} received but not on the shipping notice`,
          zh: `${name}：不在发货通知中，实收 ${l.received}`,
        });
        break;
    }
  }
  for (const q of quarantine) {
    if (q.identifiedSkuId !== null) continue;
    discrepancies.push({
      kind: 'unidentified',
      gtin: q.gtin,
      expected: 0,
      received: q.units,
      en: `Unknown GTIN ${q.gtin}: ${q.units} unit(s) in quarantine, not identified`,
      zh: `未知 GTIN ${q.gtin}：${q.units} 件隔离待识别`,
    });
  }
  return {
    expectedUnits: lines.reduce((n, l) => n + l.expected, 0),
    receivedUnits: lines.reduce((n, l) => n + l.received, 0),
    lines: summaryLines,
    discrepancies,
    quarantinedUnits: quarantine.reduce((n, q) => n + q.units, 0),
    unidentifiedItems: quarantine.filter((q) => q.identifiedSkuId === null).length,
    lotsAwaitingInspection,
  };
}
