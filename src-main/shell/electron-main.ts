import {
  app,
  BrowserWindow,
  ipcMain,
  Notification,
  session,
  shell,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createIpcCallHandler, IPC_CALL_CHANNEL, IPC_PUSH_CHANNEL } from '../api/ipc-transport';
import { appRoot } from '../paths';
import { AlertNotifier } from '../shelf-life/alert-notifier';
import { OCR_WARM_UP_AFTER_MS, openStation, StationStartError, type Station } from '../station';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';

/** Links the station may open in the system browser; everything else stays closed. */
const EXTERNAL_ALLOW_LIST = ['https://www.gs1.org/', 'https://ref.gs1.org/'];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** better-sqlite3 built for Electron's ABI lives apart from the Node build (scripts/rebuild-electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'electron-native', 'better_sqlite3.node'),
    join(appRoot(), 'build', 'electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((c) => existsSync(c));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Intake QC Station',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: join(appRoot(), 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  lockDown(win.webContents);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another station is running on this machine: it gets focus, we leave (two never share a serial port).
  app.quit();
} else {
  let station: Station | null = null;
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    const dataDir = argValue('--data-dir') ?? app.getPath('userData');
    const nativeBinding = electronNativeBinding();
    try {
      station = openStation({
        ocr: { warmUpAfterMs: OCR_WARM_UP_AFTER_MS },
        dataDir,
        mode: 'electron',
        demo: process.argv.includes('--demo'),
        ...(nativeBinding ? { nativeBinding } : {}),
        onInternalError: (call, err) => console.error(`[station] ${call} failed:`, err),
      });
    } catch (err) {
      const message = err instanceof StationStartError ? err.message : String(err);
      console.error(`Intake QC Station cannot start: ${message}`);
      app.exit(1);
      return;
    }
    const running = station;
    void running.devices.restart();
    session.defaultSession.setPermissionRequestHandler(
      (contents, permission, callback, details) => {
        const fromUs = details.requestingUrl.startsWith(`${APP_ORIGIN}/`);
        const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
        // The camera only: no microphone, no notifications, no geolocation, nothing else.
        callback(
          fromUs &&
            permission === 'media' &&
            mediaTypes.length > 0 &&
            mediaTypes.every((t) => t === 'video'),
        );
      },
    );
    session.defaultSession.setPermissionCheckHandler(
      (_contents, permission, origin) => permission === 'media' && origin === APP_ORIGIN,
    );
    serveRenderer(join(appRoot(), 'out', 'renderer'));
    ipcMain.handle(IPC_CALL_CHANNEL, createIpcCallHandler(running.registry));
    running.bus.subscribe((event, payload) => {
      for (const win of BrowserWindow.getAllWindows())
        win.webContents.send(IPC_PUSH_CHANNEL, event, payload);
    });
    app.on('web-contents-created', (_e, contents) => lockDown(contents));
    createWindow();
    // Desktop notifications on alert dates (browser mode shows the in-app alert list only).
    if (Notification.isSupported()) {
      new AlertNotifier(
        () => running.shelfLife.alertsDue(),
        (notice) => new Notification({ title: notice.title, body: notice.body }).show(),
      ).start();
    }
  });

  app.on('window-all-closed', () => {
    station?.close();
    station = null;
    app.quit();
  });
}
