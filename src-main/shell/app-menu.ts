/**
 * The application menu as data: File (Collect diagnostics…, Quit), View (Reload, Full screen,
 * Zoom) and Help (About). Pure, so its shape is unit-tested; electron-main.ts hands it to
 * `Menu.buildFromTemplate` with the `click` handlers filled in from `actions`.
 */
import type { StationSettings } from '../../src-shared/api/domain-settings';

export type MenuAction = 'collect-diagnostics' | 'about';

/** The subset of Electron's MenuItemConstructorOptions we use (structural: no electron import). */
export interface MenuItemSpec {
  label?: string;
  role?:
    | 'appMenu'
    | 'quit'
    | 'reload'
    | 'togglefullscreen'
    | 'zoomIn'
    | 'zoomOut'
    | 'resetZoom'
    | 'copy'
    | 'paste'
    | 'cut'
    | 'selectAll'
    | 'undo'
    | 'redo';
  type?: 'separator';
  accelerator?: string;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

const LABELS = {
  en: {
    file: 'File',
    diagnostics: 'Collect diagnostics…',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    about: 'About Intake QC Station',
  },
  'zh-CN': {
    file: '文件',
    diagnostics: '收集诊断信息…',
    edit: '编辑',
    view: '视图',
    help: '帮助',
    about: '关于 Intake QC Station',
  },
} satisfies Record<StationSettings['language'], Record<string, string>>;

/**
 * @param kiosk in kiosk mode the window must not be left: no full-screen toggle and no Quit
 *   item (an admin turns kiosk off in Settings first).
 */
export function applicationMenuTemplate(options: {
  language: StationSettings['language'];
  platform: NodeJS.Platform;
  kiosk: boolean;
}): MenuItemSpec[] {
  const l = LABELS[options.language];
  const file: MenuItemSpec = {
    label: l.file,
    submenu: [
      { label: l.diagnostics, action: 'collect-diagnostics' },
      ...(options.kiosk ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  // Copy/paste shortcuts only work in Electron when an Edit menu with these roles exists.
  const edit: MenuItemSpec = {
    label: l.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: l.view,
    submenu: [
      { role: 'reload' },
      ...(options.kiosk ? [] : [{ role: 'togglefullscreen' as const }]),
      { type: 'separator' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
    ],
  };
  const help: MenuItemSpec = { label: l.help, submenu: [{ label: l.about, action: 'about' }] };
  // macOS expects the application's own menu first (About, Hide, Quit live there).
  const mac = options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : [];
  return [...mac, file, edit, view, help];
}

/** The About box's text: versions only, nothing about the people using the station. */
export function aboutText(
  appVersion: string,
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>,
  schemaVersion: number,
): string {
  return [
    `Intake QC Station ${appVersion}`,
    `Electron ${versions.electron ?? '—'}`,
    `Chromium ${versions.chrome ?? '—'}`,
    `Node.js ${versions.node ?? '—'}`,
    `V8 ${versions.v8 ?? '—'}`,
    `Database schema ${schemaVersion}`,
  ].join('\n');
}
