import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** `npm run dev` only: the page gets the station's token the way `qcs serve` would give it. */
function devToken(): Plugin {
  return {
    name: 'qcs-dev-token',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta name="qcs-token" content="${process.env.QCS_BRIDGE_TOKEN ?? ''}" />`,
      ),
  };
}

const SOUNDS_DIR = resolve(import.meta.dirname, 'resources/sounds');

/**
 * The feedback sounds live once, in resources/sounds/ (made by scripts/make-sounds.mjs), and the
 * page plays them from `./sounds/NAME.wav`: copied into the build's sounds/ folder, and served
 * from resources/ by the dev server. The renderer's public dir stays its own (the favicon).
 */
function stationSounds(): Plugin {
  const wavFiles = () => readdirSync(SOUNDS_DIR).filter((f) => f.endsWith('.wav'));
  return {
    name: 'qcs-sounds',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /^\/sounds\/([\w-]+\.wav)(?:\?.*)?$/.exec(req.url ?? '')?.[1];
        // Only names that exist in the folder are served: the URL never becomes a path.
        if (!name || !wavFiles().includes(name)) return next();
        res.setHeader('Content-Type', 'audio/wav');
        res.end(readFileSync(resolve(SOUNDS_DIR, name)));
      });
    },
    generateBundle() {
      for (const file of wavFiles()) {
        this.emitFile({
          type: 'asset',
          fileName: `sounds/${file}`,
          source: readFileSync(resolve(SOUNDS_DIR, file)),
        });
      }
    },
  };
}

const station = process.env.QCS_DEV_STATION ?? 'http://127.0.0.1:4780';

// The renderer: served by the station (browser mode) or from app://station/ (Electron).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), devToken(), stationSounds()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: {
    host: 'localhost',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api/events': { target: station.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
      '/api': { target: station, changeOrigin: true },
      '/health': { target: station, changeOrigin: true },
    },
  },
});
