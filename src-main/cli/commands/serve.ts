import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseIntOption, UsageError } from '../errors';

export const DEFAULT_PORT = 4780;

/** `--scanner /dev/ttyACM0` or `--scanner /dev/ttyACM0@115200`. */
export function parseScannerOption(spec: string, index: number) {
  const [path = '', baud] = spec.split('@');
  const baudRate = baud === undefined ? 9600 : Number(baud);
  if (!path || !Number.isInteger(baudRate) || baudRate <= 0) {
    throw new UsageError(`--scanner takes PATH or PATH@BAUD (got "${spec}")`);
  }
  return { id: `serial-${index + 1}`, path, baudRate, terminator: 'CR' as const };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the station in browser mode: the UI and API on a loopback HTTP/WebSocket bridge',
    )
    .option(
      '--port <n>',
      'TCP port (0 picks a free one)',
      parseIntOption('--port', 0, 65535),
      DEFAULT_PORT,
    )
    .option(
      '--host <host>',
      'address to bind (loopback by default; another address lets a second screen join)',
      '127.0.0.1',
    )
    .option('--data-dir <dir>', 'station data directory (default: the XDG data home)')
    .option('--demo', 'load demo data (idempotent) and show the scanner simulator')
    .option(
      '--allow-origin <origin...>',
      'also accept calls from this page origin (development: the Vite dev server)',
    )
    .action(
      async (opts: {
        port: number;
        host: string;
        dataDir?: string;
        demo?: boolean;
        allowOrigin?: string[];
      }) => {
        const { resolveDataDir, appRoot } = await import('../../paths');
        const { openStation, OCR_WARM_UP_AFTER_MS } = await import('../../station');
        const { startHttpBridge } = await import('../../api/http-bridge');
        const { createLogger, logsDir } = await import('../../logging/logger');
        const dataDir = resolveDataDir(opts.dataDir);
        // <dataDir>/logs/station.log, rotated; what "Collect diagnostics" ships.
        const log = createLogger({ dir: logsDir(dataDir) });
        log.info('station starting', { mode: 'browser', node: process.versions.node });
        const station = openStation({
          ocr: { warmUpAfterMs: OCR_WARM_UP_AFTER_MS },
          dataDir,
          mode: 'browser',
          demo: opts.demo ?? false,
          validateOutput: process.env.QCS_VALIDATE_OUTPUT === '1',
          onInternalError: (call, err) => {
            log.error('call failed', { call, err });
            console.error(`[station] ${call} failed:`, err);
          },
        });
        const rendererDir = join(appRoot(), 'out', 'renderer');
        const hasUi = existsSync(join(rendererDir, 'index.html'));
        const bridge = await startHttpBridge({
          registry: station.registry,
          bus: station.bus,
          host: opts.host,
          port: opts.port,
          rendererDir: hasUi ? rendererDir : null,
          allowedOrigins: opts.allowOrigin ?? [],
          // Development only (`npm run dev`): a token shared with the Vite dev server's page.
          ...(process.env.QCS_BRIDGE_TOKEN ? { token: process.env.QCS_BRIDGE_TOKEN } : {}),
        });
        if (!hasUi)
          console.error('The UI is not built (run "npm run build"); serving the API only.');
        console.log(`Intake QC Station (browser mode) at ${bridge.url}  data: ${dataDir}`);
        let closing = false;
        const shutdown = () => {
          if (closing) return;
          closing = true;
          void bridge.close().finally(() => {
            station.close();
            log.info('station stopped');
            log.close();
            process.exit(0);
          });
        };
        process.on('SIGINT', shutdown);
        process.on('SIGTERM', shutdown);
      },
    );
}
