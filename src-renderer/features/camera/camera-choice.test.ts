import { describe, expect, it } from 'vitest';
import {
  cameraDevices,
  cameraIsBack,
  nearestResolution,
  parseResolution,
  videoConstraints,
} from './camera-choice';

describe('camera choice', () => {
  it('reads a resolution and finds the nearest one to a delivered frame', () => {
    expect(parseResolution('1920x1080')).toEqual({ width: 1920, height: 1080 });
    expect(nearestResolution(1280, 720)).toBe('1280x720');
    expect(nearestResolution(1920, 1088)).toBe('1920x1080');
    expect(nearestResolution(320, 240)).toBe('640x480');
  });

  it('asks for the chosen camera exactly, at an ideal size', () => {
    expect(videoConstraints({ deviceId: 'cam-1', resolution: '1280x720' })).toEqual({
      audio: false,
      video: {
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 30 },
        deviceId: { exact: 'cam-1' },
      },
    });
  });

  it('asks for the rear camera when none was chosen, or as the fallback', () => {
    for (const c of [
      videoConstraints({ deviceId: null, resolution: '1920x1080' }),
      videoConstraints({ deviceId: 'gone', resolution: '1920x1080' }, true),
    ]) {
      expect(c.video).toMatchObject({ facingMode: { ideal: 'environment' } });
      expect(c.video).not.toHaveProperty('deviceId');
    }
  });

  it('lists cameras only, naming the unnamed', () => {
    const list = cameraDevices(
      [
        { kind: 'audioinput', deviceId: 'mic', label: 'Mic' },
        { kind: 'videoinput', deviceId: 'a', label: 'Dock camera' },
        { kind: 'videoinput', deviceId: 'b', label: '' },
        { kind: 'videoinput', deviceId: '', label: '' },
      ],
      (n) => `Camera ${n}`,
    );
    expect(list).toEqual([
      { deviceId: 'a', label: 'Dock camera' },
      { deviceId: 'b', label: 'Camera 2' },
    ]);
  });

  it('knows when the camera that went away is back', () => {
    const list = [{ deviceId: 'a', label: 'A' }];
    expect(cameraIsBack(list, 'a')).toBe(true);
    expect(cameraIsBack(list, 'b')).toBe(false);
    expect(cameraIsBack(list, null)).toBe(true);
    expect(cameraIsBack([], null)).toBe(false);
  });
});
