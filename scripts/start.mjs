// `npm start`: the Electron app when its runtime is here, otherwise browser mode with the demo.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronRuntimePath } from './fetch-electron.mjs';
import { electronNativeBindingPath, rebuildForElectron } from './rebuild-electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);
const electron = electronRuntimePath();

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (electron && process.env.QCS_BROWSER_MODE !== '1') {
  if (!existsSync(electronNativeBindingPath())) await rebuildForElectron();
  run(electron, ['.', '--demo', ...passThrough]);
} else {
  const why = electron
    ? 'QCS_BROWSER_MODE=1 is set'
    : "Electron's runtime is not installed (it could not be downloaded here)";
  console.log(`Starting browser mode because ${why}; open the URL below in Chromium or Chrome.`);
  run(process.execPath, [join(root, 'bin', 'qcs.mjs'), 'serve', '--demo', ...passThrough]);
}
