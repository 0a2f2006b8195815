import { describe, expect, it } from 'vitest';
import { autostartEntry, loginItemPlan, windowModeOptions } from './desktop-integration';

const off = { kiosk: false, fullScreen: false, startAtLogin: false };

describe('desktop settings applied', () => {
  it('kiosk implies full screen; full screen alone is not kiosk', () => {
    expect(windowModeOptions(off)).toEqual({ kiosk: false, fullscreen: false });
    expect(windowModeOptions({ ...off, fullScreen: true })).toEqual({
      kiosk: false,
      fullscreen: true,
    });
    expect(windowModeOptions({ ...off, kiosk: true })).toEqual({ kiosk: true, fullscreen: true });
  });

  it('starts at login through Electron on Windows and macOS', () => {
    const linux = { configHome: '/home/a/.config', executable: '/opt/qcs/qcs' };
    expect(loginItemPlan({ ...off, startAtLogin: true }, 'win32', linux)).toEqual({
      kind: 'electron',
      openAtLogin: true,
    });
    expect(loginItemPlan(off, 'darwin', linux)).toEqual({ kind: 'electron', openAtLogin: false });
  });

  it('writes (or removes) an XDG autostart entry on Linux', () => {
    const linux = { configHome: '/home/a/.config', executable: '/opt/Intake QC Station/qcs' };
    const on = loginItemPlan({ ...off, startAtLogin: true }, 'linux', linux);
    expect(on).toMatchObject({
      kind: 'xdg-autostart',
      file: '/home/a/.config/autostart/intake-qc-station.desktop',
    });
    expect(on.kind === 'xdg-autostart' && on.contents).toContain(
      'Exec="/opt/Intake QC Station/qcs"',
    );
    expect(loginItemPlan(off, 'linux', linux)).toMatchObject({ contents: null });
    expect(autostartEntry('/x/a"b$c')).toContain('Exec="/x/a\\"b\\$c"');
  });
});
