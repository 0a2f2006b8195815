import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/api/domain-settings';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let station: Station;

const call = (name: 'settings.update' | 'settings.get', input: object) =>
  station.registry.dispatch(name, input, { clientId: 'screen-1', transport: 'test' });

beforeEach(async () => {
  dir = tempDir();
  station = openStation({ dataDir: dir.path, mode: 'browser', demo: true, validateOutput: true });
  await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-INSP-0001', pin: '1234' },
    { clientId: 'screen-1', transport: 'test' },
  );
});
afterEach(() => {
  station?.close();
  dir.cleanup();
});

describe('the camera setting', () => {
  it('defaults to the system camera at 720p, reading the GS1 formats live', async () => {
    const got = await call('settings.get', {});
    expect(got).toMatchObject({ ok: true, value: { camera: defaultSettings.camera } });
    expect(defaultSettings.camera).toMatchObject({
      deviceId: null,
      resolution: '1280x720',
      liveScan: true,
    });
    expect(defaultSettings.camera.formats).toContain('DataMatrix');
  });

  it('is changed by an inspector (their own device), while quality rules stay a manager’s', async () => {
    const camera = {
      deviceId: 'dock-cam',
      resolution: '1920x1080',
      formats: ['DataMatrix', 'Code128'],
      liveScan: false,
    };
    expect(await call('settings.update', { camera })).toMatchObject({
      ok: true,
      value: { camera },
    });
    expect(station.settings.get().camera).toEqual(camera);
    expect(
      await call('settings.update', { inspection: { spotCheckQuota: 0, skipLotCategories: [] } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses formats the reader does not know, and an empty list', async () => {
    for (const formats of [['Aztec'], []]) {
      expect(
        await call('settings.update', {
          camera: { ...defaultSettings.camera, formats },
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
