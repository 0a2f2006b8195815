import { describe, expect, it } from 'vitest';
import { aboutText, applicationMenuTemplate, type MenuItemSpec } from './app-menu';

const flatten = (items: MenuItemSpec[]): MenuItemSpec[] =>
  items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('application menu', () => {
  it('has File (diagnostics, quit), Edit, View (reload, full screen, zoom) and Help (about)', () => {
    const menu = applicationMenuTemplate({ language: 'en', platform: 'linux', kiosk: false });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menu[0]?.submenu?.map((i) => i.action ?? i.role ?? i.type)).toEqual([
      'collect-diagnostics',
      'separator',
      'quit',
    ]);
    expect(menu[2]?.submenu?.map((i) => i.role ?? i.type)).toEqual([
      'reload',
      'togglefullscreen',
      'separator',
      'zoomIn',
      'zoomOut',
      'resetZoom',
    ]);
    expect(menu[3]?.submenu).toEqual([{ label: 'About Intake QC Station', action: 'about' }]);
  });

  it('puts the app menu first on macOS and speaks the station language', () => {
    const menu = applicationMenuTemplate({ language: 'zh-CN', platform: 'darwin', kiosk: false });
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(menu[1]?.label).toBe('文件');
    expect(menu[1]?.submenu?.[0]?.label).toBe('收集诊断信息…');
  });

  it('offers no way out of kiosk mode (no Quit, no full-screen toggle)', () => {
    const items = flatten(
      applicationMenuTemplate({ language: 'en', platform: 'win32', kiosk: true }),
    );
    expect(items.map((i) => i.role)).not.toContain('quit');
    expect(items.map((i) => i.role)).not.toContain('togglefullscreen');
    expect(items.map((i) => i.action)).toContain('collect-diagnostics');
  });

  it('about names the versions', () => {
    expect(aboutText('0.1.0', { electron: '45.5.0', node: '22.20.0' }, 31)).toBe(
      [
        'Intake QC Station 0.1.0',
        'Electron 45.5.0',
        'Chromium —',
        'Node.js 22.20.0',
        'V8 —',
        'Database schema 31',
      ].join('\n'),
    );
  });
});
