// `npm run audit:electron`: Doyensec's Electronegativity over the code that configures Electron
// (src-main/shell: windows, preload, protocol, session handlers) and the renderer's HTML. Exits 1
// on any HIGH or MEDIUM finding and prints them; LOW/INFORMATIONAL findings are listed only.
//
// Electronegativity is run through its library entry (dist/runner.js), not its CLI: the CLI
// reads `program.input` from the hoisted commander, which is a different major version here
// and crashes before scanning. Its translation loader also fetches a locale file from the
// internet on every run; we configure its i18n from the files it ships instead, so the audit
// never touches the network (CI has none).
import { createRequire } from 'node:module';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPkg = createRequire(join(pkgDir, 'package.json'));

/** What the audit reads: the only code that touches Electron, plus the page it loads. */
const SOURCES = ['src-main/shell', 'src-renderer/index.html'];

/**
 * Checks switched off, each with the reason. Keep this list short: a finding is fixed in the
 * code, or the code is changed so the check can see it is safe, before a check goes here.
 */
const EXCLUDED_CHECKS = {
  // Downloads Electron's release list from the internet on every run to see whether a newer
  // Electron fixes known vulnerabilities. Offline (CI, the dock's build box) it only prints a
  // warning and finds nothing, so it proves nothing here either way; the Electron version is
  // kept current through npm (`npm outdated electron`, `npm audit`) instead.
  AvailableSecurityFixesGlobalCheck: 'needs the internet',
};

function useLocalTranslations() {
  const i18n = fromPkg('i18n');
  const i18nModule = join(pkgDir, 'dist', 'locales', 'i18n.js');
  const configure = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(pkgDir, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  // Pre-seed Node's module cache so runner.js gets our loader instead of the networked one.
  fromPkg.cache[i18nModule] = {
    id: i18nModule,
    filename: i18nModule,
    loaded: true,
    exports: Object.assign(configure, { default: configure }),
  };
}

/** Every `eng-disable` directive in the audited sources, with where it is. */
export function inlineSuppressions() {
  const found = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
      return;
    }
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (/eng-disable/.test(text))
          found.push({ file: relative(root, path), line: i + 1, text: text.trim() });
      });
  };
  for (const source of SOURCES) walk(join(root, source));
  return found;
}

export async function auditElectron() {
  useLocalTranslations();
  const run = fromPkg('./dist/runner.js');
  const electronVersion = require('electron/package.json').version;
  // One folder with just what is audited (plus package.json, which tells it the Electron version).
  const work = mkdtempSync(join(tmpdir(), 'qcs-electronegativity-'));
  try {
    for (const source of SOURCES)
      cpSync(join(root, source), join(work, source), { recursive: true });
    writeFileSync(
      join(work, 'package.json'),
      JSON.stringify({ name: 'audit', devDependencies: { electron: electronVersion } }),
    );
    const result = await run({
      input: work,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((e) => ({ ...e, file: relative(work, e.file) })),
      issues: result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name ?? String(i.severity.value),
        severityValue: i.severity.value,
        confidence: i.confidence.name ?? String(i.confidence.value),
        file: i.file,
        line: i.location?.line ?? 0,
        column: i.location?.column ?? 0,
        description: i.description,
        manualReview: Boolean(i.manualReview),
      })),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { checks, errors, issues } = await auditElectron();
  const blocking = issues.filter((i) => i.severity === 'HIGH' || i.severity === 'MEDIUM');
  for (const e of errors)
    console.log(`parse ${e.tolerable ? 'warning' : 'error'}: ${e.file}: ${e.message}`);
  for (const i of issues) {
    console.log(
      `${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id}  ${i.file}:${i.line}:${i.column}` +
        `${i.manualReview ? '  (review)' : ''}\n    ${i.description}`,
    );
  }
  // Findings silenced at one reviewed line (`// eng-disable CHECK` on that line) are listed on
  // every run, so a suppression is never invisible.
  for (const { file, line, text } of inlineSuppressions())
    console.log(`reviewed (eng-disable) ${file}:${line}  ${text}`);
  console.log(
    `\nElectronegativity: ${checks} checks, ${issues.length} finding(s), ${blocking.length} HIGH/MEDIUM.`,
  );
  // A file it could not parse is a file it did not audit.
  const unparsed = errors.filter((e) => !e.tolerable);
  if (blocking.length > 0 || unparsed.length > 0) process.exit(1);
}
