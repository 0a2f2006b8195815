import type { ProjectionHandlers } from '../store/projections';

export const settingsProjection: ProjectionHandlers = {
  'settings.changed': (p, e, r) => r.settings.set(p.key, JSON.stringify(p.value), e.seq),
  'demo.seeded': (_p, e, r) => r.events.setMarker('demo.seeded', e.seq),
};
