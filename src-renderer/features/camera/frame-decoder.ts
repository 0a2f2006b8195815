import type { BarcodeFormatName } from '../../../src-shared/vision/formats';
import {
  transferable,
  type DecodeReply,
  type DecodeRequest,
  type FramePixels,
  type WorkerMessage,
} from './decode-protocol';
import type { Effort } from './effort-schedule';

export type Decoded = Extract<DecodeReply, { type: 'decoded' }>;

/** The worker the page talks to (a real one, or a stand-in in tests). */
export interface DecoderWorker {
  postMessage(message: DecodeRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** The barcode worker, bundled by Vite with the reader and its wasm beside it. */
export function barcodeWorker(): DecoderWorker {
  return new Worker(new URL('./decode-worker.ts', import.meta.url), {
    type: 'module',
    name: 'barcode-reader',
  });
}

/**
 * The page's side of the barcode worker: at most one frame in flight. `decode` answers null
 * (and the caller drops the frame) while the worker is busy: frames are never queued, so what
 * the worker reads is always the newest picture the camera had when it became free.
 */
export class FrameDecoder {
  private readonly worker: DecoderWorker;
  private inFlight: { id: number; resolve: (reply: DecodeReply) => void } | null = null;
  private nextId = 1;
  private brokenMessage: string | null = null;
  private readyNow = false;
  private readonly readyWaiters: ((ok: boolean) => void)[] = [];

  constructor(createWorker: () => DecoderWorker = barcodeWorker) {
    this.worker = createWorker();
    this.worker.addEventListener('message', (e) => this.receive(e.data));
    this.worker.addEventListener('error', (e) =>
      this.fail(e.message || 'the barcode reader stopped'),
    );
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Why the reader cannot work (its wasm did not load…), or null. */
  get broken(): string | null {
    return this.brokenMessage;
  }

  /** Resolves true once the reader's wasm is loaded, false if it cannot be. */
  ready(): Promise<boolean> {
    if (this.readyNow) return Promise.resolve(true);
    if (this.brokenMessage !== null) return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Sends one frame (its pixels are transferred, not copied: the caller must not use them
   * again). Null when the worker is still on the last frame.
   */
  decode(
    frame: FramePixels,
    formats: readonly BarcodeFormatName[],
    effort: Effort,
  ): Promise<DecodeReply> | null {
    if (this.inFlight || this.brokenMessage !== null) return null;
    const id = this.nextId++;
    const transfer = [transferable(frame)];
    return new Promise<DecodeReply>((resolve) => {
      this.inFlight = { id, resolve };
      this.worker.postMessage({ type: 'decode', id, frame, formats, effort }, transfer);
    });
  }

  close(): void {
    this.worker.terminate();
    this.fail('closed');
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        this.readyNow = true;
        for (const w of this.readyWaiters.splice(0)) w(true);
        return;
      case 'broken':
        this.fail(message.message);
        return;
      case 'decoded':
      case 'failed': {
        const pending = this.inFlight;
        if (pending?.id !== message.id) return;
        this.inFlight = null;
        pending.resolve(message);
        return;
      }
    }
  }

  private fail(message: string): void {
    this.brokenMessage ??= message;
    for (const w of this.readyWaiters.splice(0)) w(false);
    const pending = this.inFlight;
    this.inFlight = null;
    pending?.resolve({ type: 'failed', id: pending.id, message });
  }
}
