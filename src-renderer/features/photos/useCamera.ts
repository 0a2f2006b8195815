import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraProblem, type CameraProblem } from './photo-files';

export type CameraState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'on' }
  | { status: 'problem'; problem: CameraProblem; detail: string };

/** The dock camera: prefers the rear camera of a tablet, asks for full-HD frames. */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 1920 },
    height: { ideal: 1080 },
  },
};

/**
 * A live camera preview for taking stills. The stream is stopped when the camera is closed and
 * when the component goes away: a forgotten stream keeps the camera's light on and the device
 * busy for every other program.
 */
export function useCamera() {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>({ status: 'off' });

  const stop = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ status: 'off' });
  }, []);

  const start = useCallback(async () => {
    // Absent outside a secure context (a page not served from localhost or https).
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      setState({ status: 'problem', problem: 'unavailable', detail: '' });
      return;
    }
    setState({ status: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
      streamRef.current = stream;
      setState({ status: 'on' });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      setState({ status: 'problem', problem: cameraProblem(err), detail });
    }
  }, []);

  // The <video> appears once the state is 'on'; attach the stream to it then.
  useEffect(() => {
    const video = videoRef.current;
    if (state.status === 'on' && video && streamRef.current) {
      video.srcObject = streamRef.current;
      void video.play().catch(() => undefined);
    }
  }, [state.status]);

  useEffect(
    () => () => {
      for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    },
    [],
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

  return { videoRef, state, start, stop, capture };
}
