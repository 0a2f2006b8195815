import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import type { DesktopSettings } from '../../src-shared/api/domain-desktop';
import type { Logger } from '../logging/logger';
import { appRoot } from '../paths';
import { windowModeOptions } from './desktop-integration';
import { RendererRecovery } from './renderer-recovery';
import { APP_ORIGIN, navigationAllowed, windowOpenDecision } from './security-policy';

/**
 * Applied to every webContents (app.on('web-contents-created')), not only our window's: no
 * navigation off our origin, no <webview>, no new windows (allow-listed links go to the system
 * browser instead). The decisions are security-policy.ts's.
 */
export function lockDown(contents: WebContents, log: Logger): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    log.warn('navigation blocked', { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    // Only an https URL that passed the allow-list (exact host) reaches the system browser;
    // Electronegativity flags every non-literal openExternal for review: this one is reviewed.
    if (decision.openExternal !== null) void shell.openExternal(decision.openExternal); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: decision.action };
  });
}

/** The station's one window: sandboxed, isolated, no Node, our pages only. */
export function createStationWindow(desktop: DesktopSettings, log: Logger): BrowserWindow {
  const mode = windowModeOptions(desktop);
  const preload = join(appRoot(), 'out', 'preload', 'preload.cjs');
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    kiosk: mode.kiosk,
    fullscreen: mode.fullscreen,
    title: 'Intake QC Station',
    icon: join(appRoot(), 'resources', 'icon.png'),
    backgroundColor: '#0f172a',
    webPreferences: {
      // Electronegativity flags every preload for review: this one is sandboxed and exposes two
      // named functions through contextBridge (preload.ts), nothing else.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in a new window, around setWindowOpenHandler's back.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  lockDown(win.webContents, log);
  watchRenderer(win, log);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * A crashed renderer is reloaded (the state is in the main process and SQLite); a hung one is
 * given a grace period, then killed, which comes back here as a crash. Reload loops stop
 * after a few tries (renderer-recovery.ts).
 */
function watchRenderer(win: BrowserWindow, log: Logger): void {
  const recovery = new RendererRecovery();
  let hang: NodeJS.Timeout | null = null;
  const contents = win.webContents;
  contents.on('render-process-gone', (_event, details) => {
    const decision = recovery.onFailure(details.reason);
    if (!decision || win.isDestroyed()) return;
    if (decision.action === 'reload') {
      log.error('renderer gone; reloading', { reason: details.reason, exitCode: details.exitCode });
      contents.reload();
    } else {
      log.error('renderer keeps failing; not reloading again', { crashes: decision.crashes });
      dialog.showErrorBox(
        'Intake QC Station',
        'The station screen stopped working several times in a row. Nothing has been lost. ' +
          'Use View › Reload to try again, or restart the station; the log has the details.',
      );
    }
  });
  win.on('unresponsive', () => {
    log.warn('renderer unresponsive', { graceMs: recovery.hangGraceMs });
    hang ??= setTimeout(() => {
      hang = null;
      if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
    }, recovery.hangGraceMs);
  });
  win.on('responsive', () => {
    if (hang) clearTimeout(hang);
    hang = null;
  });
  win.on('closed', () => {
    if (hang) clearTimeout(hang);
  });
}
