import { CAMERA_RESOLUTIONS, type CameraResolution } from '../../../src-shared/api/domain-settings';

/** Which camera to open and how large its frames should be. */
export interface CameraChoice {
  /** null: the system's default (a tablet's rear camera when there is one). */
  deviceId: string | null;
  resolution: CameraResolution;
}

/** A camera the browser lists. Labels are empty until the camera was allowed once. */
export interface CameraDevice {
  deviceId: string;
  label: string;
}

export function parseResolution(resolution: CameraResolution): { width: number; height: number } {
  const [width, height] = resolution.split('x').map(Number);
  return { width: width ?? 1280, height: height ?? 720 };
}

/** The nearest resolution of the list to a frame the camera actually delivers. */
export function nearestResolution(width: number, height: number): CameraResolution {
  let best: CameraResolution = '1280x720';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const r of CAMERA_RESOLUTIONS) {
    const size = parseResolution(r);
    const distance = Math.abs(size.width - width) + Math.abs(size.height - height);
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * What getUserMedia is asked for. The frame size is `ideal`: a camera that cannot do it gives
 * its nearest size instead of failing. A chosen camera is `exact` (the inspector picked it; a
 * different one would be a surprise) — when it is gone, the caller falls back to any camera.
 */
export function videoConstraints(choice: CameraChoice, anyCamera = false): MediaStreamConstraints {
  const { width, height } = parseResolution(choice.resolution);
  const video: MediaTrackConstraints = {
    width: { ideal: width },
    height: { ideal: height },
    // Barcodes blur when the camera lowers its frame rate in dim light; ask for a steady rate.
    frameRate: { ideal: 30 },
  };
  if (choice.deviceId && !anyCamera) video.deviceId = { exact: choice.deviceId };
  else video.facingMode = { ideal: 'environment' };
  return { audio: false, video };
}

/** The cameras among the media devices, named "Camera 2" when the browser gives no label. */
export function cameraDevices(
  devices: readonly Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>[],
  unnamed: (n: number) => string,
): CameraDevice[] {
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || unnamed(i + 1) }));
}

/** Whether a camera that went away is back (the same one; or any one when none was chosen). */
export function cameraIsBack(devices: readonly CameraDevice[], deviceId: string | null): boolean {
  return deviceId === null ? devices.length > 0 : devices.some((d) => d.deviceId === deviceId);
}
