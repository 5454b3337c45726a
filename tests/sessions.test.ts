import type { CallInput, CallName, CallOutput } from '../electron/core/contract';
import type { Result } from '../electron/core/contract/errors';
import type { ClientInfo } from '../electron/core/contract/network';
import { LOCAL_CLIENT } from '../electron/server/dispatch';
import { entryHash } from '../electron/server/services/audit';
import { SessionStore } from '../electron/server/services/sessions';
import { PASSWORD, type TestApp } from './support/app';
import { auditRows, createSetUpApp, errorCode, validOwnerInput } from './support/fixtures';

const FRONT_DESK: ClientInfo = { transport: 'lan', address: '192.168.1.23', name: '前台1' };
const BACK_OFFICE: ClientInfo = { transport: 'lan', address: '192.168.1.40', name: null };

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

/** A call through the real dispatcher as a desk on the network would make it. */
function from<N extends CallName>(client: ClientInfo, name: N, payload: CallInput<N>, handle: string | null = null): Promise<Result<CallOutput<N>>> {
  return app.dispatch({ name, payload, handle, client }) as Promise<Result<CallOutput<N>>>;
}
async function signInFrom(client: ClientInfo, username: string): Promise<string> {
  const login = await from(client, 'session-login', { username, password: PASSWORD });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  return login.value.handle;
}
const db = () => app.runtime.requireDb();

describe('SessionStore', () => {
  it('keeps each session’s desk and times under a public id that is not its handle', () => {
    let now = 1_000_000;
    const store = new SessionStore(() => now);
    const local = store.open(1);
    const desk = store.open(2, FRONT_DESK);
    now += 60_000;
    store.touch(desk, 30);
    const list = store.list(30);
    expect(list.map((s) => [s.userId, s.client, s.openedAt, s.lastSeen])).toEqual([
      [1, LOCAL_CLIENT, 1_000_000, 1_000_000],
      [2, FRONT_DESK, 1_000_000, 1_060_000],
    ]);
    for (const s of list) {
      expect(s.id).not.toBe(s.handle);
      expect(s.id).not.toContain(s.handle.slice(0, 8));
    }
    // An expired session (idle past 30 minutes: the local one) is not listed, and cannot be ended by id.
    now = 1_000_000 + 30 * 60_000 + 1;
    expect(store.list(30).map((s) => s.userId)).toEqual([2]);
    expect(store.closeById(list[0].id)).toBeNull();
    expect(store.touch(local, 30)).toBeNull();
    expect(store.closeById(list[1].id)).toBe(desk);
    expect(store.closeById(list[1].id)).toBeNull();
    expect(store.touch(desk, 30)).toBeNull();
  });

  it('closeWhere ends the sessions it picks and says how many', () => {
    const store = new SessionStore();
    const local = store.open(1);
    store.open(2, FRONT_DESK);
    store.open(3, BACK_OFFICE);
    expect(store.closeWhere((s) => s.client.transport === 'lan')).toBe(2);
    expect(store.list(30).map((s) => s.userId)).toEqual([1]);
    expect(store.touch(local, 30)).toBe(1);
    expect(store.closeWhere(() => false)).toBe(0);
  });

  it('tells a live update stream only once the LAN side says so', () => {
    const store = new SessionStore();
    const handle = store.open(1, FRONT_DESK);
    expect(store.isLive(handle)).toBe(false);
    store.setLiveProbe((h) => h === handle);
    expect(store.isLive(handle)).toBe(true);
    expect(store.isLive('other')).toBe(false);
  });
});

describe('session-list and session-end', () => {
  it('lists who is signed in where, marking the caller’s own session', async () => {
    const admin = await app.as('admin');
    const clerk = await app.as('clerk');
    const clerkAtDesk = await signInFrom(FRONT_DESK, 'clerk');
    const list = await app.ok('session-list', {}, admin);
    expect(list.map((s) => [s.username, s.client, s.current, s.live])).toEqual([
      ['admin', LOCAL_CLIENT, true, false],
      ['clerk', LOCAL_CLIENT, false, false],
      ['clerk', FRONT_DESK, false, false],
    ]);
    expect(list[2]).toMatchObject({ displayName: 'clerk-测试', role: 'clerk' });
    expect(Date.parse(list[2].openedAt)).not.toBeNaN();
    for (const s of list) expect([admin, clerk, clerkAtDesk].some((h) => s.id === h || JSON.stringify(s).includes(h))).toBe(false);

    app.runtime.sessions.setLiveProbe((h) => h === clerkAtDesk);
    expect((await app.ok('session-list', {}, admin)).map((s) => s.live)).toEqual([false, false, true]);
    expect(errorCode(await app.call('session-list', {}, clerk))).toBe('FORBIDDEN');
  });

  it('signs out one desk, audited as who ended whose session at which desk; the rest stay signed in', async () => {
    const admin = await app.as('admin');
    const clerk = await app.as('clerk');
    const clerkAtDesk = await signInFrom(FRONT_DESK, 'clerk');
    const target = (await app.ok('session-list', {}, admin)).find((s) => s.client.address === FRONT_DESK.address)!;
    const before = auditRows(db()).length;

    expect(await app.ok('session-end', { id: target.id }, admin)).toBeNull();
    expect(await from(FRONT_DESK, 'session-current', {}, clerkAtDesk)).toEqual({ ok: true, value: null });
    expect(errorCode(await from(FRONT_DESK, 'owner-list', {}, clerkAtDesk))).toBe('NOT_SIGNED_IN');
    expect(errorCode(await app.call('owner-list', {}, clerk))).toBe('ok');

    const entries = auditRows(db()).slice(before);
    expect(entries).toHaveLength(1);
    const adminId = (await app.ok('session-current', {}, admin))!.id;
    expect(entries[0]).toMatchObject({ action: 'session-end', entity: 'user', entityId: String(target.userId), actorId: adminId, clientAddress: null });
    expect(JSON.parse(entries[0].changes)).toMatchObject({
      after: { username: 'clerk', displayName: 'clerk-测试', clientAddress: '192.168.1.23', clientName: '前台1', openedAt: target.openedAt },
    });

    // Gone is gone: a second end, and an id that never was, say so and record nothing.
    expect(errorCode(await app.call('session-end', { id: target.id }, admin))).toBe('SESSION_NOT_FOUND');
    expect(errorCode(await app.call('session-end', { id: 'no-such-session' }, admin))).toBe('SESSION_NOT_FOUND');
    expect(auditRows(db()).length).toBe(before + 1);
  });

  it('refuses to end the caller’s own session (that is signing out) and lets only an admin end any', async () => {
    const admin = await app.as('admin');
    const clerk = await app.as('clerk');
    const own = (await app.ok('session-list', {}, admin)).find((s) => s.current)!;
    const before = auditRows(db()).length;
    expect(errorCode(await app.call('session-end', { id: own.id }, admin))).toBe('SESSION_IS_OWN');
    expect(errorCode(await app.call('session-end', { id: own.id }, clerk))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('settings-get', {}, admin))).toBe('ok');
    expect(auditRows(db()).length).toBe(before);
  });

  it('an admin at a desk ending a session is recorded with that desk', async () => {
    await app.as('clerk');
    const adminAtDesk = await signInFrom(BACK_OFFICE, 'admin');
    const clerkSession = (await app.ok('session-list', {}, adminAtDesk)).find((s) => s.username === 'clerk')!;
    expect(errorCode(await from(BACK_OFFICE, 'session-end', { id: clerkSession.id }, adminAtDesk))).toBe('ok');
    expect(auditRows(db()).at(-1)).toMatchObject({ action: 'session-end', clientAddress: '192.168.1.40', clientName: null });
  });
});

describe('the audit entry of every call records the desk', () => {
  it('records the address and name of a network desk, nothing for this PC’s window, and the chain covers them', async () => {
    const custodian = await app.as('custodian');
    const atDesk = await signInFrom(FRONT_DESK, 'custodian');
    const before = auditRows(db()).length;
    await app.ok('owner-create', validOwnerInput({ name: '本机录入的租户' }), custodian);
    expect(errorCode(await from(FRONT_DESK, 'owner-create', validOwnerInput({ name: '前台录入的租户', unitNo: 'L2-002' }), atDesk))).toBe('ok');
    const [local, desk] = auditRows(db()).slice(before);
    expect(local).toMatchObject({ action: 'owner-create', clientAddress: null, clientName: null });
    expect(desk).toMatchObject({ action: 'owner-create', clientAddress: '192.168.1.23', clientName: '前台1' });
    // The sign-in itself was recorded at the desk too.
    expect(auditRows(db()).slice(0, before).at(-1)).toMatchObject({ action: 'login', clientAddress: '192.168.1.23' });

    const { hash, ...fields } = desk;
    expect(entryHash(fields)).toBe(hash);
    expect(entryHash({ ...fields, clientAddress: '192.168.1.99' })).not.toBe(hash);
    expect(entryHash({ ...fields, clientName: null })).not.toBe(hash);
    expect(entryHash({ ...fields, clientAddress: null, clientName: null })).not.toBe(hash);
    const { hash: localHash, ...localFields } = local;
    expect(entryHash({ ...localFields, clientAddress: '192.168.1.23' })).not.toBe(localHash);

    const auditor = await app.as('auditor');
    const head = await app.ok('audit-head', {}, auditor);
    expect(await app.ok('audit-verify', {}, auditor)).toEqual({ intact: true, entries: head.entries, headHash: head.headHash });
  });

  it('records a failed sign-in with the desk it came from', async () => {
    await app.as('clerk');
    expect(errorCode(await from(FRONT_DESK, 'session-login', { username: 'clerk', password: 'wrong-password-1' }))).toBe('BAD_CREDENTIALS');
    expect(auditRows(db()).at(-1)).toMatchObject({ action: 'login-failed', entity: 'user', clientAddress: '192.168.1.23', clientName: '前台1' });
  });

  it('shows the desk in the export: 来源 as read, the stored fields beside the codes', async () => {
    const atDesk = await signInFrom(FRONT_DESK, 'admin');
    const auditor = await app.as('auditor');
    await from(FRONT_DESK, 'settings-get', {}, atDesk);
    const text = Buffer.from((await app.ok('audit-export', { format: 'csv', action: 'login' }, auditor)).base64, 'base64').toString('utf8');
    expect(text.split(/\r?\n/)[0]).toMatch(/^\uFEFF序号,时间,操作人,来源,操作,.*,来源地址,来源名称$/);
    expect(text).toMatch(/,系统管理员,前台1 · 192\.168\.1\.23,登录,.*,login,user,192\.168\.1\.23,前台1\r?$/m);
    expect(text).toMatch(/,本机,登录,.*,login,user,,\r?$/m);
  });
});

describe('the local window', () => {
  it('is the client of a call that names none', async () => {
    const admin = await app.as('admin');
    expect((await app.ok('session-list', {}, admin))[0].client).toEqual(LOCAL_CLIENT);
  });
});
