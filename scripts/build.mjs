// Builds the station: the Node side (CLI, Electron main, preload) with esbuild, the renderer
// with Vite. Runs on `npm install` (prepare), `npm start`, `npm test` and `npm run e2e`.
import { build as esbuild } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const only = process.argv.slice(2);

/** `import text from './file.txt?raw'` → the file's contents as a string (as Vite does). */
const rawPlugin = {
  name: 'raw',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

const NATIVE_OR_FILE_LOADING = [
  'electron',
  'better-sqlite3',
  'bufferutil',
  'utf-8-validate',
  'serialport',
  '@serialport/bindings-cpp',
  'pdfkit',
  'sharp',
  'onnxruntime-node',
  // PGlite loads its wasm and data files from beside itself; pg has an optional native require.
  '@electric-sql/pglite',
  'pg',
];

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Pure-JS dependencies are bundled (the CLI starts faster without hundreds of small module
  // loads); native addons and packages that load files next to themselves stay in node_modules.
  external: NATIVE_OR_FILE_LOADING,
  plugins: [rawPlugin],
  absWorkingDir: root,
};

async function buildNode() {
  // Chunk names change with their content: clear the old ones so out/ holds only this build.
  await rm(resolve(root, 'out/main'), { recursive: true, force: true });
  await rm(resolve(root, 'out/preload'), { recursive: true, force: true });
  await esbuild({
    ...node,
    format: 'esm',
    entryPoints: {
      cli: 'src-main/cli/main.ts',
      'electron-main': 'src-main/shell/electron-main.ts',
      // The OCR process the station forks (utilityProcess under Electron): onnxruntime runs there.
      'ocr-worker': 'src-main/vision/ocr/worker.ts',
    },
    outdir: 'out/main',
    outExtension: { '.js': '.mjs' },
    // Each command's modules (and their dependencies) load only when that command runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: {
      // Bundled ESM has no `require`; a few dependencies' CommonJS paths still need one.
      js: "import { createRequire as __qcsCreateRequire } from 'node:module'; const require = __qcsCreateRequire(import.meta.url);",
    },
  });
  // A sandboxed preload must be a single CommonJS file that requires only 'electron'.
  await esbuild({
    ...node,
    format: 'cjs',
    entryPoints: { preload: 'src-main/shell/preload.ts' },
    outdir: 'out/preload',
    outExtension: { '.js': '.cjs' },
  });
}

/** Test fixtures (processes that tests spawn and kill) are bundled like the station itself. */
async function buildFixtures() {
  const { readdir } = await import('node:fs/promises');
  const dir = 'src-main/test-support';
  const entries = (await readdir(resolve(root, dir))).filter((f) => f.endsWith('.fixture.ts'));
  await esbuild({
    ...node,
    format: 'esm',
    entryPoints: entries.map((f) => `${dir}/${f}`),
    outdir: 'out/test',
    outExtension: { '.js': '.mjs' },
    banner: {
      js: "import { createRequire as __qcsCreateRequire } from 'node:module'; const require = __qcsCreateRequire(import.meta.url);",
    },
  });
}

/** Benchmarks run the station's real modules, bundled the same way (`npm run bench`). */
async function buildBench() {
  await esbuild({
    ...node,
    format: 'esm',
    entryPoints: { run: 'bench/run.ts' },
    outdir: 'out/bench',
    outExtension: { '.js': '.mjs' },
    banner: {
      js: "import { createRequire as __qcsCreateRequire } from 'node:module'; const require = __qcsCreateRequire(import.meta.url);",
    },
  });
}

async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}

const start = Date.now();
if (only.length === 0 || only.includes('node')) await buildNode();
if (only.length === 0 || only.includes('renderer')) await buildRenderer();
if (only.includes('fixtures')) await buildFixtures();
if (only.includes('bench')) await buildBench();
if (!process.env.QCS_QUIET_BUILD) console.log(`built in ${Date.now() - start} ms`);
