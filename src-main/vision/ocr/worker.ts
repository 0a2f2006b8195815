/**
 * The OCR process (bundled as out/main/ocr-worker.mjs). Loads and verifies the models, runs one
 * tiny inference, says `ready`, then answers `read` requests one at a time. Started by the
 * station with child_process.fork under Node, or Electron's utilityProcess in the desktop app;
 * it talks to whichever parent it has and never touches the station's data.
 *
 * Arguments: `--models DIR` (default: native-models/ of the installation), `--threads N`.
 */
import { OcrEngine } from './engine';
import { isOcrRequest, type OcrReply, type OcrRequest } from './protocol';

interface ParentLink {
  post(message: OcrReply, then?: () => void): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Electron's utilityProcess gives its child `process.parentPort`; a forked child has `process.send`. */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function hasParentPort(p: NodeJS.Process): p is NodeJS.Process & { parentPort: UtilityParentPort } {
  return 'parentPort' in p && typeof p.parentPort === 'object' && p.parentPort !== null;
}

function parentLink(): ParentLink {
  if (hasParentPort(process)) {
    const port = process.parentPort;
    return {
      post: (message, then) => {
        port.postMessage(message);
        if (then) setImmediate(then);
      },
      onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    process.stderr.write('ocr-worker: must be started by the station (no IPC channel)\n');
    process.exit(2);
  }
  // The station went away (even by SIGKILL): nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
  return {
    post: (message, then) => {
      send(message, undefined, {}, () => then?.());
    },
    onMessage: (listener) => process.on('message', listener),
  };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function main(): Promise<void> {
  const link = parentLink();
  const started = performance.now();
  let engine: OcrEngine;
  try {
    const modelsDir = option('--models');
    const threads = Number(option('--threads') ?? 0);
    engine = await OcrEngine.load({
      ...(modelsDir ? { modelsDir } : {}),
      ...(threads > 0 ? { threads } : {}),
    });
    await engine.warmUp();
  } catch (err) {
    link.post({ type: 'fatal', message: errorText(err) }, () => process.exit(1));
    return;
  }

  // One photo at a time: onnxruntime already spreads each inference over the cores.
  let queue = Promise.resolve();
  const answer = async (request: OcrRequest): Promise<void> => {
    try {
      const reading = await engine.read(request.image);
      link.post({
        type: 'result',
        id: request.id,
        lines: reading.lines,
        width: reading.width,
        height: reading.height,
        ms: reading.timings.total,
      });
    } catch (err) {
      link.post({ type: 'error', id: request.id, message: errorText(err) });
    }
  };
  link.onMessage((message) => {
    if (!isOcrRequest(message)) return;
    queue = queue.then(() => answer(message));
  });
  link.post({ type: 'ready', ms: performance.now() - started });
}

await main();
