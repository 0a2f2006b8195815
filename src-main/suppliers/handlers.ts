import type { Handlers } from '../api/registry';
import type { MasterDataEditor } from './master-data-editor';
import type { MasterDataService } from './master-data-service';
import type { PenaltyService } from './penalty-service';
import type { SupplierQualityService } from './supplier-quality-service';

export function masterDataHandlers(
  service: MasterDataService,
): Handlers<'suppliers.list' | 'suppliers.get' | 'skus.list'> {
  return {
    'suppliers.list': (input) => service.suppliers(input.search),
    'suppliers.get': (input) => service.supplier(input.supplierId),
    'skus.list': (input) => service.skus(input.category, input.search),
  };
}

type SupplierQualityCall =
  | 'suppliers.save'
  | 'suppliers.setStanding'
  | 'suppliers.reviewStanding'
  | 'suppliers.board'
  | 'suppliers.scorecard'
  | 'suppliers.standingHistory'
  | 'suppliers.lots'
  | 'suppliers.skus'
  | 'skus.get'
  | 'skus.save'
  | 'penalties.list'
  | 'penalties.confirmCounterfeit'
  | 'penalties.setStatus';

export function supplierQualityHandlers(
  quality: SupplierQualityService,
  editor: MasterDataEditor,
  penalties: PenaltyService,
): Handlers<SupplierQualityCall> {
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'suppliers.save': (input, ctx) => editor.saveSupplier(input, actor(ctx.user)),
    'suppliers.setStanding': (input, ctx) => quality.setStanding(input, actor(ctx.user)),
    'suppliers.reviewStanding': (input, ctx) =>
      quality.reviewStanding(input.supplierId, actor(ctx.user)),
    'suppliers.board': (input) => quality.board(input.search),
    'suppliers.scorecard': (input) => quality.scorecard(input.supplierId),
    'suppliers.standingHistory': (input) => quality.standingHistory(input.supplierId),
    'suppliers.lots': (input) => quality.lots(input.supplierId, input.limit),
    'suppliers.skus': (input) => editor.skusOfSupplier(input.supplierId),
    'skus.get': (input) => editor.sku(input.skuId),
    'skus.save': (input, ctx) => editor.saveSku(input, actor(ctx.user)),
    'penalties.list': (input) => penalties.list(input),
    'penalties.confirmCounterfeit': (input, ctx) =>
      penalties.confirmCounterfeit(input, actor(ctx.user)),
    'penalties.setStatus': (input, ctx) => penalties.setStatus(input, actor(ctx.user)),
  };
}
