import { utilityProcess } from 'electron';
import type { OcrExit, OcrLauncher } from '../vision/ocr/ocr-process';
import { isOcrReply } from '../vision/ocr/protocol';

/**
 * The OCR process under Electron: a utilityProcess (a Node child Chromium manages), never
 * child_process.fork — fork would run the Electron binary with ELECTRON_RUN_AS_NODE, which the
 * RunAsNode fuse switches off in packaged builds (scripts/electron-fuses.cjs).
 */
export const utilityLauncher: OcrLauncher = (entry, args) => {
  const child = utilityProcess.fork(entry, [...args], { serviceName: 'QCS OCR', stdio: 'inherit' });
  let alive = true;
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      if (alive) child.postMessage(message);
    },
    onMessage: (listener) =>
      child.on('message', (message: unknown) => {
        if (isOcrReply(message)) listener(message);
      }),
    onExit: (listener: (exit: OcrExit) => void) =>
      child.on('exit', (code) => {
        alive = false;
        listener({ code, signal: null });
      }),
    kill: () => {
      if (alive) child.kill();
    },
  };
};
