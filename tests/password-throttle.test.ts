import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineKeyProtector } from '../db/machine-key';
import type { CallName } from '../electron/core/contract';
import type { Result } from '../electron/core/contract/errors';
import { createDispatcher } from '../electron/server/dispatch';
import { handlerTable } from '../electron/server/handlers';
import { Runtime } from '../electron/server/runtime';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../electron/server/services/password-throttle';
import { MIGRATIONS, PASSPHRASE, PASSWORD, type TestApp } from './support/app';
import { approvedTransfer, custodyCast, signOff, type CustodyCast } from './support/custody';
import { auditRows, createBox, createSetUpApp, errorCode } from './support/fixtures';

// Every password and passphrase check is one scrypt run; counting them counts the checks.
const scrypt = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const counted = ((...args: unknown[]) => {
    scrypt.calls++;
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof crypto.scrypt;
  return { ...crypto, default: { ...crypto, scrypt: counted }, scrypt: counted };
});

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; checks: number }> {
  const before = scrypt.calls;
  const result = await work();
  return { result, checks: scrypt.calls - before };
}

const GUESSES = 60;
const RIGHT_AT = 30;
/** Sixty guesses, the right one in the middle, sent all at once. */
const guesses = (right: string) => Array.from({ length: GUESSES }, (_, i) => (i === RIGHT_AT ? right : `wrong-guess-${i}`));

/** Whether the right guess's answer is told apart from the wrong ones refused beside it. */
function expectRightNotSingledOut(results: Result<unknown>[]) {
  expect(results.every((r) => !r.ok)).toBe(true);
  const answer = (i: number) => JSON.stringify(results[i]);
  expect(answer(RIGHT_AT)).toBe(answer(RIGHT_AT - 1));
  expect(answer(RIGHT_AT)).toBe(answer(RIGHT_AT + 1));
  expect(results.filter((_, i) => answer(i) === answer(RIGHT_AT)).length).toBeGreaterThanOrEqual(GUESSES - MAX_FAILED_ATTEMPTS);
}

const db = (app: TestApp) => app.runtime.requireDb();
const userRow = (app: TestApp, username: string) =>
  db(app).$client.prepare('SELECT id, failed_attempts AS failedAttempts, locked_until AS lockedUntil FROM users WHERE username = ?').get(username) as {
    id: number;
    failedAttempts: number;
    lockedUntil: string | null;
  };
const expireLock = (app: TestApp, username: string) =>
  db(app).$client.prepare("UPDATE users SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username = ?").run(username);
/** The actions recorded against an account after the first `from` entries of the log. */
const auditOf = (app: TestApp, userId: number, from: number) =>
  auditRows(db(app))
    .slice(from)
    .filter((r) => r.entity === 'user' && r.entityId === String(userId))
    .map((r) => r.action);

describe('account passwords: one throttle for sign-in, sign-off and password change', () => {
  let app: TestApp;
  let cast: CustodyCast;
  beforeEach(async () => {
    app = await createSetUpApp();
    cast = await custodyCast(app);
  });
  afterEach(() => app.close());

  it('transfer-sign-off: of 60 parallel guesses at another account, at most 5 are checked; the right one is refused like the rest and the account locks', async () => {
    const box = await createBox(app);
    const t = await approvedTransfer(app, cast, [box.code]);
    const attempt = (password: string) =>
      app.call('transfer-sign-off', { ...signOff(t.id), handover: { kind: 'account', username: 'custodian', password } }, cast.clerk);
    const from = auditRows(db(app)).length;
    const { result: results, checks } = await counted(() => Promise.all(guesses(PASSWORD).map(attempt)));

    expect(checks).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expectRightNotSingledOut(results);
    expect(errorCode(results[RIGHT_AT])).toBe('SIGNOFF_ACCOUNT_UNAVAILABLE');
    expect((await app.ok('transfer-get', { id: t.id }, cast.clerk)).status).toBe('approved');
    expect(Date.parse(userRow(app, 'custodian').lockedUntil!)).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
    const audit = auditOf(app, cast.custodianId, from);
    expect(audit.filter((a) => a === 'login-failed')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(audit.filter((a) => a === 'account-locked')).toHaveLength(1);

    // Once the lock has run out, the right password signs.
    expireLock(app, 'custodian');
    expect(errorCode(await attempt(PASSWORD))).toBe('ok');
  });

  it('session-login: of 60 parallel guesses, at most 5 are checked; the right one gets the same ACCOUNT_LOCKED as the wrong ones', async () => {
    const attempt = (password: string) => app.call('session-login', { username: 'clerk', password });
    const from = auditRows(db(app)).length;
    const { result: results, checks } = await counted(() => Promise.all(guesses(PASSWORD).map(attempt)));

    expect(checks).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expectRightNotSingledOut(results);
    expect(results[RIGHT_AT]).toEqual({ ok: false, error: { code: 'ACCOUNT_LOCKED', params: { minutes: LOCKOUT_MINUTES } } });
    const audit = auditOf(app, cast.clerkId, from);
    expect(audit.filter((a) => a === 'login-failed')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(audit.filter((a) => a === 'account-locked')).toHaveLength(1);
    expect(audit).not.toContain('login');

    // While locked nothing is checked; once it runs out the right password signs in.
    const locked = await counted(() => attempt(PASSWORD));
    expect(locked).toEqual({ result: results[RIGHT_AT], checks: 0 });
    expireLock(app, 'clerk');
    expect(errorCode(await attempt(PASSWORD))).toBe('ok');
  });

  it('session-change-password: guesses of one’s own current password are throttled too, and refused alike while locked', async () => {
    const next = 'Brand-new-passw0rd';
    const attempt = (current: string) => app.call('session-change-password', { current, next, nextConfirm: next }, cast.clerk);
    const from = auditRows(db(app)).length;
    const { result: results, checks } = await counted(() => Promise.all(guesses(PASSWORD).map(attempt)));

    expect(checks).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expectRightNotSingledOut(results);
    expect(errorCode(results[RIGHT_AT])).toBe('ACCOUNT_LOCKED');
    expect(auditOf(app, cast.clerkId, from).filter((a) => a === 'login-failed')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(auditOf(app, cast.clerkId, from)).not.toContain('password-change');

    // Locked: the right current password and a wrong one get the same answer, and neither is checked.
    const right = await counted(() => attempt(PASSWORD));
    const wrong = await counted(() => attempt('still-a-wrong-guess'));
    expect(right).toEqual({ result: results[RIGHT_AT], checks: 0 });
    expect(wrong).toEqual(right);

    expireLock(app, 'clerk');
    expect(errorCode(await attempt(PASSWORD))).toBe('ok');
    expect(errorCode(await app.call('session-login', { username: 'clerk', password: next }))).toBe('ok');
  });

  it('unknown, disabled and wrong-password sign-ins each cost the same scrypt work, so timing does not tell names apart', async () => {
    const login = (username: string, password: string) => counted(() => app.call('session-login', { username, password }));
    expect(await login('nobody', PASSWORD)).toEqual({ result: { ok: false, error: { code: 'BAD_CREDENTIALS' } }, checks: 1 });
    expect(await login('auditor', 'a-wrong-password')).toEqual({ result: { ok: false, error: { code: 'BAD_CREDENTIALS' } }, checks: 1 });
    await app.ok('user-update', { id: userRow(app, 'auditor').id, displayName: 'auditor-测试', role: 'auditor', disabled: true }, cast.admin);
    // A disabled account answers a wrong password as any account does; only its own password hears that it is disabled.
    expect(await login('auditor', 'a-wrong-password')).toEqual({ result: { ok: false, error: { code: 'BAD_CREDENTIALS' } }, checks: 1 });
    expect(await login('auditor', PASSWORD)).toEqual({ result: { ok: false, error: { code: 'ACCOUNT_DISABLED' } }, checks: 1 });
    expect((await login('clerk', PASSWORD)).checks).toBe(1);

    const box = await createBox(app);
    const t = await approvedTransfer(app, cast, [box.code]);
    const signAs = (username: string) =>
      counted(() => app.call('transfer-sign-off', { ...signOff(t.id), handover: { kind: 'account', username, password: PASSWORD } }, cast.clerk));
    expect(await signAs('nobody')).toMatchObject({ result: { ok: false, error: { code: 'SIGNOFF_BAD_PASSWORD' } }, checks: 1 });
    expect(await signAs('auditor')).toMatchObject({ result: { ok: false, error: { code: 'SIGNOFF_ACCOUNT_UNAVAILABLE' } }, checks: 1 });
  });
});

describe('the recovery passphrase: an in-memory throttle per runtime', () => {
  let app: TestApp;
  let clock: number;
  let runtime: Runtime;
  let dispatch: ReturnType<typeof createDispatcher>;
  const call = (name: CallName, payload: unknown, handle: string | null = null) => dispatch({ name, payload, handle });
  /** The test app's archive, reopened by a runtime whose clock the test moves. */
  function reopen(protector: 'machine' | 'none') {
    app.runtime.close();
    const machine = protector === 'machine' ? machineKeyProtector(join(app.dir, 'machine.key')) : null;
    runtime = new Runtime({ dataDir: join(app.dir, 'data'), protector: machine, migrationsFolder: MIGRATIONS, now: () => new Date(clock) });
    runtime.start();
    dispatch = createDispatcher(runtime, handlerTable, () => undefined);
  }
  beforeEach(async () => {
    app = await createSetUpApp();
    await app.as('custodian');
    clock = Date.now();
  });
  afterEach(() => {
    runtime.close();
    app.close();
  });

  it('app-unlock: of 60 parallel guesses at most 5 are checked; the right one is refused like the rest; after the lock it unlocks', async () => {
    reopen('none');
    expect(runtime.status().state).toBe('locked');
    const { result: results, checks } = await counted(() => Promise.all(guesses(PASSPHRASE).map((passphrase) => call('app-unlock', { passphrase }))));

    expect(checks).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
    expectRightNotSingledOut(results);
    expect(results[RIGHT_AT]).toEqual({ ok: false, error: { code: 'PASSPHRASE_LOCKED', params: { minutes: LOCKOUT_MINUTES } } });
    expect(runtime.status().state).toBe('locked');

    clock += (LOCKOUT_MINUTES - 1) * 60_000;
    expect(await counted(() => call('app-unlock', { passphrase: PASSPHRASE }))).toEqual({
      result: { ok: false, error: { code: 'PASSPHRASE_LOCKED', params: { minutes: 1 } } },
      checks: 0,
    });
    clock += 60_001;
    expect(errorCode(await call('app-unlock', { passphrase: PASSPHRASE }))).toBe('ok');
  });

  it('passphrase change, re-key and restore count against the same limit, and refuse the right passphrase while locked', async () => {
    reopen('machine');
    const admin = ((await call('session-login', { username: 'admin', password: PASSWORD })) as { value: { handle: string } }).value.handle;
    const usb = join(app.dir, 'usb');
    mkdirSync(usb);
    await call('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: true }, admin);
    const [made] = ((await call('backup-run', {}, admin)) as { value: { file: string }[] }).value;
    // Bytes that are no backup of this key, beside a real manifest: restoring them asks the passphrase.
    const foreign = join(usb, 'foreign.db');
    writeFileSync(foreign, Buffer.alloc(65536, 7));
    writeFileSync(`${foreign}.json`, readFileSync(`${made!.file}.json`));

    const change = (current: string) =>
      call('passphrase-change', { current, next: '新的恢复口令-another horse', nextConfirm: '新的恢复口令-another horse' }, admin);
    const rekey = (passphrase: string) => call('database-rekey', { passphrase, confirm: true }, admin);
    const restore = (passphrase: string) => call('backup-restore', { file: foreign, passphrase, confirm: true }, admin);
    for (const attempt of [
      () => change('wrong-passphrase-1'),
      () => rekey('wrong-passphrase-2'),
      () => restore('wrong-passphrase-3'),
      () => change('wrong-passphrase-4'),
    ]) {
      expect(errorCode(await attempt())).toBe('WRONG_PASSPHRASE');
    }
    expect(await restore('wrong-passphrase-5')).toEqual({ ok: false, error: { code: 'PASSPHRASE_LOCKED', params: { minutes: LOCKOUT_MINUTES } } });

    const locked = { ok: false, error: { code: 'PASSPHRASE_LOCKED', params: { minutes: LOCKOUT_MINUTES } } };
    for (const attempt of [() => change(PASSPHRASE), () => rekey(PASSPHRASE), () => restore(PASSPHRASE), () => change('wrong-passphrase-6')]) {
      expect(await counted(attempt)).toEqual({ result: locked, checks: 0 });
    }

    clock += LOCKOUT_MINUTES * 60_000 + 1;
    expect(errorCode(await restore(PASSPHRASE))).toBe('BACKUP_INVALID');
    expect(errorCode(await change(PASSPHRASE))).toBe('ok');
  });
});
