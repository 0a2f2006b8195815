import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ScanResult } from '../../../src-shared/api/domain-intake';
import type { ApiError } from '../../../src-shared/api/result';
import type { BarcodeFormatName } from '../../../src-shared/vision/formats';
import { api } from '../../api/client';
import { offerScan } from '../scanning/scan-consumers';
import { reportScanFailure } from '../scanning/scan-feedback';
import { scanRefusalText } from '../storage/scan-refusal';
import { release, type DecodedCode, type FramePixels } from './decode-protocol';
import { EffortSchedule, type Effort } from './effort-schedule';
import { FrameDecoder } from './frame-decoder';
import type { Size } from './overlay-geometry';
import { SeenCodes } from './seen-codes';

/** Codes of the last frame that read any, kept on screen a moment so the outline does not flicker. */
const OUTLINE_HOLD_MS = 400;
/** How often the reading figures under the preview are refreshed. */
const STATS_EVERY_MS = 500;

export interface Outline {
  frame: Size;
  codes: DecodedCode[];
  at: number;
}

/** A code the camera read and sent to the station, with the station's answer. */
export interface CameraRead {
  code: DecodedCode;
  result: ScanResult | null;
  error: ApiError | null;
  /** Taken by a screen that wanted the scan for itself (an inspection unit). */
  consumed: boolean;
}

export type ReaderState = 'loading' | 'ready' | 'broken';

export interface LiveScanStats {
  /** Frames the worker read, and frames dropped because it was busy. */
  decoded: number;
  dropped: number;
  hard: number;
  lastMs: number;
}

/**
 * Sends each new code to the station in the order read, one request at a time (like the
 * wedge: two cartons must reach the log in the order they were scanned).
 */
function cameraSender(onRead: (read: CameraRead) => void): (code: DecodedCode) => void {
  let queue: Promise<void> = Promise.resolve();
  return (code) => {
    // A screen waiting for a scan of its own takes it first, as with a handheld scanner.
    if (offerScan(code.data)) {
      onRead({ code, result: null, error: null, consumed: true });
      return;
    }
    queue = queue.then(async () => {
      const result = await api.call('scan.submit', { data: code.data, source: 'camera' });
      if (result.ok) onRead({ code, result: result.value, error: null, consumed: false });
      else {
        reportScanFailure(scanRefusalText(result.error));
        onRead({ code, result: null, error: result.error, consumed: false });
      }
    });
  };
}

/**
 * The video's current frame, handed over without copying its pixels on this thread: a
 * VideoFrame (the camera's own YUV buffer), or an ImageBitmap where VideoFrame is missing.
 * Null when the video has no frame (the camera was unplugged between the check and the grab).
 */
async function grabFrame(video: HTMLVideoElement): Promise<FramePixels | null> {
  if (typeof VideoFrame === 'function') {
    try {
      return { kind: 'video', frame: new VideoFrame(video) };
    } catch {
      // No frame to wrap yet, or a browser that cannot wrap a <video>: try a bitmap.
    }
  }
  try {
    return { kind: 'bitmap', bitmap: await createImageBitmap(video) };
  } catch {
    return null;
  }
}

/** requestVideoFrameCallback where there is one (every new camera frame), else ~30 per second. */
function onNextFrame(video: HTMLVideoElement, callback: () => void): () => void {
  if (typeof video.requestVideoFrameCallback === 'function') {
    const handle = video.requestVideoFrameCallback(callback);
    return () => video.cancelVideoFrameCallback(handle);
  }
  const timer = window.setTimeout(callback, 33);
  return () => window.clearTimeout(timer);
}

/**
 * Live barcode reading from a playing <video>: every camera frame the worker is free for goes
 * to it as an ImageBitmap (transferred, not copied); frames that come while it is busy are
 * dropped. The effort schedule adds the hard passes on idle frames. New codes (SeenCodes: once
 * until they leave the view) go into the station's scan pipeline with source `camera`.
 */
export function useLiveScan(
  videoRef: RefObject<HTMLVideoElement | null>,
  running: boolean,
  formats: readonly BarcodeFormatName[],
) {
  const [outline, setOutline] = useState<Outline | null>(null);
  const [reader, setReader] = useState<{ state: ReaderState; message: string | null }>({
    state: 'loading',
    message: null,
  });
  const [lastRead, setLastRead] = useState<CameraRead | null>(null);
  const [stats, setStats] = useState<LiveScanStats>({ decoded: 0, dropped: 0, hard: 0, lastMs: 0 });
  // Read at each frame: changing the formats must not restart the worker.
  const formatsRef = useRef(formats);
  useEffect(() => {
    formatsRef.current = formats;
  }, [formats]);

  useEffect(() => {
    const video = videoRef.current;
    if (!running || !video) return;
    const decoder = new FrameDecoder();
    const schedule = new EffortSchedule(performance.now());
    const seen = new SeenCodes();
    const send = cameraSender(setLastRead);
    const counts: LiveScanStats = { decoded: 0, dropped: 0, hard: 0, lastMs: 0 };
    let stopped = false;
    let grabbing = false;
    let statsShownAt = Number.NEGATIVE_INFINITY;
    let cancelFrame: () => void = () => undefined;

    void decoder.ready().then((ok) => {
      if (!stopped) setReader({ state: ok ? 'ready' : 'broken', message: decoder.broken });
    });

    const read = async (effort: Effort) => {
      const frame = await grabFrame(video);
      if (!frame) return;
      const pending = stopped ? null : decoder.decode(frame, formatsRef.current, effort);
      if (!pending) {
        release(frame);
        return;
      }
      const reply = await pending;
      if (stopped) return;
      const now = performance.now();
      if (reply.type === 'failed') {
        if (decoder.broken !== null) setReader({ state: 'broken', message: decoder.broken });
        return;
      }
      counts.decoded += 1;
      counts.lastMs = reply.ms;
      if (effort === 'hard') counts.hard += 1;
      schedule.done(now, effort, reply.codes.length > 0, reply.motion);
      if (reply.codes.length > 0) {
        setOutline({
          frame: { width: reply.width, height: reply.height },
          codes: reply.codes,
          at: now,
        });
      } else {
        setOutline((o) => (o && now - o.at > OUTLINE_HOLD_MS ? null : o));
      }
      const fresh = seen.observe(reply.codes, now);
      for (const data of fresh) {
        const code = reply.codes.find((c) => c.data === data);
        if (code) send(code);
      }
      // The figures under the preview change a few times a second, not at the frame rate.
      if (now - statsShownAt >= STATS_EVERY_MS) {
        statsShownAt = now;
        setStats({ ...counts });
      }
    };

    const tick = () => {
      if (stopped) return;
      cancelFrame = onNextFrame(video, tick);
      if (decoder.broken !== null) return;
      if (grabbing || decoder.busy || video.readyState < 2 || video.videoWidth === 0) {
        counts.dropped += 1;
        return;
      }
      grabbing = true;
      void read(schedule.next(performance.now())).finally(() => {
        grabbing = false;
      });
    };
    cancelFrame = onNextFrame(video, tick);

    return () => {
      stopped = true;
      cancelFrame();
      decoder.close();
      seen.clear();
    };
  }, [running, videoRef]);

  return { outline: running ? outline : null, reader, lastRead, stats };
}
