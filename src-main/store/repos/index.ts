import type { Db } from '../database';
import { createDeliveriesRepo } from './deliveries-repo';
import { createEventsRepo } from './events-repo';
import { createLotsRepo } from './lots-repo';
import { createQuarantineRepo } from './quarantine-repo';
import { createSettingsRepo } from './settings-repo';
import { createSkusRepo } from './skus-repo';
import { createSuppliersRepo } from './suppliers-repo';
import { createUsersRepo } from './users-repo';

/** Every repository over one connection: the station's single writer. */
export function createRepos(db: Db) {
  return {
    events: createEventsRepo(db),
    settings: createSettingsRepo(db),
    users: createUsersRepo(db),
    suppliers: createSuppliersRepo(db),
    skus: createSkusRepo(db),
    deliveries: createDeliveriesRepo(db),
    lots: createLotsRepo(db),
    quarantine: createQuarantineRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
