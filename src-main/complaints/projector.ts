import type { ProjectionHandlers } from '../store/projections';

/** Complaints, corrective actions and recalls onto their tables. */
export const complaintsProjection: ProjectionHandlers = {
  'complaint.recorded': (p, e, r) => r.complaints.recorded(p, e.seq, e.actor),
  'complaint.linked': (p, _e, r) => r.complaints.linked(p),
  'complaint.confirmed': (p, e, r) => r.complaints.confirmed(p, e.actor),
  'complaint.dismissed': (p, e, r) => r.complaints.dismissed(p, e.actor),
  'corrective-action.opened': (p, e, r) => r.complaints.capaOpened(p, e.seq, e.actor),
  'corrective-action.updated': (p, e, r) => r.complaints.capaUpdated(p, e.actor),
  'corrective-action.verified': (p, e, r) => r.complaints.capaVerified(p, e.actor),
  'corrective-action.closed': (p, e, r) => r.complaints.capaClosed(p, e.actor),
  'recall.opened': (p, e, r) => r.recalls.opened(p, e.seq, e.actor),
  'recall.lot-found': (p, _e, r) => r.recalls.lotFound(p),
  'recall.lot-pulled': (p, _e, r) => r.recalls.lotPulled(p),
  'recall.closed': (p, _e, r) => r.recalls.closed(p),
};
