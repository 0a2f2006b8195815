import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createIpcCallHandler, IPC_CALL_CHANNEL, IPC_PUSH_CHANNEL } from '../api/ipc-transport';
import { collectStationDiagnostics } from '../logging/station-diagnostics';
import { createLogger, logsDir, type Logger } from '../logging/logger';
import { appRoot } from '../paths';
import { AlertNotifier } from '../shelf-life/alert-notifier';
import { OCR_WARM_UP_AFTER_MS, openStation, StationStartError, type Station } from '../station';
import { latestSchemaVersion } from '../store/migrate';
import { SOFTWARE_VERSION } from '../version';
import { aboutText, applicationMenuTemplate, type MenuItemSpec } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { utilityLauncher } from './ocr-utility-launcher';
import { loginItemPlan, windowModeOptions } from './desktop-integration';
import {
  ipcSenderAllowed,
  permissionCheckAllowed,
  permissionRequestAllowed,
} from './security-policy';
import { createStationWindow, lockDown } from './station-window';

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

/** The camera for our page only; every other permission, and every other origin, denied. */
function installPermissionHandlers(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      permissionRequestAllowed({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        ...('mediaTypes' in details ? { mediaTypes: details.mediaTypes ?? [] } : {}),
      }),
    );
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin, details) =>
    permissionCheckAllowed(permission, origin, details.mediaType),
  );
}

/** Kiosk / full screen on the window, start-at-login with the OS. */
function applyDesktopSettings(station: Station, win: BrowserWindow | null, log: Logger): void {
  const desktop = station.settings.get().desktop;
  if (win && !win.isDestroyed()) {
    const mode = windowModeOptions(desktop);
    win.setKiosk(mode.kiosk);
    win.setFullScreen(mode.fullscreen);
  }
  // An unpackaged run (npm start) has no stable executable to register with the OS.
  if (!app.isPackaged) return;
  const plan = loginItemPlan(desktop, process.platform, {
    configHome: process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
    executable: process.env.APPIMAGE ?? process.execPath,
  });
  try {
    if (plan.kind === 'electron') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
    else if (plan.contents === null) rmSync(plan.file, { force: true });
    else {
      mkdirSync(dirname(plan.file), { recursive: true });
      writeFileSync(plan.file, plan.contents);
    }
  } catch (err) {
    log.error('start-at-login could not be applied', { err });
  }
}

async function saveDiagnostics(station: Station, dataDir: string, log: Logger): Promise<void> {
  const diagnostics = await collectStationDiagnostics(station, dataDir, 'electron');
  const target = await dialog.showSaveDialog({
    defaultPath: join(app.getPath('downloads'), diagnostics.fileName),
    filters: [{ name: 'Zip', extensions: ['zip'] }],
  });
  if (target.canceled || !target.filePath) return;
  writeFileSync(target.filePath, diagnostics.zip);
  log.info('diagnostics saved', { bytes: diagnostics.zip.length });
}

function installMenu(station: Station, dataDir: string, log: Logger): void {
  const settings = station.settings.get();
  const toElectron = (item: MenuItemSpec): MenuItemConstructorOptions => {
    const { action, submenu, ...rest } = item;
    const click = () => {
      if (action === 'collect-diagnostics') {
        saveDiagnostics(station, dataDir, log).catch((err: unknown) => {
          log.error('diagnostics failed', { err });
          dialog.showErrorBox(
            'Intake QC Station',
            `Diagnostics could not be saved: ${String(err)}`,
          );
        });
      } else if (action === 'about') {
        void dialog.showMessageBox({
          type: 'info',
          title: 'Intake QC Station',
          message: aboutText(SOFTWARE_VERSION, process.versions, latestSchemaVersion()),
        });
      }
    };
    return {
      ...rest,
      ...(action ? { click } : {}),
      ...(submenu ? { submenu: submenu.map(toElectron) } : {}),
    };
  };
  const template = applicationMenuTemplate({
    language: settings.language,
    platform: process.platform,
    kiosk: settings.desktop.kiosk,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(toElectron)));
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another station is running on this machine: it gets focus, we leave before opening the
  // database or any serial port (two stations would fight over the scanner's port).
  app.quit();
} else {
  let station: Station | null = null;
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = argValue('--data-dir') ?? app.getPath('userData');
    const log = createLogger({ dir: logsDir(dataDir) });
    log.info('station starting', {
      version: SOFTWARE_VERSION,
      electron: process.versions.electron,
      platform: process.platform,
    });
    const nativeBinding = electronNativeBinding();
    try {
      station = openStation({
        ocr: { warmUpAfterMs: OCR_WARM_UP_AFTER_MS, launcher: utilityLauncher },
        dataDir,
        mode: 'electron',
        demo: process.argv.includes('--demo'),
        ...(nativeBinding ? { nativeBinding } : {}),
        onInternalError: (call, err) => log.error('call failed', { call, err }),
      });
    } catch (err) {
      const message = err instanceof StationStartError ? err.message : String(err);
      log.error('station cannot start', { err });
      dialog.showErrorBox('Intake QC Station cannot start', message);
      app.exit(1);
      return;
    }
    const running = station;
    void running.devices.restart();
    installPermissionHandlers();
    serveRenderer(join(appRoot(), 'out', 'renderer'));
    // Only our window's main frame, on app://station, may call the station.
    const ourWindows = new Set<number>();
    ipcMain.handle(
      IPC_CALL_CHANNEL,
      createIpcCallHandler(running.registry, (event) => {
        const allowed = ipcSenderAllowed(event, ourWindows);
        if (!allowed) log.warn('IPC call refused', { url: event.senderFrame?.url.slice(0, 200) });
        return allowed;
      }),
    );
    running.bus.subscribe((event, payload) => {
      for (const win of BrowserWindow.getAllWindows())
        win.webContents.send(IPC_PUSH_CHANNEL, event, payload);
    });
    app.on('web-contents-created', (_e, contents) => lockDown(contents, log));
    window = createStationWindow(running.settings.get().desktop, log);
    ourWindows.add(window.webContents.id);
    installMenu(running, dataDir, log);
    applyDesktopSettings(running, null, log);
    // Re-applied only when what they depend on changed (any setting change announces itself).
    let applied = JSON.stringify(running.settings.get().desktop);
    let menuFor = `${running.settings.get().language}/${applied}`;
    running.bus.subscribe((event) => {
      if (event !== 'settings.changed') return;
      const { desktop, language } = running.settings.get();
      if (JSON.stringify(desktop) !== applied) {
        applied = JSON.stringify(desktop);
        log.info('desktop settings applied', desktop);
        applyDesktopSettings(running, window, log);
      }
      if (`${language}/${applied}` !== menuFor) {
        menuFor = `${language}/${applied}`;
        installMenu(running, dataDir, log);
      }
    });
    // Desktop notifications on alert dates (browser mode shows the in-app alert list only).
    if (Notification.isSupported()) {
      new AlertNotifier(
        () => running.shelfLife.alertsDue(),
        (notice) => new Notification({ title: notice.title, body: notice.body }).show(),
      ).start();
    }
    log.info('station started', { mode: 'electron' });
    app.on('window-all-closed', () => {
      log.info('station stopping');
      station?.close();
      station = null;
      log.close();
      app.quit();
    });
  });
}
