// The benchmark's database: seeded once per (boxes, loans, seed number, seed code, migrations) and
// kept in bench/.cache (git-ignored), with a plain (unencrypted) copy made from it beside.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../db/connection';
import { readKeyWithProtector } from '../db/keyfile';
import { writePlainCopy } from '../db/plain-copy';
import { machineKeyProtector } from '../db/machine-key';
import { dataPathsUnder } from '../electron/server/data-paths';
import { dataFiles } from '../electron/server/runtime';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const MIGRATIONS = join(ROOT, 'db', 'migrations');
export const CACHE = join(ROOT, 'bench', '.cache');

export interface SeedParams {
  boxes: number;
  loans: number;
  seed: number;
}

export interface BenchData {
  dir: string;
  dataDir: string;
  db: string;
  plain: string;
  keyHex: string;
  machineKey: string;
  seededNow: boolean;
  seedSeconds: number | null;
}

/** Changes to the seed's code make a new database; old ones are removed. */
function cacheKey(params: SeedParams): string {
  const hash = createHash('sha256').update(JSON.stringify(params));
  for (const file of ['scripts/seed.ts', 'scripts/seed-archive.ts', 'scripts/seed-bulk.ts']) hash.update(readFileSync(join(ROOT, file)));
  return `b${params.boxes}-l${params.loans}-s${params.seed}-${hash.digest('hex').slice(0, 12)}`;
}

const JOURNAL = join(ROOT, 'db', 'migrations', 'meta', '_journal.json');
const schemaVersion = () => createHash('sha256').update(readFileSync(JOURNAL)).digest('hex').slice(0, 12);

/**
 * A new migration upgrades the cached archive as the app upgrades a user's (opening it runs the
 * migrations) rather than seeding 3 GB again; the plain copy is then made afresh from it.
 */
function upgrade(dir: string, dataDir: string): void {
  const marker = join(dir, 'schema');
  const version = schemaVersion();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return;
  openDatabase(dataFiles(dataDir).db, { keyHex: keyOf(dataDir), migrationsFolder: MIGRATIONS }).$client.close();
  rmSync(join(dir, 'plain.db'), { force: true });
  writeFileSync(marker, version);
}

const keyOf = (dataDir: string): string => {
  const key = readKeyWithProtector(dataFiles(dataDir).keyFile, machineKeyProtector(dataPathsUnder(dataDir).machineKey));
  if (!key) throw new Error(`cannot read the key of ${dataDir}`);
  return key;
};

/** The bench's plain copy: its WAL mode too, as the encrypted archive has. */
function exportPlain(db: string, keyHex: string, plain: string): void {
  rmSync(plain, { force: true });
  writePlainCopy(db, keyHex, plain);
  const copy = new Database(plain);
  copy.pragma('journal_mode=WAL');
  copy.close();
}

export function ensureBenchData(params: SeedParams, log: (line: string) => void): BenchData {
  const key = cacheKey(params);
  const dir = join(CACHE, key);
  const dataDir = join(dir, 'data');
  let seededNow = false;
  let seedSeconds: number | null = null;
  if (!existsSync(join(dir, 'seeded'))) {
    mkdirSync(CACHE, { recursive: true });
    for (const old of readdirSync(CACHE)) if (old.startsWith(`b${params.boxes}-`)) rmSync(join(CACHE, old), { recursive: true, force: true });
    const staging = join(CACHE, `staging-${key}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    log(`seeding ${params.boxes} boxes, ${params.loans} loans (seed ${params.seed}) into ${dir} — once, then cached`);
    const started = Date.now();
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts', 'seed.ts'),
        '--boxes',
        String(params.boxes),
        '--loans',
        String(params.loans),
        '--seed',
        String(params.seed),
        '--data',
        join(staging, 'data'),
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    seedSeconds = (Date.now() - started) / 1000;
    execFileSync('touch', [join(staging, 'seeded')]);
    renameSync(staging, dir);
    seededNow = true;
  }
  upgrade(dir, dataDir);
  if (!existsSync(join(dir, 'plain.db'))) {
    const plainStarted = Date.now();
    exportPlain(join(dataDir, 'archive.db'), keyOf(dataDir), join(dir, 'plain.db.partial'));
    renameSync(join(dir, 'plain.db.partial'), join(dir, 'plain.db'));
    log(`plain copy made in ${((Date.now() - plainStarted) / 1000).toFixed(1)} s`);
  }
  return {
    dir,
    dataDir,
    db: dataFiles(dataDir).db,
    plain: join(dir, 'plain.db'),
    keyHex: keyOf(dataDir),
    machineKey: dataPathsUnder(dataDir).machineKey,
    seededNow,
    seedSeconds,
  };
}
