import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A test child's bundle, built once a run by the global setup (tests/support/worker-bundles.mjs): `node <it> …args` starts it. */
export function childBundle(name: 'crash-child' | 'backup-child' | 'lock-child' | 'rekey-child' | 'start-child'): string {
  const dir = process.env.ARCHIVE_DESK_WORKER_BUNDLES;
  const file = dir ? join(dir, `${name}.cjs`) : '';
  if (!existsSync(file)) throw new Error(`no bundle of ${name}: the test run's global setup (tests/support/worker-bundles.mjs) builds it`);
  return file;
}
