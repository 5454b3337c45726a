import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD } from '../support/app';
import { ownPage, ROOT, setUpAsAdmin, shippedElectronMain, startElectronMain, type ElectronMain } from '../support/electron-main';
import { builderConfig, packagedFiles, stageApp, withFilePatterns, type BuilderConfig } from '../support/packaged-files';

/**
 * Issue #16: the installed app holds what it loads at run time. electron-builder's own matchers
 * (tests/support/packaged-files.ts) are run over the built tree with electron-builder.yml's `files`;
 * the result must hold every bundle, the page, the migrations, the native addon and every package
 * the bundles require; then the app is run from exactly those files, installed under a Chinese user
 * name with spaces as on an office PC.
 */
type Package = { main?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const filesUnder = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(ROOT.length + 1)}/${entry.name}`.split('\\').join('/'));

/** The packages the Electron bundles require by name (Electron itself aside): they are loaded from node_modules. */
function requiredPackages(): string[] {
  const names = new Set<string>();
  for (const bundle of filesUnder('dist/electron').filter((file) => file.endsWith('.cjs')))
    for (const [, name] of readFileSync(join(ROOT, bundle), 'utf8').matchAll(/\brequire\("([^"./][^"]*)"\)/g))
      if (!isBuiltin(name!) && name !== 'electron') names.add(name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!);
  return [...names].sort();
}

/** A package as the packed app holds it, and the packages it needs in turn (hoisted, or nested under it). */
function packageNeeds(name: string, under: string, seen: Set<string>): string[] {
  const home = [`${under}node_modules/${name}`, `node_modules/${name}`].find((dir) => existsSync(join(ROOT, dir, 'package.json')))!;
  if (seen.has(home)) return [];
  seen.add(home);
  const manifest = readJson<Package>(join(ROOT, home, 'package.json'));
  const entry = manifest.main ?? 'index.js';
  const needs = [`${home}/package.json`, `${home}/${existsSync(join(ROOT, home, entry)) ? entry : `${entry}.js`}`.replace('/./', '/')];
  for (const dep of Object.keys(manifest.dependencies ?? {})) needs.push(...packageNeeds(dep, `${home}/`, seen));
  return needs;
}

/** Every file the app opens while it runs, by its path in the app. */
function loadedAtRunTime(): string[] {
  const needs = new Set(['package.json', readJson<Package>(join(ROOT, 'package.json')).main!]);
  for (const file of filesUnder('dist/electron')) if (!file.endsWith('.map')) needs.add(file);
  for (const file of [...filesUnder('dist/renderer'), ...filesUnder('db/migrations')]) needs.add(file);
  const seen = new Set<string>();
  for (const name of requiredPackages()) for (const file of packageNeeds(name, '', seen)) needs.add(file);
  // Found by `bindings` at run time, never required by path.
  needs.add('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
  return [...needs].sort();
}

const missingFrom = (packed: Map<string, string>) => loadedAtRunTime().filter((file) => !packed.has(file));

let config: BuilderConfig;
let packed: Map<string, string>;

beforeAll(async () => {
  shippedElectronMain();
  config = await builderConfig(ROOT);
  packed = await packagedFiles(ROOT, config);
}, 120_000);

describe('the packaged app', () => {
  it('holds every bundle, the page, the migrations, the native addon and every package the bundles load', () => {
    const needed = loadedAtRunTime();
    // What the list is made of, so that an empty build cannot pass it.
    expect(needed).toEqual(
      expect.arrayContaining([
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/electron/server.cjs',
        'dist/electron/backup-worker.cjs',
        'dist/electron/audit-chain-worker.cjs',
        'dist/electron/archive-job-worker.cjs',
        'dist/electron/export-worker.cjs',
        'dist/electron/sheet-worker.cjs',
        'dist/renderer/index.html',
        'db/migrations/0000_init.sql',
        'db/migrations/meta/_journal.json',
        'node_modules/better-sqlite3-multiple-ciphers/package.json',
        'node_modules/bindings/package.json',
      ]),
    );
    expect(missingFrom(packed)).toEqual([]);
    // Nothing else: no sources, tests, web shell or source maps.
    const outside = [...packed.keys()].filter((file) => !/^(dist\/electron\/|dist\/renderer\/|db\/migrations\/|node_modules\/|package\.json$)/.test(file));
    expect(outside).toEqual([]);
    expect([...packed.keys()].filter((file) => file.startsWith('dist/') && file.endsWith('.map'))).toEqual([]);
  });

  it('leaves out only playwright-core of the runtime dependencies, which nothing of the desktop app loads', () => {
    const dependencies = Object.keys(readJson<Package>(join(ROOT, 'package.json')).dependencies!);
    const left = dependencies.filter((name) => !packed.has(`node_modules/${name}/package.json`));
    expect(left).toEqual(['playwright-core']);
    expect(requiredPackages().filter((name) => left.includes(name))).toEqual([]);
  });

  it.each([
    ['the migrations excluded', (files: string[]) => [...files, '!db/migrations/**'], 'db/migrations/0000_init.sql'],
    [
      'the native addon excluded',
      (files: string[]) => [...files, '!**/*.node'],
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    ],
    ['a worker bundle excluded', (files: string[]) => [...files, '!dist/electron/backup-worker.cjs'], 'dist/electron/backup-worker.cjs'],
    ['the page left out', (files: string[]) => files.filter((f) => f !== 'dist/renderer/**'), 'dist/renderer/index.html'],
  ])('would fail with %s', { timeout: 120_000 }, async (_case, edit, lost) => {
    expect(missingFrom(await packagedFiles(ROOT, withFilePatterns(config, edit)))).toContain(lost);
  });
});

describe.runIf(process.platform === 'linux')('the installed app, under C:\\Users\\张 三', () => {
  let home: string;
  let running: ElectronMain[] = [];
  beforeEach(() => {
    home = join(mkdtempSync(join(tmpdir(), 'archive-installed-')), '张 三');
  });
  afterEach(async () => {
    for (const app of running) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await Promise.all(running.map((app) => app.exited));
    running = [];
    rmSync(join(home, '..'), { recursive: true, force: true });
  });

  it('runs from exactly the packed files: setup, a write, a backup, quit, reopen', { timeout: 120_000 }, async () => {
    const appDir = join(home, 'AppData', 'Local', 'Programs', 'Archive Desk', 'resources', 'app');
    const userData = join(home, 'AppData', 'Roaming', 'Archive Desk');
    const backups = join(home, 'Documents', '档案 备份');
    mkdirSync(backups, { recursive: true });
    stageApp(packed, appDir);
    const keychainKey = randomBytes(32).toString('hex');
    const start = () => {
      const app = startElectronMain(join(appDir, 'dist', 'electron', 'main.cjs'), { userData, keychainKey, appPath: appDir, packaged: true });
      running.push(app);
      return app;
    };

    const app = start();
    const page = ownPage(appDir);
    expect(page).toContain('/%E5%BC%A0%20%E4%B8%89/');
    await vi.waitFor(async () => expect((await app.windows()).map((w) => w.url)).toEqual([page]));
    // The page's address as Chromium may spell it, the path unescaped, is still the page.
    expect(await app.invoke('app-status', {}, null, page.replace('%E5%BC%A0%20%E4%B8%89', '张 三'))).toMatchObject({ ok: true });
    const admin = await setUpAsAdmin(app);
    const account = { username: 'lisi', displayName: '李 四', role: 'clerk', password: 'Initial-passw0rd' };
    expect(await app.invoke('user-create', account, admin)).toMatchObject({ ok: true, value: { displayName: '李 四' } });
    const settings = { folders: [backups], keep: 30, dailyAt: null, onClose: true };
    expect(await app.invoke('backup-settings-update', settings, admin)).toMatchObject({ ok: true });
    // Made in the backup worker's own bundle, checked and renamed into the folder.
    expect(await app.invoke('backup-run', {}, admin)).toMatchObject({ ok: true, value: [{ folder: backups, ok: true }] });
    const listed = (await app.invoke('backup-list', { folder: backups }, admin)) as { ok: true; value: { file: string }[] };
    expect(listed.value).toHaveLength(1);
    expect(listed.value[0]!.file.startsWith(backups)).toBe(true);
    expect(existsSync(join(userData, 'data', 'archive.db'))).toBe(true);
    expect(await app.quit()).toBe(0);

    const again = start();
    expect(await again.invoke('app-status')).toEqual({ ok: true, value: { state: 'ready', siteName: '万象广场运营部', lockedReason: null } });
    const login = (await again.invoke('session-login', { username: 'admin', password: PASSWORD })) as { ok: true; value: { handle: string } };
    expect(await again.invoke('user-list', {}, login.value.handle)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ displayName: '李 四' })]),
    });
    // A backup was made today: closing made no second one.
    expect(readdirSync(backups).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  });
});
