import type { SkuSummary, SupplierSummary } from '../../src-shared/api/domain-master-data';
import { AppError } from '../api/app-error';
import type { Repos } from '../store/repos';
import type {
  SupplierAuditRow,
  SupplierDocumentRow,
  SupplierRow,
} from '../store/repos/suppliers-repo';

function summarise(
  s: SupplierRow,
  documents: readonly SupplierDocumentRow[],
  audits: readonly SupplierAuditRow[],
  today: string,
): SupplierSummary {
  const latestAudit = audits.at(-1) ?? null;
  const expiries = [
    ...documents.map((d) => d.valid_until),
    ...(latestAudit ? [latestAudit.valid_until] : []),
  ].sort();
  return {
    supplierId: s.supplier_id,
    code: s.code,
    name: s.name,
    standing: s.standing,
    contact: s.contact,
    nextExpiry: expiries[0] ?? null,
    // ISO dates compare correctly as strings.
    expiredDocuments: documents.filter((d) => d.valid_until < today).map((d) => d.type),
    auditValidUntil: latestAudit?.valid_until ?? null,
    auditExpired: latestAudit === null || latestAudit.valid_until < today,
  };
}

export class MasterDataService {
  constructor(
    private readonly repos: Repos,
    private readonly today: () => string,
  ) {}

  suppliers(search?: string): SupplierSummary[] {
    const today = this.today();
    const docs = groupBy(this.repos.suppliers.allDocuments(), (d) => d.supplier_id);
    const audits = groupBy(this.repos.suppliers.allAudits(), (a) => a.supplier_id);
    const needle = search?.trim().toLowerCase();
    return this.repos.suppliers
      .all()
      .filter(
        (s) =>
          !needle || s.name.toLowerCase().includes(needle) || s.code.toLowerCase().includes(needle),
      )
      .map((s) =>
        summarise(s, docs.get(s.supplier_id) ?? [], audits.get(s.supplier_id) ?? [], today),
      );
  }

  supplier(supplierId: string) {
    const s = this.repos.suppliers.byId(supplierId);
    if (!s) throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    const documents = this.repos.suppliers.documentsOf(supplierId);
    const audits = this.repos.suppliers.auditsOf(supplierId);
    return {
      ...summarise(s, documents, audits, this.today()),
      cumulativeSalesCny: s.cumulative_sales_cny,
      documents: documents.map((d) => ({
        type: d.type,
        number: d.number,
        validUntil: d.valid_until,
      })),
      audits: audits.map((a) => ({
        date: a.date,
        auditor: a.auditor,
        score: a.score,
        result: a.result,
        validUntil: a.valid_until,
      })),
    };
  }

  skus(category?: string, search?: string): SkuSummary[] {
    const needle = search?.trim().toLowerCase();
    return this.repos.skus
      .all()
      .filter((k) => !category || k.category === category)
      .filter(
        (k) =>
          !needle ||
          k.name.toLowerCase().includes(needle) ||
          k.brand.toLowerCase().includes(needle) ||
          k.gtin.includes(needle) ||
          (k.name_zh ?? '').includes(needle),
      )
      .map((k) => ({
        skuId: k.sku_id,
        gtin: k.gtin,
        name: k.name,
        nameZh: k.name_zh,
        brand: k.brand,
        category: k.category,
        shelfLifeDays: k.shelf_life_days,
      }));
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
