import type { Role } from '../electron/core/enums';
import { SessionStore } from '../electron/server/services/sessions';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../electron/server/services/password-throttle';
import { verifyPassword } from '../electron/server/services/passwords';
import { createTestApp, PASSPHRASE, PASSWORD, type TestApp } from './support/app';
import { auditRows, createSetUpApp, errorCode, snapshot, validPayloads, validSettings } from './support/fixtures';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = await createSetUpApp();
  admin = await app.as('admin');
});
afterEach(() => app.close());

const login = (username: string, password: string) => app.call('session-login', { username, password });
const createUser = (username: string, role: Role = 'clerk', password = PASSWORD) =>
  app.ok('user-create', { username, displayName: `${username}-名`, role, password }, admin);
const OWN_PASSWORD = 'Own-chosen-passw0rd';
/** Signs in a user made by the admin and sets their own password (OWN_PASSWORD), as the app makes them do. */
async function signInReady(username: string): Promise<string> {
  const { handle } = await app.ok('session-login', { username, password: PASSWORD });
  await app.ok('session-change-password', { current: PASSWORD, next: OWN_PASSWORD, nextConfirm: OWN_PASSWORD }, handle);
  return handle;
}
const passwordHashOf = (username: string) =>
  (app.runtime.requireDb().$client.prepare('SELECT password_hash AS h FROM users WHERE username = ?').get(username) as { h: string }).h;

describe('setup', () => {
  it('creates the admin, who need not change the password chosen at setup', async () => {
    const users = await app.ok('user-list', {}, admin);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      disabled: false,
      mustChangePassword: false,
      lockedUntil: null,
    });
    expect(users[0]).not.toHaveProperty('passwordHash');
    expect(await app.ok('app-status', {})).toEqual({ state: 'ready', siteName: '万象广场运营部', lockedReason: null });
  });

  it('refuses a second setup with ALREADY_SET_UP, changing nothing', async () => {
    const before = snapshot(app.runtime.requireDb());
    const again = { ...validPayloads['app-setup'], passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE };
    expect(await app.call('app-setup', again)).toEqual({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(await app.call('app-setup', again, admin)).toEqual({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(errorCode(await login('admin2', PASSWORD))).toBe('BAD_CREDENTIALS');
  });

  it('refuses setup with a short password or mismatched passphrases', async () => {
    const fresh = await createTestApp({ setup: false });
    try {
      const setup = validPayloads['app-setup'];
      const short = await fresh.call('app-setup', { ...setup, admin: { ...setup.admin, password: '123456789' } });
      expect(short.ok === false && short.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['admin', 'password'] }] });
      const mismatch = await fresh.call('app-setup', { ...setup, passphraseConfirm: `${setup.passphrase}!` });
      expect(mismatch.ok === false && mismatch.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['passphraseConfirm'] }] });
      expect((await fresh.ok('app-status', {})).state).toBe('setup');
    } finally {
      fresh.close();
    }
  });
});

describe('signing in', () => {
  it('refuses a wrong password or an unknown user with BAD_CREDENTIALS', async () => {
    expect(await login('admin', 'not-the-password')).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await login('nobody', PASSWORD)).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await login('ADMIN', PASSWORD)).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const ok = await login('admin', PASSWORD);
    expect(ok.ok && ok.value.user).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it(`locks the account after ${MAX_FAILED_ATTEMPTS} wrong passwords, refusing even the right one`, async () => {
    await createUser('li');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) expect(errorCode(await login('li', `wrong-${i}`))).toBe('BAD_CREDENTIALS');
    const locked = await login('li', 'wrong-last');
    expect(locked).toEqual({ ok: false, error: { code: 'ACCOUNT_LOCKED', params: { minutes: LOCKOUT_MINUTES } } });
    expect(errorCode(await login('li', PASSWORD))).toBe('ACCOUNT_LOCKED');
    const li = (await app.ok('user-list', {}, admin)).find((u) => u.username === 'li')!;
    expect(Date.parse(li.lockedUntil!)).toBeGreaterThan(Date.now());
  });

  it('counts a success as a fresh start: four failures, a success, four more do not lock', async () => {
    await createUser('zhao');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(errorCode(await login('zhao', 'wrong'))).toBe('BAD_CREDENTIALS');
    expect(errorCode(await login('zhao', PASSWORD))).toBe('ok');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(errorCode(await login('zhao', 'wrong'))).toBe('BAD_CREDENTIALS');
    expect(errorCode(await login('zhao', PASSWORD))).toBe('ok');
  });

  it('locks the account when wrong passwords arrive all at once', async () => {
    await createUser('sun');
    const results = await Promise.all(Array.from({ length: MAX_FAILED_ATTEMPTS + 3 }, (_, i) => login('sun', `wrong-${i}`)));
    const codes = results.map(errorCode);
    expect(codes.every((c) => c === 'BAD_CREDENTIALS' || c === 'ACCOUNT_LOCKED')).toBe(true);
    expect(codes).toContain('ACCOUNT_LOCKED');
    expect(errorCode(await login('sun', PASSWORD))).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a right password whose check was under way when the account got locked', async () => {
    await createUser('qian');
    const pending = login('qian', PASSWORD); // reads the account, then hashes off the main thread
    const lockedUntil = new Date(Date.now() + LOCKOUT_MINUTES * 60_000).toISOString();
    app.runtime.requireDb().$client.prepare('UPDATE users SET locked_until = ? WHERE username = ?').run(lockedUntil, 'qian');
    expect(errorCode(await pending)).toBe('ACCOUNT_LOCKED');
  });

  it('lets an admin reset unlock a locked account, forcing a change of password', async () => {
    const li = await createUser('li');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await login('li', 'wrong');
    expect(errorCode(await login('li', PASSWORD))).toBe('ACCOUNT_LOCKED');
    const reset = await app.ok('user-reset-password', { id: li.id, password: 'Reset-passw0rd' }, admin);
    expect(reset).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect(errorCode(await login('li', PASSWORD))).toBe('BAD_CREDENTIALS');
    const signedIn = await login('li', 'Reset-passw0rd');
    expect(signedIn.ok && signedIn.value.user.mustChangePassword).toBe(true);
    expect(errorCode(await app.call('user-reset-password', { id: 999, password: 'Reset-passw0rd' }, admin))).toBe('NOT_FOUND');
  });
});

describe('initial and reset passwords', () => {
  it('allows nothing but changing it until the user has chosen their own', async () => {
    await createUser('sun');
    const { handle } = await app.ok('session-login', { username: 'sun', password: PASSWORD });
    const before = snapshot(app.runtime.requireDb());
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorCode(await app.call('owner-list', {}, handle))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect((await app.ok('session-current', {}, handle))?.mustChangePassword).toBe(true);
    await app.ok('session-change-password', { current: PASSWORD, next: 'My-own-passw0rd', nextConfirm: 'My-own-passw0rd' }, handle);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('ok');
  });

  it('can be forced by the admin without a reset: the user is signed out and must choose a new one', async () => {
    const user = await createUser('zheng');
    const handle = await signInReady('zheng');
    await app.ok('user-update', { id: user.id, displayName: user.displayName, role: 'clerk', disabled: false, mustChangePassword: true }, admin);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('NOT_SIGNED_IN');
    const again = await app.ok('session-login', { username: 'zheng', password: OWN_PASSWORD });
    expect(again.user.mustChangePassword).toBe(true);
    expect(errorCode(await app.call('box-list', {}, again.handle))).toBe('PASSWORD_CHANGE_REQUIRED');
    // Leaving the flag out of an edit keeps it as it is.
    await app.ok('user-update', { id: user.id, displayName: '郑改名', role: 'clerk', disabled: false }, admin);
    expect((await app.ok('session-current', {}, again.handle))?.mustChangePassword).toBe(true);
  });

  it('signs the user out everywhere when the admin resets the password', async () => {
    const user = await createUser('qian');
    const handle = await signInReady('qian');
    await app.ok('user-reset-password', { id: user.id, password: 'Reset-passw0rd' }, admin);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('NOT_SIGNED_IN');
  });
});

describe('disabled accounts', () => {
  it('refuses to sign in a disabled account and ends its open sessions', async () => {
    const clerk = await createUser('zhou');
    const handle = await signInReady('zhou');
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('ok');

    await app.ok('user-update', { id: clerk.id, displayName: clerk.displayName, role: 'clerk', disabled: true }, admin);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('NOT_SIGNED_IN');
    expect(await app.ok('session-current', {}, handle)).toBeNull();
    expect(await login('zhou', OWN_PASSWORD)).toEqual({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });

    // Enabling it again does not revive the old session; signing in again works.
    await app.ok('user-update', { id: clerk.id, displayName: clerk.displayName, role: 'clerk', disabled: false }, admin);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('NOT_SIGNED_IN');
    expect(errorCode(await login('zhou', OWN_PASSWORD))).toBe('ok');
  });

  it('ends the sessions at the moment it is disabled: one left untouched until it is enabled again is gone too', async () => {
    const clerk = await createUser('xu');
    const handle = await signInReady('xu');
    const other = await app.as('custodian');
    await app.ok('user-update', { id: clerk.id, displayName: clerk.displayName, role: 'clerk', disabled: true }, admin);
    await app.ok('user-update', { id: clerk.id, displayName: clerk.displayName, role: 'clerk', disabled: false }, admin);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('NOT_SIGNED_IN');
    expect(errorCode(await app.call('box-list', {}, other))).toBe('ok');
  });

  it('applies a role change to open sessions at once', async () => {
    const user = await createUser('wu', 'custodian');
    const handle = await signInReady('wu');
    expect(errorCode(await app.call('box-next-code', { kind: 'tenant' }, handle))).toBe('ok');
    await app.ok('user-update', { id: user.id, displayName: user.displayName, role: 'auditor', disabled: false }, admin);
    expect(errorCode(await app.call('box-next-code', { kind: 'tenant' }, handle))).toBe('FORBIDDEN');
  });
});

describe('passwords', () => {
  it('rejects passwords under 10 characters everywhere one is set', async () => {
    const before = snapshot(app.runtime.requireDb());
    const short = '123456789';
    const created = await app.call('user-create', { username: 'feng', displayName: '冯', role: 'clerk', password: short }, admin);
    expect(created.ok === false && created.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['password'] }] });
    const me = (await app.ok('session-current', {}, admin))!;
    expect(errorCode(await app.call('user-reset-password', { id: me.id, password: short }, admin))).toBe('VALIDATION');
    const changed = await app.call('session-change-password', { current: PASSWORD, next: short, nextConfirm: short }, admin);
    expect(changed.ok === false && changed.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['next'] }] });
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(errorCode(await app.call('user-create', { username: 'feng', displayName: '冯', role: 'clerk', password: '1234567890' }, admin))).toBe('ok');
  });

  it('makes a user created by an admin change the password, which clears the flag', async () => {
    const user = await createUser('chen', 'manager');
    expect(user.mustChangePassword).toBe(true);
    const handle = (await app.ok('session-login', { username: 'chen', password: PASSWORD })).handle;
    await app.ok('session-change-password', { current: PASSWORD, next: 'Chen-new-passw0rd', nextConfirm: 'Chen-new-passw0rd' }, handle);
    expect((await app.ok('session-current', {}, handle))!.mustChangePassword).toBe(false);
    expect(errorCode(await login('chen', PASSWORD))).toBe('BAD_CREDENTIALS');
    expect(errorCode(await login('chen', 'Chen-new-passw0rd'))).toBe('ok');
  });

  it('refuses a change of password with a wrong current password, on the current field, counting it as a failed login', async () => {
    const result = await app.call('session-change-password', { current: 'not-my-password', next: 'N3w-passw0rd!', nextConfirm: 'N3w-passw0rd!' }, admin);
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['current'], message: 'v.currentPasswordWrong' }] } });
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'login-failed', entity: 'user' });
    const before = snapshot(app.runtime.requireDb());
    const mismatch = await app.call('session-change-password', { current: PASSWORD, next: 'N3w-passw0rd!', nextConfirm: 'N3w-passw0rd?' }, admin);
    expect(mismatch.ok === false && mismatch.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['nextConfirm'] }] });
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(errorCode(await login('admin', PASSWORD))).toBe('ok');
  });

  it('refuses a forced change to the same password, on the new password field, and keeps the flag', async () => {
    await createUser('yan');
    const { handle } = await app.ok('session-login', { username: 'yan', password: PASSWORD });
    const before = snapshot(app.runtime.requireDb());
    const same = await app.call('session-change-password', { current: PASSWORD, next: PASSWORD, nextConfirm: PASSWORD }, handle);
    expect(same).toEqual({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['next'], message: 'v.passwordUnchanged' }] } });
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(errorCode(await app.call('box-list', {}, handle))).toBe('PASSWORD_CHANGE_REQUIRED');
    // The same password typed in another Unicode form is still the same password.
    const cafe = 'Café-passw0rd'.normalize('NFC');
    await app.ok('session-change-password', { current: PASSWORD, next: cafe, nextConfirm: cafe }, handle);
    const nfd = cafe.normalize('NFD');
    const again = await app.call('session-change-password', { current: cafe, next: nfd, nextConfirm: nfd }, handle);
    expect(again.ok === false && again.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['next'], message: 'v.passwordUnchanged' }] });
  });

  it('signs the user out of their other sessions when they change their password, keeping the one they changed it in', async () => {
    await createUser('lin');
    const here = await signInReady('lin');
    const elsewhere = (await app.ok('session-login', { username: 'lin', password: OWN_PASSWORD })).handle;
    const someoneElse = await app.as('clerk');
    await app.ok('session-change-password', { current: OWN_PASSWORD, next: 'Newer-passw0rd!', nextConfirm: 'Newer-passw0rd!' }, here);
    expect(errorCode(await app.call('box-list', {}, elsewhere))).toBe('NOT_SIGNED_IN');
    expect(errorCode(await app.call('box-list', {}, here))).toBe('ok');
    expect(errorCode(await app.call('box-list', {}, someoneElse))).toBe('ok');
  });

  it('refuses a user name that is taken', async () => {
    await createUser('he');
    const again = await app.call('user-create', { username: 'he', displayName: '何', role: 'clerk', password: PASSWORD }, admin);
    expect(again).toEqual({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['username'], message: 'v.usernameTaken' }] } });
  });

  it('stores salted scrypt hashes, never the password', async () => {
    await createUser('lu', 'clerk', PASSWORD);
    const adminHash = passwordHashOf('admin');
    const luHash = passwordHashOf('lu');
    for (const hash of [adminHash, luHash]) {
      expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(hash).not.toContain(PASSWORD);
      expect(hash).not.toContain(Buffer.from(PASSWORD).toString('base64'));
      expect(await verifyPassword(PASSWORD, hash)).toBe(true);
      expect(await verifyPassword(`${PASSWORD}x`, hash)).toBe(false);
    }
    // Same password, different salt, different hash.
    expect(luHash).not.toBe(adminHash);
  });
});

describe('idle sessions', () => {
  it('ends a session idle for longer than the configured minutes', async () => {
    await app.ok('settings-update', validSettings({ idleMinutes: 15 }), admin);
    let fakeNow = Date.parse('2026-03-01T09:00:00Z');
    Object.assign(app.runtime, { sessions: new SessionStore(() => fakeNow) });
    const handle = (await app.ok('session-login', { username: 'admin', password: PASSWORD })).handle;

    fakeNow += 14 * 60_000;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('ok');
    // Each call refreshes the idle timer.
    fakeNow += 14 * 60_000;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('ok');
    fakeNow += 15 * 60_000;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('ok');

    fakeNow += 15 * 60_000 + 1;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('NOT_SIGNED_IN');
    // Gone for good, even if the clock were to go back.
    fakeNow -= 60 * 60_000;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('NOT_SIGNED_IN');
  });

  it('SessionStore: unknown, closed and expired handles give no user', () => {
    let now = 1_000_000;
    const store = new SessionStore(() => now);
    const a = store.open(7);
    const b = store.open(8);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.touch(a, 10)).toBe(7);
    expect(store.touch('nope', 10)).toBeNull();
    expect(store.touch(null, 10)).toBeNull();
    now += 10 * 60_000;
    expect(store.touch(a, 10)).toBe(7);
    now += 10 * 60_000 + 1;
    expect(store.touch(a, 10)).toBeNull();
    expect(store.touch(b, 30)).toBe(8);
    store.close(b);
    expect(store.touch(b, 30)).toBeNull();
  });
});

describe('racing setups', () => {
  it('sets up once when two setups arrive together; the other gets ALREADY_SET_UP', async () => {
    const fresh = await createTestApp({ setup: false });
    try {
      const setup = { ...validPayloads['app-setup'], admin: { ...validPayloads['app-setup'].admin, username: 'admin' } };
      const results = await Promise.all([fresh.call('app-setup', setup), fresh.call('app-setup', { ...setup, siteName: '另一个站点' })]);
      expect(results.map(errorCode).sort()).toEqual(['ALREADY_SET_UP', 'ok']);
      const status = await fresh.ok('app-status', {});
      expect(status.state).toBe('ready');
      expect(errorCode(await fresh.call('session-login', { username: 'admin', password: PASSWORD }))).toBe('ok');
      // And the key file on disk matches the database: a restart opens it.
      fresh.runtime.close();
      expect(fresh.runtime.start()).toEqual(status);
    } finally {
      fresh.close();
    }
  });
});
