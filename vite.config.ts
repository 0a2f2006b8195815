import react from '@vitejs/plugin-react';
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

const station = process.env.QCS_DEV_STATION ?? 'http://127.0.0.1:4780';

// The renderer: served by the station (browser mode) or from app://station/ (Electron).
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), devToken()],
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
