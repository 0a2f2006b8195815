// electron-builder `afterPack` hook: flips Electron's fuses in the packed binary, before it is
// signed. Fuses are bits compiled into the Electron executable that switch features off for
// good, whatever the command line or environment says:
//   RunAsNode off                  ELECTRON_RUN_AS_NODE cannot turn the app into a Node shell
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS cannot --require a stranger's script
//   EnableNodeCliInspectArguments off          --inspect / --inspect-brk cannot attach a debugger
//   EnableEmbeddedAsarIntegrityValidation on   a modified app.asar refuses to load
//   OnlyLoadAppFromAsar on         a loose app/ folder next to the asar is never loaded instead
//   EnableCookieEncryption on      the cookie store is encrypted with the OS keychain
//   GrantFileProtocolExtraPrivileges off       file:// gets no privileges (we serve from app://)
// (The OCR process is an Electron utilityProcess, not a fork with ELECTRON_RUN_AS_NODE, so
// RunAsNode off costs nothing.)
import fuses from '@electron/fuses';
import { join } from 'node:path';

const { flipFuses, FuseVersion, FuseV1Options } = fuses;

/** builder-util's Arch.arm64 (`context.arch` is that enum). */
const ARCH_ARM64 = 3;

export function fuseConfig() {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: false,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The Electron executable electron-builder just packed, per platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  const binary = electronBinary(context);
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses breaks the ad-hoc signature arm64 macOS binaries need to run at all: sign
  // ad hoc again (a real signature, if configured, is applied after this hook).
  await flipFuses(binary, {
    ...fuseConfig(),
    resetAdHocDarwinSignature: mac && context.arch === ARCH_ARM64,
  });
  console.log(`Electron fuses set on ${binary}`);
}

export default afterPack;
