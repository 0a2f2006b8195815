import type { PushEventName, PushEventPayload } from '../../src-shared/api/push';

export type PushListener = (event: PushEventName, payload: unknown) => void;

/** Fan-out of station events to every transport (Electron windows, browser screens). */
export class PushBus {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<N extends PushEventName>(event: N, payload: PushEventPayload<N>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // A broken screen connection must not stop the others from hearing the event.
      }
    }
  }
}
