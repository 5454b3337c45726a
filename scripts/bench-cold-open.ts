// One cold open, run by bench.ts as a fresh process (bundled to plain JS first, as the app ships):
// read the key file, open the database, check migrations and the search index, read the first
// catalogue page. Prints the milliseconds since the process started, as JSON.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/connection';
import { machineKeyProtector } from '../db/machine-key';
import { dataPathsUnder } from '../electron/server/data-paths';
import { Runtime } from '../electron/server/runtime';
import { listBoxes } from '../electron/server/services/box-list';
import { ensureSearchIndex } from '../electron/server/services/search-index';

const [mode, target, migrationsFolder] = process.argv.slice(2);
const opened = performance.now();
let db: ReturnType<typeof openDatabase>;
if (mode === 'plain') {
  db = openDatabase(target, { keyHex: null, migrationsFolder });
  ensureSearchIndex(db);
} else {
  const runtime = new Runtime({ dataDir: target, protector: machineKeyProtector(dataPathsUnder(target).machineKey), migrationsFolder });
  runtime.start();
  db = runtime.requireDb();
}
const page = listBoxes(db, { query: '', limit: 100 });
const done = performance.now();
if (page.rows.length === 0) throw new Error('no boxes');
console.log(JSON.stringify({ sinceProcessStart: done, openToFirstPage: done - opened }));
