#!/usr/bin/env node
// The `qcs` command. The station is bundled into out/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/main/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'qcs: the station is not built yet: run "npm run build" (npm install does it).\n',
  );
  process.exit(1);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
