import type { ProjectionHandlers } from '../store/projections';

/** Templates are master data: the newest `template.upserted` for an id is the template. */
export const templatesProjection: ProjectionHandlers = {
  'template.upserted': (p, e, r) => r.templates.upsert(p, e.seq),
};
