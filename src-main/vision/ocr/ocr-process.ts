/**
 * How the station starts its OCR process, behind a small interface: under plain Node a
 * child_process.fork; in the desktop app the shell passes a launcher built on Electron's
 * utilityProcess (this module must not import electron). Running onnxruntime in a separate
 * process, not a worker thread, is the point: a native crash there has been seen to take
 * Electron's main process down with it from a worker thread.
 */
import { fork } from 'node:child_process';
import type { OcrReply, OcrRequest } from './protocol';
import { isOcrReply } from './protocol';

export interface OcrExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** A running OCR process. Listeners are attached once, right after launch. */
export interface OcrProcess {
  readonly pid: number | undefined;
  send(message: OcrRequest): void;
  onMessage(listener: (message: OcrReply) => void): void;
  onExit(listener: (exit: OcrExit) => void): void;
  /** Ends the process at once (SIGKILL): it holds nothing that needs a clean shutdown. */
  kill(): void;
}

/**
 * Starts `entry` (the bundled ocr-worker.mjs) with `args`. An Electron shell would do, with
 * utilityProcess: `const child = utilityProcess.fork(entry, args, { serviceName: 'OCR' })`,
 * `send` → `child.postMessage`, `onMessage` → `child.on('message', …)`, `onExit` →
 * `child.on('exit', (code) => …)`, `kill` → `child.kill()`.
 */
export type OcrLauncher = (entry: string, args: readonly string[]) => OcrProcess;

/** The Node launcher: a forked child with structured-clone IPC (photos go as bytes, not base64). */
export const forkLauncher: OcrLauncher = (entry, args) => {
  const child = fork(entry, [...args], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Node options meant for the station (a debugger port, --import hooks) are not the child's.
    execArgv: [],
  });
  // The station must be able to exit while the OCR process idles: neither the process nor
  // its channel keeps the station's event loop alive (a pending request's timer does).
  child.unref();
  child.channel?.unref();
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) =>
      child.on('message', (message: unknown) => {
        if (isOcrReply(message)) listener(message);
      }),
    onExit: (listener) => {
      let reported = false;
      const report = (exit: OcrExit) => {
        if (reported) return;
        reported = true;
        listener(exit);
      };
      child.on('exit', (code, signal) => report({ code, signal }));
      child.on('error', () => {
        // No pid: the process never started (EAGAIN…), so no 'exit' will follow. Otherwise
        // the channel broke under a live process: end it, and its 'exit' reports it.
        if (child.pid === undefined) report({ code: null, signal: null });
        else child.kill('SIGKILL');
      });
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
};
