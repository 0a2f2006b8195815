import type { ProjectionHandlers } from '../store/projections';

export const suppliersProjection: ProjectionHandlers = {
  'supplier.upserted': (p, e, r) => r.suppliers.upsert(p, e.seq),
  'sku.upserted': (p, _e, r) => r.skus.upsert(p),
};
