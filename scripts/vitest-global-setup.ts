import { execFileSync } from 'node:child_process';

/**
 * CLI and process tests run the bundled station (out/main), exactly as `npx qcs` does; build
 * the Node side first so they never test a stale bundle. (The renderer is built by e2e.)
 */
export default function setup(): void {
  // For quick runs of pure tests while the bundle is known to be current (never set in CI).
  if (process.env.QCS_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs', 'node', 'fixtures'], {
    stdio: 'inherit',
    env: { ...process.env, QCS_QUIET_BUILD: '1' },
  });
}
