/**
 * The desktop settings (kiosk, full screen, start at login) turned into what Electron and the
 * OS need. Pure: electron-main.ts applies the results.
 */
import type { DesktopSettings } from '../../src-shared/api/domain-desktop';

/** BrowserWindow options; kiosk implies full screen and wins over it. */
export function windowModeOptions(desktop: DesktopSettings): {
  kiosk: boolean;
  fullscreen: boolean;
} {
  return { kiosk: desktop.kiosk, fullscreen: desktop.kiosk || desktop.fullScreen };
}

/**
 * Start at login. Electron's `app.setLoginItemSettings` covers macOS and Windows; on Linux the
 * XDG autostart convention applies instead: a .desktop file in ~/.config/autostart.
 */
export type LoginItemPlan =
  | { kind: 'electron'; openAtLogin: boolean }
  | { kind: 'xdg-autostart'; file: string; contents: string | null };

export const AUTOSTART_FILE_NAME = 'intake-qc-station.desktop';

export function loginItemPlan(
  desktop: DesktopSettings,
  platform: NodeJS.Platform,
  linux: { configHome: string; executable: string },
): LoginItemPlan {
  if (platform !== 'linux') return { kind: 'electron', openAtLogin: desktop.startAtLogin };
  return {
    kind: 'xdg-autostart',
    file: `${linux.configHome}/autostart/${AUTOSTART_FILE_NAME}`,
    contents: desktop.startAtLogin ? autostartEntry(linux.executable) : null,
  };
}

/** A Desktop Entry; the executable is quoted as the spec requires for paths with spaces. */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Intake QC Station',
    `Exec=${quoted}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}
