import { describe, expect, it } from 'vitest';
import type { DecodeRequest, WorkerMessage } from './decode-protocol';
import { FrameDecoder, type DecoderWorker } from './frame-decoder';

/** A worker stand-in: records what it was sent; the test answers for it. */
function fakeWorker() {
  const sent: { message: DecodeRequest; transfer: Transferable[] }[] = [];
  let onMessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  let onError: ((e: ErrorEvent) => void) | null = null;
  let terminated = false;
  const worker: DecoderWorker = {
    postMessage: (message, transfer) => sent.push({ message, transfer }),
    addEventListener: (type: 'message' | 'error', listener: never) => {
      if (type === 'message') onMessage = listener;
      else onError = listener;
    },
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    sent,
    reply: (data: WorkerMessage) => onMessage?.({ data } as MessageEvent<WorkerMessage>),
    crash: (message: string) => onError?.({ message } as ErrorEvent),
    terminated: () => terminated,
  };
}

const pixels = () => ({ kind: 'rgba' as const, width: 2, height: 2, buffer: new ArrayBuffer(16) });

describe('FrameDecoder', () => {
  it('keeps one frame in flight and drops the others', async () => {
    const w = fakeWorker();
    const decoder = new FrameDecoder(() => w.worker);
    const first = decoder.decode(pixels(), ['DataMatrix'], 'fast');
    expect(first).not.toBeNull();
    expect(decoder.busy).toBe(true);
    expect(decoder.decode(pixels(), ['DataMatrix'], 'fast')).toBeNull();
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]?.transfer).toHaveLength(1);
    w.reply({ type: 'decoded', id: 1, width: 2, height: 2, codes: [], motion: null, ms: 1 });
    await expect(first).resolves.toMatchObject({ type: 'decoded', id: 1 });
    expect(decoder.busy).toBe(false);
    expect(decoder.decode(pixels(), ['QRCode'], 'hard')).not.toBeNull();
    expect(w.sent[1]?.message).toMatchObject({ id: 2, formats: ['QRCode'], effort: 'hard' });
  });

  it('ignores an answer to a frame it no longer waits for', () => {
    const w = fakeWorker();
    const decoder = new FrameDecoder(() => w.worker);
    void decoder.decode(pixels(), ['DataMatrix'], 'fast');
    w.reply({ type: 'decoded', id: 99, width: 2, height: 2, codes: [], motion: null, ms: 1 });
    expect(decoder.busy).toBe(true);
  });

  it('says when the reader is ready, or why it is broken', async () => {
    const ok = fakeWorker();
    const decoder = new FrameDecoder(() => ok.worker);
    const ready = decoder.ready();
    ok.reply({ type: 'ready' });
    await expect(ready).resolves.toBe(true);

    const bad = fakeWorker();
    const broken = new FrameDecoder(() => bad.worker);
    const pending = broken.decode(pixels(), ['DataMatrix'], 'fast');
    bad.reply({ type: 'broken', message: 'wasm missing' });
    await expect(broken.ready()).resolves.toBe(false);
    await expect(pending).resolves.toMatchObject({ type: 'failed', message: 'wasm missing' });
    expect(broken.broken).toBe('wasm missing');
    expect(broken.decode(pixels(), ['DataMatrix'], 'fast')).toBeNull();
  });

  it('fails the frame in flight when the worker crashes, and terminates it on close', async () => {
    const w = fakeWorker();
    const decoder = new FrameDecoder(() => w.worker);
    const pending = decoder.decode(pixels(), ['DataMatrix'], 'fast');
    w.crash('out of memory');
    await expect(pending).resolves.toMatchObject({ type: 'failed', message: 'out of memory' });
    decoder.close();
    expect(w.terminated()).toBe(true);
  });
});
