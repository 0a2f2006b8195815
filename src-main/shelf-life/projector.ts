import type { ProjectionHandlers } from '../store/projections';

/** Shelf-life verdicts and stock movements onto the lot. */
export const shelfLifeProjection: ProjectionHandlers = {
  'lot.shelf-life-evaluated': (p, _e, r) => r.shelfLife.evaluated(p),
  'lot.stock-changed': (p, _e, r) => r.shelfLife.stockChanged(p),
};
