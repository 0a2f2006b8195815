// postinstall: fetch Electron's runtime when the network allows. Electron (>= 42) downloads its
// binary lazily, so `npm install` never fails without it; here we try once, with a time limit,
// and say in one line what happened. Offline machines (CI, the dock's build box) carry on and
// `npm start` uses browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const TIME_LIMIT_MS = 120_000;

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function electronRuntimePath() {
  const dir = electronDir();
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

async function main() {
  if (process.env.QCS_SKIP_ELECTRON_DOWNLOAD || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('Electron runtime: download skipped (QCS_SKIP_ELECTRON_DOWNLOAD).');
    return;
  }
  const dir = electronDir();
  if (!dir) {
    console.log('Electron runtime: the electron package is not installed; browser mode only.');
    return;
  }
  if (electronRuntimePath()) {
    console.log('Electron runtime: present.');
    return;
  }
  const child = spawn(process.execPath, [join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  if (code === 0 && electronRuntimePath()) {
    console.log('Electron runtime: downloaded.');
  } else {
    const reason =
      stderr
        .split('\n')
        .find((l) => /error|ENOTFOUND|ECONN|fetch failed|timed? ?out/i.test(l))
        ?.trim() ?? `exit ${code}`;
    console.log(
      `Electron runtime: not downloaded (${reason.slice(0, 160)}); \`npm start\` will use browser mode.`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
