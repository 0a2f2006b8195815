import type { Db } from '../database';
import { createCounterfeitsRepo } from './counterfeits-repo';
import { createDeliveryPerformanceRepo } from './delivery-performance-repo';
import { createPenaltiesRepo } from './penalties-repo';
import { createStandingHistoryRepo } from './standing-history-repo';
import { createSupplierLotsRepo } from './supplier-lots-repo';

/** The supplier-quality tables (one repository module each), grouped under one name in `Repos`. */
export function createSupplierQualityRepos(db: Db) {
  return {
    standingHistory: createStandingHistoryRepo(db),
    deliveryPerformance: createDeliveryPerformanceRepo(db),
    counterfeits: createCounterfeitsRepo(db),
    penalties: createPenaltiesRepo(db),
    supplierLots: createSupplierLotsRepo(db),
  };
}
export type SupplierQualityRepos = ReturnType<typeof createSupplierQualityRepos>;
