import type { BarcodeFormatName } from '../../../src-shared/vision/formats';
import type { Effort } from './effort-schedule';
import type { Corners } from './overlay-geometry';

/**
 * Messages between the page and the barcode worker. One frame at a time: the page sends the
 * next only after the answer to the last (frames that arrive meanwhile are dropped, never
 * queued), so a slow pass can never build up a backlog of stale frames.
 */

/**
 * A frame's pixels, transferred to the worker: a camera frame as a VideoFrame (no copy on the
 * page; the worker converts it to RGBA in one step), as an ImageBitmap where VideoFrame is
 * missing, or raw RGBA bytes (tests).
 */
export type FramePixels =
  | { kind: 'video'; frame: VideoFrame }
  | { kind: 'bitmap'; bitmap: ImageBitmap }
  | { kind: 'rgba'; width: number; height: number; buffer: ArrayBuffer };

/** What is transferred (not copied) with a frame. */
export function transferable(frame: FramePixels): Transferable {
  switch (frame.kind) {
    case 'video':
      return frame.frame;
    case 'bitmap':
      return frame.bitmap;
    case 'rgba':
      return frame.buffer;
  }
}

/** Gives a frame's resources back when it is not sent after all. */
export function release(frame: FramePixels): void {
  if (frame.kind === 'video') frame.frame.close();
  else if (frame.kind === 'bitmap') frame.bitmap.close();
}

export interface DecodeRequest {
  type: 'decode';
  id: number;
  frame: FramePixels;
  formats: readonly BarcodeFormatName[];
  effort: Effort;
}

/** One code read in a frame. */
export interface DecodedCode {
  /** What goes to the scan pipeline: the AIM symbology identifier and the data (`]d2010…`). */
  data: string;
  /** For people: GS1 data with its AIs in brackets, anything else as read. */
  text: string;
  format: BarcodeFormatName;
  /**
   * The frame alone vouches for it (a 2-D symbol, or a 1-D one that differently prepared
   * copies agreed on). An unconfirmed 1-D read counts once a second frame reads it too.
   */
  confirmed: boolean;
  /** In frame pixels. */
  corners: Corners;
}

export type DecodeReply =
  | {
      type: 'decoded';
      id: number;
      width: number;
      height: number;
      codes: DecodedCode[];
      /** Picture change against the previous frame (mean grey levels), null for the first. */
      motion: number | null;
      /** Time in the worker, pixels to answer. */
      ms: number;
    }
  | { type: 'failed'; id: number; message: string };

/** Sent once, when the reader's wasm is loaded (or could not be). */
export type WorkerStatus = { type: 'ready' } | { type: 'broken'; message: string };

export type WorkerMessage = DecodeReply | WorkerStatus;
