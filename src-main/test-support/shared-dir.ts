import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appRoot } from '../paths';

/**
 * The workplace's shared test material (GS1 dictionary, barcode corpus, EPCIS schema), which
 * tests and benchmarks may read and the app never does: `QCS_SHARED_DIR`, else `../shared`
 * beside the checkout, else `/work/shared` (where it lives on the team's machines, also for
 * a CI clone made elsewhere). Under CI a missing folder is an error, never a silent skip.
 */
export function sharedDir(): string | null {
  const candidates = [
    process.env['QCS_SHARED_DIR'],
    resolve(appRoot(), '..', 'shared'),
    '/work/shared',
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(resolve(c, 'epcis')));
  if (found) return found;
  if (process.env['CI'])
    throw new Error(`The shared test material is missing (looked in ${candidates.join(', ')}).`);
  return null;
}

/** A path inside the shared material; throws with a clear message when it is not there. */
export function sharedPath(...parts: string[]): string {
  const dir = sharedDir();
  if (!dir) throw new Error('The shared test material (../shared) is not on this machine.');
  return resolve(dir, ...parts);
}
