import type { Handlers } from '../api/registry';
import type { MasterDataService } from './master-data-service';

export function masterDataHandlers(
  service: MasterDataService,
): Handlers<'suppliers.list' | 'suppliers.get' | 'skus.list'> {
  return {
    'suppliers.list': (input) => service.suppliers(input.search),
    'suppliers.get': (input) => service.supplier(input.supplierId),
    'skus.list': (input) => service.skus(input.category, input.search),
  };
}
