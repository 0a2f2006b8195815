import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  cameraDevices,
  cameraIsBack,
  videoConstraints,
  type CameraChoice,
  type CameraDevice,
} from '../camera/camera-choice';
import { useCameraStatus } from '../camera/camera-status';
import { cameraProblem, type CameraProblem } from './photo-files';

export type CameraState =
  | { status: 'off' }
  | { status: 'starting' }
  | {
      status: 'on';
      stream: MediaStream;
      /** The camera's name (empty when the browser gives none). */
      label: string;
      deviceId: string;
      width: number;
      height: number;
    }
  /** It was running and went away (unplugged, taken by the system): back when it returns. */
  | { status: 'lost'; label: string; deviceId: string }
  | { status: 'problem'; problem: CameraProblem; detail: string };

/** The dock camera for stills: the tablet's rear camera (or the system's default), full HD. */
const STILLS: CameraChoice = { deviceId: null, resolution: '1920x1080' };
/** How often a lost camera is looked for, where the system sends no `devicechange`. */
const RETRY_MS = 2000;

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

async function listCameras(): Promise<CameraDevice[]> {
  if (typeof navigator.mediaDevices?.enumerateDevices !== 'function') return [];
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return cameraDevices(all, (n) => `#${n}`);
}

/** The chosen camera is not there (or cannot give what was asked): any camera will do. */
function chosenCameraMissing(err: unknown): boolean {
  const p = cameraProblem(err);
  return p === 'missing';
}

/**
 * A live camera: the preview for stills and for live barcode reading. The stream is stopped
 * when the camera is closed and when the component goes away: a forgotten stream keeps the
 * camera's light on and the device busy for every other program.
 *
 * Unplugged while running (its track ends, or it leaves the device list), the camera is
 * `lost` and comes back by itself: on the next `devicechange` that lists it again, or at the
 * next retry (some systems send no event). A camera the inspector chose is asked for exactly;
 * when it is gone at start, any camera is opened instead (`deviceId` tells which one runs).
 */
export function useCamera(choice: CameraChoice = STILLS, options: { scanning?: boolean } = {}) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  /** The inspector wants the camera on (start without stop): what makes a lost one come back. */
  const wantedRef = useRef(false);
  /** Each open attempt's number: an answer to an older attempt is stopped and ignored. */
  const attemptRef = useRef(0);
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  /** The state as of the last render, for event handlers that outlive it. */
  const stateRef = useRef<CameraState>(state);
  const { deviceId, resolution } = choice;
  // Read when a camera is opened: `open` and `start` stay the same functions whatever is chosen.
  const choiceRef = useRef<CameraChoice>({ deviceId, resolution });
  const statusKey = useId();
  const scanning = options.scanning ?? false;

  const lose = useCallback((label: string, lostId: string) => {
    stopStream(streamRef.current);
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ status: 'lost', label, deviceId: lostId });
  }, []);

  const open = useCallback(async () => {
    // Absent outside a secure context (a page not served from localhost or https).
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      setState({ status: 'problem', problem: 'unavailable', detail: '' });
      return;
    }
    const attempt = ++attemptRef.current;
    stopStream(streamRef.current);
    streamRef.current = null;
    setState((s) => (s.status === 'lost' ? s : { status: 'starting' }));
    const want = choiceRef.current;
    let stream: MediaStream;
    try {
      try {
        stream = await navigator.mediaDevices.getUserMedia(videoConstraints(want));
      } catch (err) {
        if (!want.deviceId || !chosenCameraMissing(err)) throw err;
        stream = await navigator.mediaDevices.getUserMedia(videoConstraints(want, true));
      }
    } catch (err) {
      if (attempt !== attemptRef.current) return;
      const problem = cameraProblem(err);
      // A lost camera that is still missing stays lost (and is looked for again).
      setState((s) =>
        s.status === 'lost' && problem === 'missing'
          ? s
          : {
              status: 'problem',
              problem,
              detail: err instanceof Error ? err.message : String(err),
            },
      );
      return;
    }
    if (attempt !== attemptRef.current || !wantedRef.current) {
      stopStream(stream);
      return;
    }
    streamRef.current = stream;
    const track = stream.getVideoTracks()[0];
    const settings = track?.getSettings() ?? {};
    const label = track?.label ?? '';
    const runningId = settings.deviceId ?? '';
    track?.addEventListener('ended', () => {
      if (streamRef.current === stream && wantedRef.current) lose(label, runningId);
    });
    setState({
      status: 'on',
      stream,
      label,
      deviceId: runningId,
      width: settings.width ?? 0,
      height: settings.height ?? 0,
    });
    // Labels are given once the camera was allowed: list them again now.
    setDevices(await listCameras());
  }, [lose]);

  const start = useCallback(async () => {
    wantedRef.current = true;
    await open();
  }, [open]);

  const stop = useCallback(() => {
    wantedRef.current = false;
    attemptRef.current += 1;
    stopStream(streamRef.current);
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ status: 'off' });
  }, []);

  // Another camera or frame size chosen while running: open that one instead.
  useEffect(() => {
    const was = choiceRef.current;
    choiceRef.current = { deviceId, resolution };
    const changed = was.deviceId !== deviceId || was.resolution !== resolution;
    if (changed && wantedRef.current) void open();
  }, [deviceId, resolution, open]);

  /**
   * Looks at the cameras there are now: a running camera that left the list is lost (some
   * systems never end its track); a lost one that is listed again is opened again (the same
   * one: a chosen dock camera unplugged must not turn into the laptop's own); with no camera at
   * start, any camera that appears is opened.
   */
  const recheck = useCallback(async () => {
    const list = await listCameras();
    setDevices(list);
    const s = stateRef.current;
    if (!wantedRef.current) return;
    if (s.status === 'on' && s.deviceId && !list.some((d) => d.deviceId === s.deviceId)) {
      lose(s.label, s.deviceId);
    } else if (s.status === 'lost' && cameraIsBack(list, s.deviceId || null)) {
      await open();
    } else if (s.status === 'problem' && s.problem === 'missing' && list.length > 0) {
      await open();
    }
  }, [open, lose]);

  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // The device list, now and whenever a camera is plugged in or out.
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (typeof media?.addEventListener !== 'function') return;
    const onChange = () => void recheck();
    onChange();
    media.addEventListener('devicechange', onChange);
    return () => media.removeEventListener('devicechange', onChange);
  }, [recheck]);

  // A lost camera is looked for every few seconds as well.
  useEffect(() => {
    if (state.status !== 'lost') return;
    const timer = window.setInterval(() => void recheck(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [state.status, recheck]);

  // The <video> appears once the state is 'on'; attach the stream to it then.
  useEffect(() => {
    const video = videoRef.current;
    if (state.status === 'on' && video && video.srcObject !== state.stream) {
      video.srcObject = state.stream;
      void video.play().catch(() => undefined);
    }
  }, [state]);

  // The status bar shows what this camera does.
  const publish = useCameraStatus((s) => s.set);
  useEffect(() => {
    switch (state.status) {
      case 'off':
        publish(statusKey, null);
        break;
      case 'starting':
        publish(statusKey, { state: 'starting' });
        break;
      case 'on':
        publish(statusKey, { state: 'on', label: state.label, scanning });
        break;
      case 'lost':
        publish(statusKey, { state: 'lost', label: state.label });
        break;
      case 'problem':
        publish(statusKey, { state: 'problem', problem: state.problem });
        break;
    }
  }, [state, scanning, statusKey, publish]);

  useEffect(
    () => () => {
      wantedRef.current = false;
      attemptRef.current += 1;
      stopStream(streamRef.current);
      streamRef.current = null;
      publish(statusKey, null);
    },
    [statusKey, publish],
  );

  /** The current frame as a JPEG, at the camera's full resolution (the station scales it). */
  const capture = useCallback(async (): Promise<Blob | null> => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  }, []);

  return { videoRef, state, devices, start, stop, capture };
}
