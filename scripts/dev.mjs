// `npm run dev`: the station in browser mode on :4780 and the renderer from Vite's dev server
// (hot reload) on :5173, which proxies the API to the station.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const children = [];
const token = randomBytes(32).toString('base64url');
function run(command, args, env = {}) {
  const child = spawn(command, args, {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on('exit', (code) => {
    for (const c of children) if (c !== child) c.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}
const build = spawn(process.execPath, [join(root, 'scripts', 'build.mjs'), 'node'], {
  stdio: 'inherit',
  cwd: root,
});
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  run(
    process.execPath,
    [
      join(root, 'bin', 'qcs.mjs'),
      'serve',
      '--demo',
      '--port',
      '4780',
      '--allow-origin',
      'http://localhost:5173',
      ...process.argv.slice(2),
    ],
    { QCS_BRIDGE_TOKEN: token },
  );
  run(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--config',
      join(root, 'vite.config.ts'),
    ],
    {
      QCS_DEV_STATION: 'http://127.0.0.1:4780',
      QCS_BRIDGE_TOKEN: token,
    },
  );
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => children.forEach((c) => c.kill(signal)));
