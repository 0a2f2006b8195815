// `npm run dist`: desktop packages for this platform with electron-builder (electron-builder.yml).
// Needs the network: electron-builder downloads Electron's runtime and its tools, and native
// modules are rebuilt for Electron's ABI first.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildForElectron } from './rebuild-electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(process.execPath, ['scripts/build.mjs']);
await rebuildForElectron();
step('npx', [
  'electron-builder',
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
