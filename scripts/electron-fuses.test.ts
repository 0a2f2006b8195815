import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '../src-main/paths';

// Electron's binary cannot be downloaded here, so the hook runs on a stand-in: bytes holding the
// fuse wire exactly as Electron lays it out (sentinel, version 1, length, one byte per fuse),
// every fuse starting enabled. The hook and @electron/fuses cannot tell the difference.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's state is an ASCII digit: '0' off, '1' on. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeLinuxBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qcs-fuses-'));
  dirs.push(dir);
  const wire = Buffer.concat([
    Buffer.from('ELF…padding…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, 8]),
    Buffer.alloc(8, FuseState.ENABLE),
    Buffer.from('…more binary'),
  ]);
  writeFileSync(join(dir, 'intake-qc-station'), wire);
  return dir;
}

describe('electron-builder afterPack: fuses', () => {
  it('switches RunAsNode, NODE_OPTIONS and --inspect off, asar integrity and asar-only on', async () => {
    const appOutDir = fakeLinuxBuild();
    const context = {
      appOutDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: {
        executableName: 'intake-qc-station',
        appInfo: { productFilename: 'Intake QC Station' },
      },
    };
    const hook = join(appRoot(), 'scripts', 'electron-fuses.mjs');
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(hook)}); await m.default(${JSON.stringify(context)});`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wire = await getCurrentFuseWire(join(appOutDir, 'intake-qc-station'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
