import type { CallInput, CallName, CallOutput } from '../../src-shared/api/contract';
import type { PushEventName, PushEventPayload } from '../../src-shared/api/push';
import { fail, type Result } from '../../src-shared/api/result';

/** What the Electron preload exposes as `window.station`. */
export interface StationBridge {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    station?: StationBridge;
  }
}

interface Transport {
  kind: 'ipc' | 'http';
  call(name: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  onConnection(listener: (connected: boolean) => void): () => void;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

function ipcTransport(bridge: StationBridge): Transport {
  return {
    kind: 'ipc',
    async call(name, input) {
      try {
        const result = await bridge.call(name, input);
        return isResult(result)
          ? result
          : fail('internal', 'The station sent an answer this screen does not understand.');
      } catch {
        return fail('unavailable', 'The station is not answering.');
      }
    },
    on: (event, callback) => bridge.on(event, callback),
    onConnection: (listener) => {
      listener(true);
      return () => undefined;
    },
  };
}

/** A per-tab id that survives a reload (so a reloaded screen keeps its signed-in user). */
function clientId(): string {
  const key = 'qcs-client-id';
  const existing = sessionStorage.getItem(key);
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(key, id);
  return id;
}

function httpTransport(token: string): Transport {
  const client = clientId();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let connected = false;
  let retryMs = 500;
  const setConnected = (value: boolean) => {
    if (value === connected) return;
    connected = value;
    for (const l of connectionListeners) l(value);
  };
  const connect = () => {
    const url = new URL('api/events', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    url.searchParams.set('client', client);
    const socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = 500;
      setConnected(true);
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string') return;
      for (const l of listeners.get(parsed.event) ?? []) l(parsed.payload);
    };
    socket.onclose = () => {
      setConnected(false);
      // The station restarts or the cable is pulled: keep trying, backing off to 5 s.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();
  return {
    kind: 'http',
    async call(name, input) {
      try {
        const response = await fetch(
          new URL(`api/call/${encodeURIComponent(name)}`, location.href),
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'x-qcs-client': client,
            },
            body: JSON.stringify(input ?? {}),
          },
        );
        const body: unknown = await response.json();
        return isResult(body)
          ? body
          : fail('internal', 'The station sent an answer this screen does not understand.');
      } catch {
        return fail('unavailable', 'The station is not answering. Is it still running?');
      }
    },
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
  };
}

function pickTransport(): Transport {
  if (window.station) return ipcTransport(window.station);
  const token = document.querySelector<HTMLMetaElement>('meta[name="qcs-token"]')?.content;
  if (!token) throw new Error('This page was not served by the station (no token).');
  return httpTransport(token);
}

let transport: Transport | null = null;
function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** The typed station API. The UI cannot tell whether it runs in Electron or a browser. */
export const api = {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
    return current().call(name, input) as Promise<Result<CallOutput<N>>>;
  },
  on<E extends PushEventName>(
    event: E,
    callback: (payload: PushEventPayload<E>) => void,
  ): () => void {
    return current().on(event, callback as (payload: unknown) => void);
  },
  onConnection(listener: (connected: boolean) => void): () => void {
    return current().onConnection(listener);
  },
  transportKind(): 'ipc' | 'http' {
    return current().kind;
  },
};
