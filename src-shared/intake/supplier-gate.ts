import type { SupplierStanding } from '../events/schemas';

/** What the dock does with a delivery when it opens, from the supplier's standing and papers. */
export type GateVerdict = 'allow' | 'warn' | 'refuse';

export interface GateReason {
  code:
    'blacklisted' | 'suspended' | 'probation' | 'audit-expired' | 'no-audit' | 'document-expired';
  /** What the inspector reads, in English and Simplified Chinese. */
  en: string;
  zh: string;
  verdict: GateVerdict;
}

export interface GateResult {
  verdict: GateVerdict;
  reasons: GateReason[];
  /** Probation forces tightened inspection (ISO 2859-1 severity). */
  forceTightened: boolean;
}

/** How an expired audit or document is treated; configurable per document type. */
export interface GatePolicy {
  auditExpired: 'warn' | 'refuse';
  documentExpired: Partial<Record<string, 'warn' | 'refuse'>>;
  documentExpiredDefault: 'warn' | 'refuse';
}

export const defaultGatePolicy: GatePolicy = {
  auditExpired: 'warn',
  // Selling a brand without its authorisation, or food without a production licence, is not
  // something the dock lets through on a warning.
  documentExpired: { 'brand-authorisation': 'refuse', 'food-production-licence': 'refuse' },
  documentExpiredDefault: 'warn',
};

export interface GateSupplier {
  name: string;
  standing: SupplierStanding;
  documents: readonly { type: string; validUntil: string }[];
  audits: readonly { validUntil: string; date: string }[];
}

const DOCUMENT_NAMES: Record<string, [string, string]> = {
  'business-licence': ['business licence', '营业执照'],
  'brand-authorisation': ['brand authorisation', '品牌授权书'],
  'food-production-licence': ['food production licence', '食品生产许可证'],
  'food-business-licence': ['food business licence', '食品经营许可证'],
  'quality-certificate': ['quality certificate', '质检报告'],
  'import-declaration': ['import declaration', '进口报关单'],
  'ccc-certificate': ['CCC certificate', '3C认证证书'],
  'cosmetics-filing': ['cosmetics filing', '化妆品备案'],
};

function rank(v: GateVerdict): number {
  return v === 'refuse' ? 2 : v === 'warn' ? 1 : 0;
}

/**
 * The supplier gate at the dock. Blacklisted and suspended suppliers are refused outright;
 * probation lets the delivery in under tightened inspection; expired audits and documents warn
 * or refuse by policy. ISO dates compare correctly as strings.
 */
export function evaluateSupplierGate(
  supplier: GateSupplier,
  today: string,
  policy: GatePolicy = defaultGatePolicy,
): GateResult {
  const reasons: GateReason[] = [];
  if (supplier.standing === 'blacklisted') {
    reasons.push({
      code: 'blacklisted',
      en: `${supplier.name} is blacklisted by head office: deliveries are refused.`,
      zh: `${supplier.name} 已被总部列入黑名单：拒收其到货。`,
      verdict: 'refuse',
    });
  } else if (supplier.standing === 'suspended') {
    reasons.push({
      code: 'suspended',
      en: `${supplier.name} is suspended pending review: deliveries are refused.`,
      zh: `${supplier.name} 已被暂停供货资格（待审核）：拒收其到货。`,
      verdict: 'refuse',
    });
  } else if (supplier.standing === 'probation') {
    reasons.push({
      code: 'probation',
      en: `${supplier.name} is on probation: tightened inspection applies.`,
      zh: `${supplier.name} 处于观察期：执行加严检验。`,
      verdict: 'warn',
    });
  }
  const latestAudit = [...supplier.audits].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (!latestAudit) {
    reasons.push({
      code: 'no-audit',
      en: 'No supplier audit on record.',
      zh: '没有供应商审核记录。',
      verdict: policy.auditExpired,
    });
  } else if (latestAudit.validUntil < today) {
    reasons.push({
      code: 'audit-expired',
      en: `The supplier audit expired on ${latestAudit.validUntil}.`,
      zh: `供应商审核已于 ${latestAudit.validUntil} 过期。`,
      verdict: policy.auditExpired,
    });
  }
  for (const doc of supplier.documents) {
    if (doc.validUntil >= today) continue;
    const [en, zh] = DOCUMENT_NAMES[doc.type] ?? [doc.type, doc.type];
    reasons.push({
      code: 'document-expired',
      en: `The ${en} expired on ${doc.validUntil}.`,
      zh: `${zh}已于 ${doc.validUntil} 过期。`,
      verdict: policy.documentExpired[doc.type] ?? policy.documentExpiredDefault,
    });
  }
  const verdict = reasons.reduce<GateVerdict>(
    (v, r) => (rank(r.verdict) > rank(v) ? r.verdict : v),
    'allow',
  );
  return { verdict, reasons, forceTightened: supplier.standing === 'probation' };
}
