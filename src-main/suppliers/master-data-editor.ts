import { v7 as uuidv7 } from 'uuid';
import type { SkuSummary } from '../../src-shared/api/domain-master-data';
import type {
  SkuDetail,
  SkuInput,
  SupplierInput,
} from '../../src-shared/api/domain-supplier-quality';
import { checkSku, supplierProblems } from '../../src-shared/suppliers/master-data-rules';
import { AppError } from '../api/app-error';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { SkuRow } from '../store/repos/skus-repo';
import type { MasterDataService } from './master-data-service';

function skuSummaryOf(k: SkuRow): SkuSummary {
  return {
    skuId: k.sku_id,
    gtin: k.gtin,
    name: k.name,
    nameZh: k.name_zh,
    brand: k.brand,
    category: k.category,
    shelfLifeDays: k.shelf_life_days,
  };
}

/**
 * A QC manager's edits of master data. Each save is one `supplier.upserted` or `sku.upserted`
 * event carrying the whole record (documents and audits, or the packaging hierarchy): the
 * projection replaces what it had, exactly as it does for head office's master data.
 */
export class MasterDataEditor {
  constructor(
    private readonly repos: Repos,
    private readonly log: EventLog,
    private readonly read: MasterDataService,
  ) {}

  /**
   * Creates or replaces a supplier. The standing is not part of the edit: it changes only
   * through the standing rules and decisions. A new supplier starts on probation — it has no
   * record yet, so its lots get tightened inspection until a manager approves it.
   */
  saveSupplier(input: SupplierInput, actor: string) {
    const existing = input.supplierId ? this.repos.suppliers.byId(input.supplierId) : undefined;
    if (input.supplierId && !existing) {
      throw new AppError('not_found', `No supplier with id ${input.supplierId}.`);
    }
    const supplierId = existing?.supplier_id ?? `sup-${uuidv7()}`;
    const code = input.code.trim();
    const sameCode = this.repos.suppliers.byCode(code);
    if (sameCode && sameCode.supplier_id !== supplierId) {
      throw new AppError('conflict', `The supplier code ${code} belongs to ${sameCode.name}.`);
    }
    const problems = supplierProblems(input);
    if (problems.length > 0) throw new AppError('invalid_input', problems.join('; '));
    this.log.append({
      type: 'supplier.upserted',
      payload: {
        supplierId,
        code,
        name: input.name.trim(),
        standing: existing?.standing ?? 'probation',
        contact: input.contact.trim(),
        cumulativeSalesCny: input.cumulativeSalesCny,
        documents: input.documents.map((d) => ({ ...d, number: d.number.trim() })),
        audits: input.audits.map((a) => ({ ...a, auditor: a.auditor.trim() })),
      },
      actor,
      reason: existing ? 'Master data edited at the station' : 'Supplier created at the station',
      subjects: [`supplier:${supplierId}`],
    });
    return this.read.supplier(supplierId);
  }

  sku(skuId: string): SkuDetail {
    const k = this.repos.skus.byId(skuId);
    if (!k) throw new AppError('not_found', `No SKU with id ${skuId}.`);
    return {
      ...skuSummaryOf(k),
      // The unit GTIN is the SKU's own; the hierarchy lists the levels above it.
      packaging: this.repos.skus
        .packagingOf(skuId)
        .filter((p) => !(p.level === 'unit' && p.gtin === k.gtin))
        .map((p) => ({ gtin: p.gtin, level: p.level, unitsPer: p.units_per })),
      templateId: k.template_id,
    };
  }

  /** Creates or replaces an SKU; every GTIN must have a valid check digit and be this SKU's alone. */
  saveSku(input: SkuInput, actor: string): SkuDetail {
    if (input.skuId && !this.repos.skus.byId(input.skuId)) {
      throw new AppError('not_found', `No SKU with id ${input.skuId}.`);
    }
    const { sku, problems } = checkSku(input);
    if (problems.length > 0) throw new AppError('invalid_input', problems.join('; '));
    const skuId = input.skuId ?? `sku-${sku.gtin}`;
    if (!input.skuId && this.repos.skus.byId(skuId)) {
      throw new AppError('conflict', `An SKU with id ${skuId} exists already.`);
    }
    for (const gtin of [sku.gtin, ...sku.packaging.map((p) => p.gtin)]) {
      const owner = this.repos.skus.ownerOfGtin(gtin);
      if (owner !== null && owner !== skuId) {
        const other = this.repos.skus.byId(owner);
        throw new AppError(
          'conflict',
          `GTIN ${gtin} already belongs to ${other ? `${other.name} (${owner})` : owner}.`,
        );
      }
    }
    const nameZh = input.nameZh.trim();
    this.log.append({
      type: 'sku.upserted',
      payload: {
        skuId,
        gtin: sku.gtin,
        name: input.name.trim(),
        ...(nameZh ? { nameZh } : {}),
        brand: input.brand.trim(),
        category: input.category,
        shelfLifeDays: input.shelfLifeDays,
        packaging: sku.packaging,
        templateId: input.templateId,
      },
      actor,
      reason: input.skuId ? 'Master data edited at the station' : 'SKU created at the station',
      subjects: [`sku:${skuId}`, `gtin:${sku.gtin}`],
    });
    return this.sku(skuId);
  }

  skusOfSupplier(supplierId: string): SkuSummary[] {
    if (!this.repos.suppliers.byId(supplierId)) {
      throw new AppError('not_found', `No supplier with id ${supplierId}.`);
    }
    return this.repos.skus.ofSupplier(supplierId).map(skuSummaryOf);
  }
}
