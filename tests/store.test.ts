import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { createKeyFile, readKeyWithPassphrase, type KeyProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { createDispatcher } from '../electron/server/dispatch';
import { handlerTable } from '../electron/server/handlers';
import { Runtime } from '../electron/server/runtime';
import { hashPassword } from '../electron/server/services/passwords';
import { MIGRATIONS, PASSPHRASE, PASSWORD, type TestApp } from './support/app';
import { createSetUpApp, errorCode, tableNames, thrownCode, validBoxInput, validOwnerInput } from './support/fixtures';

const OWNER_NAME = '万象城餐饮管理有限公司';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'utf8');

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

const dataDir = () => join(app.dir, 'data');
const runtimeWith = (protector: KeyProtector | null) => new Runtime({ dataDir: dataDir(), protector, migrationsFolder: MIGRATIONS });
/** The machine key the test app was set up with, and another machine's. */
const sameMachine = () => machineKeyProtector(join(app.dir, 'machine.key'));
const otherMachine = () => machineKeyProtector(join(app.dir, 'other-machine.key'));

async function addOwner(name: string): Promise<void> {
  await app.ok('owner-create', validOwnerInput({ name }), await app.as('custodian'));
}

describe('encryption at rest', () => {
  it('keeps no plaintext in the database file or its WAL', async () => {
    await addOwner(OWNER_NAME);
    // Visible through the app before closing, so its absence below is not an accident.
    const found = await app.ok('owner-list', { query: OWNER_NAME }, await app.as('custodian'));
    expect(found.rows.map((r) => r.name)).toEqual([OWNER_NAME]);

    const needle = Buffer.from(OWNER_NAME, 'utf8');
    const expectNoPlaintext = () => {
      const files = [app.runtime.files.db, `${app.runtime.files.db}-wal`].filter(existsSync);
      expect(files[0]).toBe(app.runtime.files.db);
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(bytes.length).toBeGreaterThan(0);
        expect(bytes.includes(needle)).toBe(false);
        expect(bytes.includes(Buffer.from('admin', 'utf8'))).toBe(false);
      }
      return files.length;
    };
    // While open, the new row sits in the WAL: that file is encrypted too.
    expect(expectNoPlaintext()).toBe(2);
    app.runtime.close();
    expectNoPlaintext();
    const header = readFileSync(app.runtime.files.db).subarray(0, 16);
    expect(header.equals(SQLITE_HEADER)).toBe(false);
  });

  it('(control) the same check does find the name in an unencrypted database', () => {
    const file = join(app.dir, 'plain.db');
    const plain = openDatabase(file, { keyHex: null, migrationsFolder: MIGRATIONS });
    plain.$client.prepare(`INSERT INTO owners (name, business_type) VALUES (?, 'catering')`).run(OWNER_NAME);
    plain.$client.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(OWNER_NAME, 'utf8'))).toBe(true);
    expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
  });

  it('keeps the database key out of the key file in plain form', async () => {
    const keyHex = await readKeyWithPassphrase(app.runtime.files.keyFile, PASSPHRASE);
    expect(keyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(app.runtime.files.keyFile, 'utf8')).not.toContain(keyHex);
  });

  it('refuses a wrong 64-hex key with WRONG_KEY, not a crash', async () => {
    app.runtime.close();
    const file = app.runtime.files.db;
    expect(await thrownCode(() => openDatabase(file, { keyHex: 'ab'.repeat(32), migrationsFolder: MIGRATIONS }))).toBe('WRONG_KEY');
    // The right key still opens it afterwards: the failed attempt left the file intact.
    const keyHex = await readKeyWithPassphrase(app.runtime.files.keyFile, PASSPHRASE);
    const db = openDatabase(file, { keyHex, migrationsFolder: MIGRATIONS });
    expect(tableNames(db)).toContain('owners');
    db.$client.close();
  });

  it('refuses a key that is not 64 lower-case hex digits with WRONG_KEY', async () => {
    app.runtime.close();
    const file = app.runtime.files.db;
    for (const keyHex of ['not-a-key', 'zz'.repeat(32), 'ab'.repeat(31), "ab'; DROP TABLE users; --"]) {
      expect(await thrownCode(() => openDatabase(file, { keyHex, migrationsFolder: MIGRATIONS }))).toBe('WRONG_KEY');
    }
  });

  it('opens with foreign keys on and the WAL journal', () => {
    const sqlite = app.runtime.requireDb().$client;
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() =>
      sqlite.prepare(`INSERT INTO box_documents (box_id, doc_date, title, category, pages, created_by) VALUES (999, '2025-01-01', 't', 'a', 1, 1)`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('key file and unlocking', () => {
  it('opens without a passphrase on the machine that set it up', () => {
    app.runtime.close();
    const runtime = runtimeWith(sameMachine());
    expect(runtime.start()).toEqual({ state: 'ready', siteName: '万象广场运营部', lockedReason: null });
    runtime.close();
  });

  it('asks for the passphrase when there is no keystore, and the passphrase unlocks', async () => {
    app.runtime.close();
    const runtime = runtimeWith(null);
    expect(runtime.start()).toEqual({ state: 'locked', siteName: null, lockedReason: 'keystore' });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    expect(await dispatch({ name: 'box-list', payload: {}, handle: null })).toEqual({ ok: false, error: { code: 'NOT_READY' } });
    expect(await dispatch({ name: 'app-unlock', payload: { passphrase: 'wrong passphrase entirely' }, handle: null })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(runtime.status().state).toBe('locked');
    const unlocked = await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null });
    expect(unlocked).toEqual({ ok: true, value: { state: 'ready', siteName: '万象广场运营部', lockedReason: null } });
    runtime.close();
    // Without a protector nothing was re-wrapped: the original machine still opens it unasked.
    const original = runtimeWith(sameMachine());
    expect(original.start().state).toBe('ready');
    original.close();
  });

  it('on another machine: locked, unlocked by passphrase, then re-wrapped so the next start needs none', async () => {
    app.runtime.close();
    const runtime = runtimeWith(otherMachine());
    expect(runtime.start()).toEqual({ state: 'locked', siteName: null, lockedReason: 'keystore' });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    expect(errorCode(await dispatch({ name: 'app-unlock', payload: { passphrase: `${PASSPHRASE}x` }, handle: null }))).toBe('WRONG_PASSPHRASE');
    expect(errorCode(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null }))).toBe('ok');
    expect(runtime.status().lockedReason).toBeNull();
    // The data is the same database: the admin signs in as before.
    expect(errorCode(await dispatch({ name: 'session-login', payload: { username: 'admin', password: PASSWORD }, handle: null }))).toBe('ok');
    runtime.close();

    const nextStart = runtimeWith(otherMachine());
    expect(nextStart.start().state).toBe('ready');
    nextStart.close();
  });

  it('reports a corrupt key file as KEY_FILE_CORRUPT', async () => {
    app.runtime.close();
    const keyFile = app.runtime.files.keyFile;
    const good = readFileSync(keyFile, 'utf8');
    const parsed = JSON.parse(good) as { recovery: Record<string, unknown>; protected: unknown };
    const corruptions = [
      '{ this is not json',
      good.slice(0, good.length / 2),
      '',
      JSON.stringify({ version: 1 }),
      JSON.stringify({ ...parsed, version: 2 }),
      JSON.stringify({ ...parsed, recovery: { ...parsed.recovery, N: 'many' } }),
    ];
    for (const content of corruptions) {
      writeFileSync(keyFile, content);
      const runtime = runtimeWith(sameMachine());
      expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'KEY_FILE_CORRUPT' } });
      const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
      expect(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null })).toEqual({
        ok: false,
        error: { code: 'KEY_FILE_CORRUPT' },
      });
      expect(runtime.isReady()).toBe(false);
    }
  });

  it('reports impossible scrypt parameters in the key file as KEY_FILE_CORRUPT', async () => {
    app.runtime.close();
    const keyFile = app.runtime.files.keyFile;
    const parsed = JSON.parse(readFileSync(keyFile, 'utf8')) as { recovery: Record<string, unknown> };
    for (const params of [{ N: 3 }, { N: 0 }, { r: 0 }, { N: 2 ** 30 }]) {
      writeFileSync(keyFile, JSON.stringify({ ...parsed, recovery: { ...parsed.recovery, ...params } }));
      const runtime = runtimeWith(null);
      const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
      expect(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null })).toEqual({
        ok: false,
        error: { code: 'KEY_FILE_CORRUPT' },
      });
    }
  });

  it('refuses to set up over a database whose key file is gone', async () => {
    app.runtime.close();
    rmSync(app.runtime.files.keyFile);
    const runtime = runtimeWith(sameMachine());
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'KEY_FILE_MISSING', params: { keyFile: app.runtime.files.keyFile } } });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    const setup = await dispatch({
      name: 'app-setup',
      payload: {
        siteName: '新站点',
        admin: { username: 'admin', displayName: '管理员', password: PASSWORD },
        passphrase: PASSPHRASE,
        passphraseConfirm: PASSPHRASE,
      },
      handle: null,
    });
    expect(errorCode(setup)).toBe('KEY_FILE_MISSING');
    expect(existsSync(app.runtime.files.db)).toBe(true);
  });
});

describe('migrations', () => {
  it('upgrades a database made by the first migration only, keeping its rows findable', async () => {
    const work = mkdtempSync(join(tmpdir(), 'archive-desk-upgrade-'));
    try {
      const oldMigrations = join(work, 'migrations');
      cpSync(MIGRATIONS, oldMigrations, { recursive: true });
      const journalPath = join(oldMigrations, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
      writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx === 0) }));
      for (const file of readdirSync(oldMigrations)) if (file.endsWith('.sql') && file !== '0000_init.sql') rmSync(join(oldMigrations, file));

      const dataDir = join(work, 'data');
      const protector = machineKeyProtector(join(work, 'machine.key'));
      const keyHex = await createKeyFile(join(dataDir, 'archive.keys.json'), protector, PASSPHRASE);
      const old = openDatabase(join(dataDir, 'archive.db'), { keyHex, migrationsFolder: oldMigrations });
      expect(tableNames(old)).not.toContain('box_fts');
      const sqlite = old.$client;
      sqlite
        .prepare(`INSERT INTO users (id, username, display_name, role, password_hash) VALUES (1, 'keeper', '老管理员', 'custodian', ?)`)
        .run(await hashPassword(PASSWORD));
      sqlite.prepare(`INSERT INTO owners (id, name, unit_no, floor, business_type) VALUES (1, '老字号面馆', 'B1-008', 'B1', 'catering')`).run();
      sqlite
        .prepare(
          `INSERT INTO boxes (id, code, kind, title, owner_id, confidentiality, retention_class, created_by) VALUES (1, 'ZH-2019-0001', 'tenant', '老字号租户档案', 1, 'internal', 'y10', 1)`,
        )
        .run();
      sqlite.close();

      const runtime = new Runtime({ dataDir, protector, migrationsFolder: MIGRATIONS });
      expect(runtime.start().state).toBe('ready');
      const db = runtime.requireDb();
      expect(tableNames(db)).toEqual(expect.arrayContaining(['box_fts', 'box_chars', 'owners', 'boxes', 'users']));
      const triggers = (db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map(
        (t) => t.name,
      );
      expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_replace', 'audit_log_no_update']);
      // Every migration since the first ran: as many as the journal lists.
      const migrations = (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
      expect((db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(migrations);
      expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);

      const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
      const login = await dispatch({ name: 'session-login', payload: { username: 'keeper', password: PASSWORD }, handle: null });
      if (!login.ok) throw new Error(JSON.stringify(login.error));
      const { handle } = login.value as { handle: string };
      for (const query of ['老字号', '面馆', 'B1-008', 'zh-2019']) {
        const found = await dispatch({ name: 'box-list', payload: { query }, handle });
        expect(found.ok && (found.value as { rows: { code: string }[] }).rows.map((r) => r.code)).toEqual(['ZH-2019-0001']);
      }
      runtime.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('rebuilds a search index that lost rows when the database is opened', async () => {
    const custodian = await app.as('custodian');
    const ownerId = (await app.ok('owner-create', validOwnerInput({ name: OWNER_NAME }), custodian)).id;
    const { box } = await app.ok('box-create', validBoxInput({ kind: 'tenant', ownerId }), custodian);
    await app.ok('box-create', validBoxInput({ title: '人事档案二' }), custodian);
    const sqlite = app.runtime.requireDb().$client;
    sqlite.prepare('DELETE FROM box_fts WHERE rowid = ?').run(box.id);
    sqlite.prepare('DELETE FROM box_chars WHERE rowid = ?').run(box.id);
    let handle = custodian;
    const search = async (query: string) => (await app.ok('box-list', { query }, handle)).rows.map((r) => r.code);
    expect(await search('万象城')).toEqual([]);
    app.runtime.close();

    expect(app.runtime.start().state).toBe('ready');
    handle = (await app.ok('session-login', { username: 'custodian', password: PASSWORD })).handle;
    for (const query of ['万象城', '万象', '万', box.code.toLowerCase()]) expect(await search(query)).toEqual([box.code]);
    expect(await search('档案二')).toHaveLength(1);
    expect(await search('人事')).toHaveLength(2);
  });

  it('refuses a database written by a newer version with DB_TOO_NEW', async () => {
    const db = app.runtime.requireDb();
    db.$client
      .prepare(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', (SELECT max(created_at) + 1000 FROM __drizzle_migrations))`)
      .run();
    app.runtime.close();
    const keyHex = await readKeyWithPassphrase(app.runtime.files.keyFile, PASSPHRASE);
    expect(await thrownCode(() => openDatabase(app.runtime.files.db, { keyHex, migrationsFolder: MIGRATIONS }))).toBe('DB_TOO_NEW');
    expect(runtimeWith(sameMachine()).start()).toMatchObject({ state: 'fault', fault: { code: 'DB_TOO_NEW' } });
    const locked = runtimeWith(null);
    locked.start();
    const dispatch = createDispatcher(locked, handlerTable, () => undefined);
    expect(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null })).toEqual({ ok: false, error: { code: 'DB_TOO_NEW' } });
  });
});

describe('connections', () => {
  it('closes everything on close: no WAL is left behind', () => {
    app.runtime.close();
    expect(existsSync(`${app.runtime.files.db}-wal`)).toBe(false);
  });

  it('opens one connection when two unlocks race', async () => {
    app.runtime.close();
    const runtime = runtimeWith(null);
    runtime.start();
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    const unlocks = await Promise.all([1, 2].map(() => dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null })));
    expect(unlocks.map(errorCode)).toEqual(['ok', 'ok']);
    runtime.close();
    // A second, forgotten connection would keep the WAL open.
    expect(existsSync(`${app.runtime.files.db}-wal`)).toBe(false);
  });
});
