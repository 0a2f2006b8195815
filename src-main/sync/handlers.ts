import type { Handlers } from '../api/registry';
import type { SyncLoop } from './sync-loop';
import type { SyncService } from './sync-service';

export function syncHandlers(
  service: SyncService,
  loop: SyncLoop,
): Handlers<'sync.status' | 'sync.now' | 'sync.enroll' | 'sync.resolve'> {
  // Access is declared in the contract: only an admin reaches enroll, a manager or admin resolve.
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'sync.status': () => loop.status(),
    'sync.now': () => loop.syncNow(),
    'sync.enroll': async (input, ctx) => {
      const { ackedSeq } = await service.enroll(input.centralUrl, input.code, actor(ctx.user));
      return { endpoint: input.centralUrl.replace(/\/+$/, ''), ackedSeq };
    },
    'sync.resolve': (input, ctx) => {
      service.resolve(input.kind, actor(ctx.user));
      return {};
    },
  };
}
