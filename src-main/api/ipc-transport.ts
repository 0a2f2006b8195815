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

/** The UI is served from `app://station/…`; nothing else may call the station. */
export const TRUSTED_APP_PROTOCOL = 'app:';
export const TRUSTED_APP_HOST = 'station';

/** True only for our own top-level page served from the app protocol. */
export function isTrustedSender(event: IpcInvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  // Custom schemes have an opaque origin ("null"), so compare scheme and host instead.
  return url.protocol === TRUSTED_APP_PROTOCOL && url.host === TRUSTED_APP_HOST;
}

/**
 * The `ipcMain.handle` listener for station calls: validates the sender frame, then dispatches
 * through the same registry as the HTTP bridge.
 */
export function createIpcCallHandler(registry: Registry) {
  return async (
    event: IpcInvokeEventLike,
    name: unknown,
    input: unknown,
  ): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      return fail('bad_origin', 'Calls are accepted only from the station window.');
    }
    return registry.dispatch(name, input, { clientId: `ipc:${event.sender.id}`, transport: 'ipc' });
  };
}
