import type { Result } from '../../src-shared/api/result';
import { fail } from '../../src-shared/api/result';
import type { Registry } from './registry';

/** The part of Electron's IpcMainInvokeEvent the transport needs (structural: no electron import here). */
export interface IpcInvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export const IPC_CALL_CHANNEL = 'qcs:call';
export const IPC_PUSH_CHANNEL = 'qcs:push';

/**
 * The `ipcMain.handle` listener for station calls. Who may call is the shell's decision
 * (`senderAllowed`, see shell/security-policy.ts: our window's main frame on our origin); a
 * refused sender gets `forbidden` and its call never reaches the registry, so no handler, input
 * validation or session lookup runs for it.
 */
export function createIpcCallHandler<E extends IpcInvokeEventLike>(
  registry: Registry,
  senderAllowed: (event: E) => boolean,
) {
  return async (event: E, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderAllowed(event)) {
      return fail('forbidden', 'Calls are accepted only from the station window.');
    }
    return registry.dispatch(name, input, { clientId: `ipc:${event.sender.id}`, transport: 'ipc' });
  };
}
