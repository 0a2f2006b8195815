/**
 * The page of `npm run bench -- frame-decode` (bench/frame-decode.bench.ts builds it with Vite
 * and drives it in Chromium; the station's renderer never imports it). It times the camera's
 * real worker path — a camera frame (a VideoFrame of I420 pixels, as a webcam delivers them)
 * posted to the barcode worker, the fast pass there, the answer back — against zxing-wasm's
 * `readBarcodes` called bare on the same frames (as RGBA ImageData) in this page, with the fast
 * pass's own reader options.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { DEFAULT_BARCODE_FORMATS, ZXING_FORMAT } from '../../../../src-shared/vision/formats';
import { FAST_PASSES } from '../../../../src-shared/vision/passes';
import type { FramePixels } from '../decode-protocol';
import { FrameDecoder } from '../frame-decoder';

interface FrameFiles {
  rgba: string;
  i420: string;
  width: number;
  height: number;
}

export interface RoundResult {
  /** Milliseconds per frame, in frame order. */
  ms: number[];
  /** Of which: in the worker, pixels to answer (worker rounds only). */
  inWorker: number[];
  /** What was read in each frame (sorted scan strings). */
  codes: string[][];
}

const BARE_OPTIONS: ReaderOptions = {
  ...FAST_PASSES[0]?.reader,
  formats: [...new Set(DEFAULT_BARCODE_FORMATS.map((f) => ZXING_FORMAT[f]))],
  textMode: 'Plain',
  eanAddOnSymbol: 'Ignore',
  maxNumberOfSymbols: 16,
  returnErrors: false,
};

let frames: { image: ImageData; i420: Uint8Array }[] = [];
let decoder: FrameDecoder | null = null;
let path: 'video' | 'bitmap' = 'video';

const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

async function setup(
  list: FrameFiles[],
): Promise<{ frames: number; worker: boolean; path: string }> {
  prepareZXingModule({
    overrides: {
      locateFile: (file: string, prefix: string) =>
        file.endsWith('.wasm') ? wasmUrl : prefix + file,
    },
  });
  frames = await Promise.all(
    list.map(async (f) => ({
      image: new ImageData(new Uint8ClampedArray((await bytes(f.rgba)).buffer), f.width, f.height),
      i420: await bytes(f.i420),
    })),
  );
  path = typeof VideoFrame === 'function' ? 'video' : 'bitmap';
  decoder = new FrameDecoder();
  return { frames: frames.length, worker: await decoder.ready(), path };
}

/** A frame as the camera hands it over: a VideoFrame of its I420 pixels (else an ImageBitmap). */
async function cameraFrame(i: number): Promise<FramePixels> {
  const f = frames[i];
  if (!f) throw new Error(`no frame ${i}`);
  if (path === 'bitmap') return { kind: 'bitmap', bitmap: await createImageBitmap(f.image) };
  const frame = new VideoFrame(f.i420, {
    format: 'I420',
    codedWidth: f.image.width,
    codedHeight: f.image.height,
    timestamp: i,
  });
  return { kind: 'video', frame };
}

/**
 * One frame through the worker, as the live camera sends it: ms, ms in the worker, codes. The
 * clock starts at the post: a camera hands its frame over ready-made (`new VideoFrame(video)`
 * wraps the capture buffer), so making it here from the I420 bytes is not part of the path.
 */
async function viaWorker(i: number): Promise<[number, number, string[]]> {
  const frame = await cameraFrame(i);
  const started = performance.now();
  const reply = await decoder?.decode(frame, DEFAULT_BARCODE_FORMATS, 'fast');
  const ms = performance.now() - started;
  if (reply?.type !== 'decoded') throw new Error(reply ? reply.message : 'the worker was busy');
  return [ms, reply.ms, reply.codes.map((c) => c.data).sort()];
}

/** One frame through a bare readBarcodes call on this page's thread: ms, codes. */
async function bare(i: number): Promise<[number, string[]]> {
  const image = frames[i]?.image;
  if (!image) throw new Error(`no frame ${i}`);
  const started = performance.now();
  const results = await readBarcodes(image, BARE_OPTIONS);
  const ms = performance.now() - started;
  return [
    ms,
    results
      .filter((r) => r.isValid)
      .map((r) => r.symbologyIdentifier + r.text)
      .sort(),
  ];
}

/**
 * Every frame both ways, frame by frame, the two paths taking turns at going first: both meet
 * the same machine (a busy neighbour slows both, not one).
 */
async function round(workerFirst: boolean): Promise<{ worker: RoundResult; bare: RoundResult }> {
  const w: RoundResult = { ms: [], inWorker: [], codes: [] };
  const b: RoundResult = { ms: [], inWorker: [], codes: [] };
  for (let i = 0; i < frames.length; i += 1) {
    const first = (i % 2 === 0) === workerFirst;
    if (!first) {
      const [ms, codes] = await bare(i);
      b.ms.push(ms);
      b.codes.push(codes);
    }
    const [ms, inWorker, codes] = await viaWorker(i);
    w.ms.push(ms);
    w.inWorker.push(inWorker);
    w.codes.push(codes);
    if (first) {
      const [bareMs, bareCodes] = await bare(i);
      b.ms.push(bareMs);
      b.codes.push(bareCodes);
    }
  }
  return { worker: w, bare: b };
}

declare global {
  interface Window {
    frameBench?: {
      setup: typeof setup;
      round: typeof round;
    };
  }
}

window.frameBench = { setup, round };
