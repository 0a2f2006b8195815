// better-sqlite3 is a V8 addon: the build Node loads (tests, `qcs`) and the build Electron loads
// differ by ABI. We never rebuild in place: the Electron build goes to build/electron-native/,
// and the shell passes it to better-sqlite3 as `nativeBinding`. Needs Electron's headers, i.e.
// the network, like the Electron runtime itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function electronNativeBindingPath() {
  return join(root, 'build', 'electron-native', 'better_sqlite3.node');
}

export async function rebuildForElectron() {
  const electronVersion = require('electron/package.json').version;
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'qcs-electron-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
    const nodeGyp = join(dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js');
    console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
    const r = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
      { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    );
    if (r.status !== 0)
      throw new Error(
        'node-gyp could not build better-sqlite3 for Electron (are the headers reachable?)',
      );
    mkdirSync(dirname(electronNativeBindingPath()), { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), electronNativeBindingPath());
    console.log(`better-sqlite3 for Electron: ${electronNativeBindingPath()}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await rebuildForElectron();
