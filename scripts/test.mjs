// `npm test`: build, typecheck, lint, unit + integration tests, then the browser end-to-end
// tests in Debian's Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );
const inCi = Boolean(process.env.CI);

const steps = [
  ['build', ['node', 'scripts/build.mjs']],
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  // Electronegativity over the Electron shell: any HIGH or MEDIUM finding fails the run.
  ['Electron security audit', ['npm', 'run', '--silent', 'audit:electron']],
  ['unit + integration tests', ['npx', 'vitest', 'run']],
];

function run(name, [cmd, ...args]) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}

for (const [name, command] of steps) run(name, command);

if (chromium) {
  run('browser end-to-end tests (Chromium)', [
    'npx',
    'vitest',
    'run',
    '--config',
    'vitest.e2e.config.ts',
  ]);
} else {
  const banner = [
    '',
    '#################################################################',
    '#  END-TO-END TESTS SKIPPED: Chromium is not installed.          #',
    '#  Install it (apt-get install chromium) or set CHROMIUM_PATH.   #',
    '#  Nothing was tested in a browser.                              #',
    '#################################################################',
    '',
  ].join('\n');
  console.error(banner);
  // In CI a missing browser is a broken machine, not a reason to pass.
  if (inCi) process.exit(1);
}
console.log('\nAll tests passed.');
