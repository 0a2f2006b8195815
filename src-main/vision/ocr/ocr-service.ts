/**
 * The station's side of OCR: starts the OCR process, keeps it alive, and turns photos into text
 * lines through it. The process may die at any moment (a native crash in onnxruntime, an
 * out-of-memory kill, someone's kill -9): the station stays up, says so on the push bus
 * (`ocr.status`), starts a new process, and the next request is answered by it. The request
 * that was being read when it died fails with a clear, retryable error; requests still
 * waiting their turn are simply answered by the new process.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrStatusView } from '../../../src-shared/api/domain-vision';
import { AppError } from '../../api/app-error';
import type { PushBus } from '../../api/push-bus';
import { appRoot } from '../../paths';
import { forkLauncher, type OcrExit, type OcrLauncher, type OcrProcess } from './ocr-process';
import type { OcrReply } from './protocol';
import type { TextLine } from './reading-order';

export interface OcrServiceOptions {
  /** Receives `ocr.status` on every change of state. */
  readonly bus?: PushBus;
  /** How to start the process (default: child_process.fork; Electron passes utilityProcess). */
  readonly launcher?: OcrLauncher;
  /** The bundled worker (default: out/main/ocr-worker.mjs). */
  readonly entry?: string;
  /** Folder with manifest.json and the models (default: the installation's native-models/). */
  readonly modelsDir?: string;
  /** Longest a photo may take, waiting included (default 30 s). */
  readonly timeoutMs?: number;
  /**
   * Waits before restarting after 1, 2, 3… crashes with no photo read in between; one more
   * crash turns OCR off ('failed') until the station restarts.
   */
  readonly restartDelaysMs?: readonly number[];
  readonly log?: (line: string) => void;
}

export interface OcrResult {
  readonly lines: TextLine[];
  readonly width: number;
  readonly height: number;
  /** Time spent in the OCR process. */
  readonly ms: number;
}

interface Pending {
  readonly id: number;
  readonly image: Uint8Array;
  readonly resolve: (result: OcrResult) => void;
  readonly reject: (err: AppError) => void;
  readonly timer: NodeJS.Timeout;
}

type Phase = 'idle' | 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RESTART_DELAYS_MS = [0, 1_000, 5_000, 15_000, 30_000];

export function defaultWorkerEntry(): string {
  return join(appRoot(), 'out', 'main', 'ocr-worker.mjs');
}

function describeExit({ code, signal }: OcrExit): string {
  if (signal) return `killed by ${signal}`;
  return code === null ? 'could not be started' : `exited with code ${code}`;
}

export class OcrService {
  private phase: Phase = 'idle';
  private process: OcrProcess | null = null;
  private restarts = 0;
  private crashesInARow = 0;
  private lastError: string | null = null;
  /** Set when the process said why it cannot work, just before it exits. */
  private fatal: string | null = null;
  /** Set when the station killed the process itself (a request overran its time). */
  private killedFor: string | null = null;
  private readonly queue: Pending[] = [];
  private inFlight: Pending | null = null;
  private nextId = 1;
  private restartTimer: NodeJS.Timeout | null = null;
  private warmUpTimer: NodeJS.Timeout | null = null;
  private readonly readyWaiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();

  constructor(private readonly options: OcrServiceOptions = {}) {}

  /** What `vision.ocrStatus` answers and `ocr.status` pushes. */
  status(): OcrStatusView {
    const state =
      this.phase === 'idle' || this.phase === 'stopped'
        ? 'starting'
        : this.phase === 'failed'
          ? 'failed'
          : this.phase;
    return { state, restarts: this.restarts, lastError: this.lastError };
  }

  /** The OCR process's pid while one runs (tests kill it). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** True while the OCR process is reading a photo. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Starts the process now (loading and verifying models, one tiny inference). Idempotent. */
  start(): void {
    if (this.phase !== 'idle') return;
    this.launch('starting');
  }

  /** Starts it in the background after `delayMs`, so it does not compete with the station's start. */
  startAfter(delayMs: number): void {
    if (this.phase !== 'idle' || this.warmUpTimer) return;
    this.warmUpTimer = setTimeout(() => {
      this.warmUpTimer = null;
      this.start();
    }, delayMs);
    this.warmUpTimer.unref();
  }

  /** Resolves once the process is ready; rejects if OCR fails for good or `timeoutMs` passes. */
  whenReady(timeoutMs = 60_000): Promise<void> {
    if (this.phase === 'stopped') return Promise.reject(this.closing());
    this.start();
    if (this.phase === 'ready') return Promise.resolve();
    if (this.phase === 'failed') return Promise.reject(new Error(this.lastError ?? 'OCR failed'));
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.readyWaiters.delete(waiter);
        reject(new Error(`The OCR process was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      this.readyWaiters.add(waiter);
    });
  }

  /** The text lines of a photo (JPEG, PNG…), in reading order. */
  read(image: Uint8Array): Promise<OcrResult> {
    if (this.phase === 'stopped') return Promise.reject(this.closing());
    this.start();
    // Starting may have failed at once (the worker is not built).
    if (this.phase === 'failed') return Promise.reject(this.off());
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => this.timedOut(id, timeoutMs), timeoutMs);
      this.queue.push({ id, image, resolve, reject, timer });
      this.pump();
    });
  }

  /** Ends the process and fails whatever waits. The station's close() calls this. */
  stop(): void {
    if (this.phase === 'stopped') return;
    this.phase = 'stopped';
    if (this.warmUpTimer) clearTimeout(this.warmUpTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.warmUpTimer = null;
    this.restartTimer = null;
    this.failAll(this.closing());
    for (const w of this.readyWaiters) w.reject(this.closing());
    this.readyWaiters.clear();
    const child = this.process;
    this.process = null;
    child?.kill();
  }

  private launch(phase: 'starting' | 'restarting'): void {
    this.phase = phase;
    this.fatal = null;
    this.killedFor = null;
    const entry = this.options.entry ?? defaultWorkerEntry();
    if (!existsSync(entry)) {
      this.failForGood(
        `The OCR process is not built (${entry} is missing). Run "npm run build" and restart the station.`,
      );
      return;
    }
    const args = this.options.modelsDir ? ['--models', this.options.modelsDir] : [];
    const child = (this.options.launcher ?? forkLauncher)(entry, args);
    this.process = child;
    child.onMessage((message) => {
      if (this.process === child) this.onReply(message);
    });
    child.onExit((exit) => {
      if (this.process === child) this.onExit(exit);
    });
    this.emitStatus();
  }

  private onReply(message: OcrReply): void {
    switch (message.type) {
      case 'ready': {
        this.phase = 'ready';
        this.options.log?.(`OCR ready in ${Math.round(message.ms)} ms`);
        for (const w of this.readyWaiters) w.resolve();
        this.readyWaiters.clear();
        this.emitStatus();
        this.pump();
        return;
      }
      case 'fatal':
        this.fatal = message.message;
        return;
      case 'result':
      case 'error': {
        const pending = this.inFlight;
        if (!pending || pending.id !== message.id) return; // an answer that came too late
        this.inFlight = null;
        clearTimeout(pending.timer);
        if (message.type === 'result') {
          // Only a photo read counts as working again: a process that starts but dies on every
          // photo (or every few seconds) is crashing in a loop, not recovering.
          this.crashesInARow = 0;
          pending.resolve({
            lines: message.lines,
            width: message.width,
            height: message.height,
            ms: message.ms,
          });
        } else {
          pending.reject(
            new AppError(
              'invalid_input',
              `The label reader could not read this photo: ${message.message}`,
              {
                reason: 'ocr-unreadable',
                retryable: 0,
              },
            ),
          );
        }
        this.pump();
        return;
      }
    }
  }

  private onExit(exit: OcrExit): void {
    this.process = null;
    if (this.phase === 'stopped') return;
    const why = this.fatal ?? this.killedFor ?? `The OCR process stopped (${describeExit(exit)}).`;
    this.lastError = why;
    this.options.log?.(`OCR: ${why}`);
    const lost = this.inFlight;
    this.inFlight = null;
    if (lost && !this.killedFor) {
      clearTimeout(lost.timer);
      lost.reject(
        new AppError(
          'unavailable',
          `The label reader stopped while reading this photo (${describeExit(exit)}). It is restarting: try again in a moment.`,
          { reason: 'ocr-crashed', retryable: 1 },
        ),
      );
    }
    if (this.fatal) {
      this.failForGood(this.fatal);
      return;
    }
    this.restarts += 1;
    this.crashesInARow += 1;
    const delays = this.options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
    const delay = delays[this.crashesInARow - 1];
    if (delay === undefined) {
      this.failForGood(
        `The OCR process stopped ${this.crashesInARow} times in a row (last: ${why}); label reading is off until the station restarts.`,
      );
      return;
    }
    this.phase = 'restarting';
    this.emitStatus();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.phase === 'restarting') this.launch('restarting');
    }, delay);
    this.restartTimer.unref();
  }

  private timedOut(id: number, timeoutMs: number): void {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    const message = `The label reader took longer than ${limit}`;
    if (this.inFlight?.id === id) {
      const pending = this.inFlight;
      this.inFlight = null;
      pending.reject(
        new AppError(
          'unavailable',
          `${message} on this photo and was restarted. Try again; if it happens again, take a closer, sharper photo of the label.`,
          { reason: 'ocr-timeout', retryable: 1 },
        ),
      );
      // It may be stuck (a native hang): a fresh process is the only sure way out.
      this.killedFor = `${message} on a photo; the OCR process was restarted.`;
      this.process?.kill();
      return;
    }
    const index = this.queue.findIndex((p) => p.id === id);
    const [pending] = index >= 0 ? this.queue.splice(index, 1) : [];
    pending?.reject(
      new AppError(
        'unavailable',
        `${message}: it was still busy or starting. Try again in a moment.`,
        { reason: 'ocr-timeout', retryable: 1 },
      ),
    );
  }

  private pump(): void {
    if (this.phase !== 'ready' || this.inFlight || !this.process) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    this.process.send({ type: 'read', id: next.id, image: next.image });
  }

  private failForGood(message: string): void {
    this.phase = 'failed';
    this.lastError = message;
    this.failAll(this.off());
    for (const w of this.readyWaiters) w.reject(new Error(message));
    this.readyWaiters.clear();
    this.emitStatus();
  }

  private failAll(error: AppError): void {
    const all = [...(this.inFlight ? [this.inFlight] : []), ...this.queue.splice(0)];
    this.inFlight = null;
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }

  private off(): AppError {
    return new AppError(
      'unavailable',
      `Label reading is off: ${this.lastError ?? 'unknown error'}`,
      {
        reason: 'ocr-failed',
        retryable: 0,
      },
    );
  }

  private closing(): AppError {
    return new AppError('unavailable', 'The station is closing; the photo was not read.', {
      reason: 'closing',
      retryable: 0,
    });
  }

  private emitStatus(): void {
    this.options.bus?.emit('ocr.status', this.status());
  }
}
