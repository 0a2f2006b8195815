import type { Db } from '../database';
import { createComplaintsRepo } from './complaints-repo';
import { createDeliveriesRepo } from './deliveries-repo';
import { createEventsRepo } from './events-repo';
import { createInspectionsRepo } from './inspections-repo';
import { createLotsRepo } from './lots-repo';
import { createRecallsRepo } from './recalls-repo';
import { createQuarantineRepo } from './quarantine-repo';
import { createSettingsRepo } from './settings-repo';
import { createShelfLifeRepo } from './shelf-life-repo';
import { createSkusRepo } from './skus-repo';
import { createSuppliersRepo } from './suppliers-repo';
import { createSupplierQualityRepos } from './supplier-quality-repos';
import { createSwitchingRepo } from './switching-repo';
import { createSyncRepo } from './sync-repo';
import { createTemplatesRepo } from './templates-repo';
import { createUsersRepo } from './users-repo';

/** Every repository over one connection: the station's single writer. */
export function createRepos(db: Db) {
  return {
    events: createEventsRepo(db),
    settings: createSettingsRepo(db),
    users: createUsersRepo(db),
    suppliers: createSuppliersRepo(db),
    supplierQuality: createSupplierQualityRepos(db),
    skus: createSkusRepo(db),
    deliveries: createDeliveriesRepo(db),
    lots: createLotsRepo(db),
    shelfLife: createShelfLifeRepo(db),
    quarantine: createQuarantineRepo(db),
    inspections: createInspectionsRepo(db),
    switching: createSwitchingRepo(db),
    templates: createTemplatesRepo(db),
    complaints: createComplaintsRepo(db),
    recalls: createRecallsRepo(db),
    sync: createSyncRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
