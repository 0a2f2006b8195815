/**
 * The barcode worker: camera frames in, codes out, off the page's thread. zxing-wasm's reader
 * is bundled into this worker and its .wasm is emitted by Vite beside it, so it loads from the
 * station's own origin (the Content-Security-Policy allows nothing else; 'wasm-unsafe-eval'
 * lets it compile).
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReadBarcodes } from '../../../src-shared/vision/barcode-reader';
import {
  release,
  type DecodeRequest,
  type FramePixels,
  type WorkerMessage,
} from './decode-protocol';
import { lumaFirstLayout, pgmHeader } from './luma-frame';
import { frameSignature, motionBetween } from './motion';
import { readFrame } from './read-frame';

/** The parts of a dedicated worker's global scope used here (the renderer is typed for the DOM). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

/** The frame being read: its RGBA pixels and, for a YUV camera frame, its luma as a PGM. */
interface SourceFrame {
  image: ImageData;
  pgm: Uint8Array | null;
}

let source: SourceFrame | null = null;
let canvas: OffscreenCanvas | null = null;
/** Buffers reused frame after frame (one frame is read at a time). */
let rgba: Uint8ClampedArray<ArrayBuffer> | null = null;
let pgm: Uint8Array | null = null;
let previous: Uint8Array | null = null;

/**
 * zxing-wasm's reader on the pixels the shared reader hands over: the frame itself, or a
 * pre-processed copy of it. The frame itself is read from its luma plane when the camera gave
 * one (the same picture, without two colour conversions); anything else as RGBA, wrapped in an
 * ImageData without a copy.
 */
const read: ReadBarcodes = (image, options) =>
  source?.pgm && image.data === source.image.data
    ? readBarcodes(source.pgm, options)
    : readBarcodes(new ImageData(image.data, image.width, image.height), options);

/** An image drawn on a reused canvas and read back (where VideoFrame cannot convert itself). */
function drawn(image: CanvasImageSource, width: number, height: number): ImageData {
  if (!canvas || canvas.width !== width || canvas.height !== height)
    canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas in this worker');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, width, height);
}

/** The luma plane of a YUV frame behind a PGM header, in a reused buffer; null for RGB frames. */
async function lumaOf(
  video: VideoFrame,
  width: number,
  height: number,
): Promise<Uint8Array | null> {
  const header = pgmHeader(width, height);
  const planes = lumaFirstLayout(video.format, width, height, header.length);
  if (!planes) return null;
  if (pgm?.length !== planes.size) pgm = new Uint8Array(planes.size);
  pgm.set(header);
  try {
    await video.copyTo(pgm, { layout: planes.layout });
    return pgm;
  } catch {
    return null;
  }
}

/**
 * A frame's pixels. A VideoFrame is converted straight into a reused RGBA buffer (no canvas)
 * and its luma plane copied as it is; bitmaps, and frames the browser cannot convert that way,
 * are drawn on a canvas. Whatever came is closed here: it is the worker's now.
 */
async function pixelsOf(frame: FramePixels): Promise<SourceFrame> {
  switch (frame.kind) {
    case 'rgba':
      return {
        image: new ImageData(new Uint8ClampedArray(frame.buffer), frame.width, frame.height),
        pgm: null,
      };
    case 'bitmap':
      try {
        return { image: drawn(frame.bitmap, frame.bitmap.width, frame.bitmap.height), pgm: null };
      } finally {
        frame.bitmap.close();
      }
    case 'video': {
      const video = frame.frame;
      const width = video.visibleRect?.width ?? video.displayWidth;
      const height = video.visibleRect?.height ?? video.displayHeight;
      try {
        if (rgba?.length !== width * height * 4) rgba = new Uint8ClampedArray(width * height * 4);
        const pixels = rgba;
        const [converted, luma] = await Promise.all([
          video.copyTo(pixels, { format: 'RGBA', colorSpace: 'srgb' }).then(
            () => true,
            () => false,
          ),
          lumaOf(video, width, height),
        ]);
        return {
          image: converted ? new ImageData(pixels, width, height) : drawn(video, width, height),
          pgm: luma,
        };
      } finally {
        video.close();
      }
    }
  }
}

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? wasmUrl : prefix + path,
  },
  fireImmediately: true,
}).then(
  () => {
    scope.postMessage({ type: 'ready' });
    return true;
  },
  (err: unknown) => {
    scope.postMessage({
      type: 'broken',
      message: err instanceof Error ? err.message : String(err),
    });
    return false;
  },
);

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle(request: DecodeRequest): Promise<void> {
  const started = performance.now();
  try {
    if (!(await ready)) {
      release(request.frame);
      scope.postMessage({
        type: 'failed',
        id: request.id,
        message: 'the barcode reader is not loaded',
      });
      return;
    }
    source = await pixelsOf(request.frame);
    const { image } = source;
    const signature = frameSignature(image.data, image.width, image.height);
    const motion =
      previous && previous.length === signature.length ? motionBetween(previous, signature) : null;
    previous = signature;
    const codes = await readFrame(read, image, request.formats, request.effort);
    scope.postMessage({
      type: 'decoded',
      id: request.id,
      width: image.width,
      height: image.height,
      codes,
      motion,
      ms: performance.now() - started,
    });
  } catch (err) {
    scope.postMessage({
      type: 'failed',
      id: request.id,
      message: err instanceof Error ? err.message : String(err),
    });
  } finally {
    source = null;
  }
}
