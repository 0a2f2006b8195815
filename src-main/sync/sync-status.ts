import type { SyncStatus } from '../../src-shared/api/domain-sync';
import type { Repos } from '../store/repos';

/**
 * Until the station is enrolled with head office there is nothing to upload to: every event is
 * pending, and the status says so instead of pretending to be in sync.
 */
export function syncStatus(repos: Repos): SyncStatus {
  return {
    state: 'not-configured',
    pendingEvents: repos.events.count(),
    lastSuccessAt: null,
    lastError: null,
    endpoint: null,
  };
}
