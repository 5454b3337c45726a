import { ROLES, type Role } from '../electron/core/enums';
import { callNames, contract, type CallName } from '../electron/core/contract';
import { CALLS_AT_HOST_ONLY } from '../electron/core/contract/app';
import { mergeNamed, type Access } from '../electron/core/contract/define';
import { createDispatcher } from '../electron/server/dispatch';
import { handlerTable } from '../electron/server/handlers';
import { appHandlers } from '../electron/server/handlers/app';
import type { Handlers } from '../electron/server/handlers/types';
import { createTestApp, PASSWORD, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode, HUGE, snapshot, validPayloads, validSettings } from './support/fixtures';

let app: TestApp;
const handles = {} as Record<Role, string>;

beforeAll(async () => {
  app = await createTestApp();
  for (const role of ROLES) handles[role] = await app.as(role);
  // Something for the ids in the valid payloads to point at, had a handler been reached.
  const ownerId = await createOwner(app);
  await createBox(app, { kind: 'tenant', ownerId, title: '万达影城租户档案' });
});
afterAll(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const accessOf = (name: CallName): Access => contract[name].access;
const isRoleList = (access: Access): access is readonly Role[] => Array.isArray(access);

type Path = (string | number)[];

/** Every leaf (string, number, boolean or null) of a payload, with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

function withValueAt(payload: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The payload with an own, enumerable key of that name: what JSON.parse makes of {"__proto__": …}. */
function withOwnKey(payload: object, key: string, value: unknown): object {
  const copy = structuredClone(payload) as object;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const wrongType = (value: unknown): unknown => {
  switch (typeof value) {
    case 'string':
      return 12345;
    case 'number':
      return String(value);
    case 'boolean':
      return String(value);
    default:
      return true; // null
  }
};

/** Payloads no schema may accept, each built from the call's valid payload. */
function malformedPayloads(name: CallName): { label: string; payload: unknown }[] {
  const valid = validPayloads[name] as Record<string, unknown>;
  const cases: { label: string; payload: unknown }[] = [
    { label: 'a number', payload: 42 },
    { label: 'a string', payload: 'payload' },
    { label: 'an array', payload: [] },
    { label: 'the payload in an array', payload: [valid] },
    { label: 'a boolean', payload: true },
    { label: 'an unknown key', payload: { ...valid, extra: 1 } },
    { label: 'a role smuggled in', payload: { ...valid, isAdmin: true, role: 'admin' } },
    { label: 'an own __proto__ key', payload: withOwnKey(valid, '__proto__', { role: 'admin' }) },
    {
      label: 'a parsed __proto__ key',
      payload: JSON.parse(`{"__proto__":{"polluted":true}${Object.keys(valid).length ? `,${JSON.stringify(valid).slice(1)}` : '}'}`),
    },
    { label: 'a constructor key', payload: withOwnKey(valid, 'constructor', { prototype: { polluted: true } }) },
    { label: 'a prototype key', payload: withOwnKey(valid, 'prototype', {}) },
  ];
  if (Object.keys(valid).length > 0) cases.push({ label: 'every field null', payload: Object.fromEntries(Object.keys(valid).map((k) => [k, null])) });
  for (const leaf of leaves(valid)) {
    const at = leaf.path.join('.');
    cases.push({ label: `${at}: wrong type`, payload: withValueAt(valid, leaf.path, wrongType(leaf.value)) });
    cases.push({ label: `${at}: an object`, payload: withValueAt(valid, leaf.path, {}) });
    cases.push({ label: `${at}: an array`, payload: withValueAt(valid, leaf.path, [leaf.value]) });
    if (typeof leaf.value === 'string') cases.push({ label: `${at}: 10 MB`, payload: withValueAt(valid, leaf.path, HUGE) });
  }
  return cases;
}

/** Who sends the malformed payloads: nobody, a role the call refuses, a role it allows. */
/** Who tries a call, and what the door says to them before any payload is read (null: let in). */
function callers(name: CallName): { label: string; handle: string | null; door: string | null }[] {
  const access = accessOf(name);
  const list: { label: string; handle: string | null; door: string | null }[] = [
    { label: 'no session', handle: null, door: access === 'public' ? null : 'NOT_SIGNED_IN' },
  ];
  if (isRoleList(access)) {
    const refused = ROLES.find((r) => !access.includes(r));
    if (refused) list.push({ label: refused, handle: handles[refused], door: 'FORBIDDEN' });
    list.push({ label: access[0], handle: handles[access[0]], door: null });
  } else {
    list.push({ label: 'admin', handle: handles.admin, door: null });
  }
  return list;
}

describe('the handler table', () => {
  it('has exactly one handler for every call in the contract', () => {
    expect(Object.keys(handlerTable).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof handlerTable[name]).toBe('function');
  });

  it('mergeNamed joins disjoint parts and throws on a name defined twice', () => {
    expect(mergeNamed({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(() => mergeNamed({ a: 1 }, { b: 2 }, { a: 3 })).toThrow(/duplicate call name: a/);
    expect(() => mergeNamed(appHandlers, { 'app-status': appHandlers['app-status'] })).toThrow(/app-status/);
  });

  it('answers UNKNOWN_CALL to a name outside the contract, changing nothing', async () => {
    const before = state();
    for (const name of ['no-such-call', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'BOX-LIST', 42, null, undefined, {}, ['box-list']]) {
      expect(await app.dispatch({ name, payload: {}, handle: handles.admin })).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
    expect(state()).toEqual(before);
  });

  it('has a valid sample payload for every call (the sweeps below start from it)', () => {
    for (const name of callNames) {
      const parsed = contract[name].input.safeParse(validPayloads[name]);
      expect({ name, success: parsed.success }).toEqual({ name, success: true });
    }
  });
});

describe('malformed payloads', () => {
  it.each(callNames)('%s: every malformed payload gets VALIDATION once past the session and role check (the door first), and changes nothing', async (name) => {
    const before = state();
    const cases = malformedPayloads(name);
    expect(cases.length).toBeGreaterThan(10);
    for (const { label, payload } of cases) {
      for (const caller of callers(name)) {
        const result = await app.dispatch({ name, payload, handle: caller.handle });
        expect({ label, caller: caller.label, code: errorCode(result) }).toEqual({ label, caller: caller.label, code: caller.door ?? 'VALIDATION' });
        // A refusal at the door says nothing of the payload's shape.
        if (caller.door) expect(result).toEqual({ ok: false, error: { code: caller.door } });
        // Nothing of a 10 MB field comes back in the answer.
        expect(JSON.stringify(result).length).toBeLessThan(20_000);
      }
    }
    expect(state()).toEqual(before);
  });

  it('names the offending field in the issues', async () => {
    const result = await app.call('owner-create', { ...validPayloads['owner-create'], name: HUGE }, handles.custodian);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toEqual([['name']]);
  });

  it('refuses unknown keys inside the settings prefixes', async () => {
    const before = state();
    const settings = validSettings();
    const payload = { ...settings, kindPrefixes: { ...settings.kindPrefixes, vault: 'VX' } };
    expect(errorCode(await app.call('settings-update', payload, handles.admin))).toBe('VALIDATION');
    expect(state()).toEqual(before);
  });
});

describe('sessions and roles', () => {
  const guarded = callNames.filter((name) => accessOf(name) !== 'public');

  it('has guarded calls to check', () => {
    expect(guarded.length).toBeGreaterThan(15);
  });

  it.each(guarded)('%s: refused with NOT_SIGNED_IN without a valid session', async (name) => {
    const before = state();
    for (const handle of [null, undefined, '', 'no-such-handle', 42, { handle: handles.admin }, `${handles.admin}x`, handles.admin + 'y'.repeat(200)]) {
      expect({ handle, code: errorCode(await app.dispatch({ name, payload: validPayloads[name], handle })) }).toEqual({ handle, code: 'NOT_SIGNED_IN' });
    }
    expect(state()).toEqual(before);
  });

  it('ends a session at logout', async () => {
    const handle = (await app.ok('session-login', { username: 'clerk', password: validPayloads['session-login'].password })).handle;
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('ok');
    expect(errorCode(await app.call('session-logout', {}, handle))).toBe('ok');
    expect(errorCode(await app.call('settings-get', {}, handle))).toBe('NOT_SIGNED_IN');
    expect(await app.ok('session-current', {}, handle)).toBeNull();
  });

  const roleLimited = callNames.filter((name) => isRoleList(accessOf(name)));
  it.each(roleLimited)('%s: refused with FORBIDDEN to every role it does not name, changing nothing', async (name) => {
    const access = accessOf(name) as readonly Role[];
    const refused = ROLES.filter((role) => !access.includes(role));
    expect(refused.length).toBeGreaterThan(0);
    const before = state();
    for (const role of refused) {
      expect({ role, code: errorCode(await app.dispatch({ name, payload: validPayloads[name], handle: handles[role] })) }).toEqual({ role, code: 'FORBIDDEN' });
    }
    expect(state()).toEqual(before);
  });

  it('a clerk cannot create owners or boxes', async () => {
    const before = state();
    expect(await app.call('owner-create', validPayloads['owner-create'], handles.clerk)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('box-create', validPayloads['box-create'], handles.clerk)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(state()).toEqual(before);
  });

  it('an auditor can read the catalogue but not write to it', async () => {
    const list = await app.ok('box-list', {}, handles.auditor);
    expect(list.rows.length).toBeGreaterThan(0);
    expect((await app.ok('box-get', { id: list.rows[0].id }, handles.auditor)).box.title).toBe('万达影城租户档案');
    expect((await app.ok('owner-list', {}, handles.auditor)).rows.length).toBeGreaterThan(0);
    const before = state();
    for (const name of [
      'owner-create',
      'owner-update',
      'box-create',
      'box-update',
      'box-move',
      'box-document-add',
      'settings-update',
      'user-create',
    ] as const) {
      expect({ name, code: errorCode(await app.call(name, validPayloads[name], handles.auditor)) }).toEqual({ name, code: 'FORBIDDEN' });
    }
    expect(state()).toEqual(before);
  });

  it('an admin cannot demote or disable themself', async () => {
    const me = await app.ok('session-current', {}, handles.admin);
    if (!me) throw new Error('admin not signed in');
    const before = state();
    for (const change of [
      { role: 'custodian' as const, disabled: false },
      { role: 'admin' as const, disabled: true },
      { role: 'clerk' as const, disabled: true },
    ]) {
      expect(await app.call('user-update', { id: me.id, displayName: me.displayName, ...change }, handles.admin)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(state()).toEqual(before);
    expect(errorCode(await app.call('user-list', {}, handles.admin))).toBe('ok');
    // Renaming themself is fine.
    expect((await app.ok('user-update', { id: me.id, displayName: '总管理员', role: 'admin', disabled: false }, handles.admin)).displayName).toBe('总管理员');
  });
});

describe('unexpected failures', () => {
  it('turn into INTERNAL without a message or stack trace, and are logged', async () => {
    const logged: unknown[] = [];
    const secret = 'disk I/O error at /home/archive/secret-path';
    const failing: Handlers<CallName> = {
      ...handlerTable,
      'settings-get': () => {
        throw new Error(secret);
      },
      'user-list': async () => Promise.reject(new TypeError(secret)),
      'app-status': () => {
        throw secret;
      },
    };
    const dispatch = createDispatcher(app.runtime, failing, (err) => logged.push(err));
    for (const name of ['settings-get', 'user-list', 'app-status']) {
      const result = await dispatch({ name, payload: {}, handle: handles.admin });
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(result)).not.toMatch(/secret|stack|at /);
    }
    expect(logged).toHaveLength(3);
    expect(String(logged[0])).toContain(secret);
    // The untouched calls still work through the same dispatcher.
    expect(errorCode(await dispatch({ name: 'box-list', payload: {}, handle: handles.admin }))).toBe('ok');
  });
});

describe('before setup', () => {
  it('answers NOT_READY to guarded calls, whatever their payload', async () => {
    const fresh = await createTestApp({ setup: false });
    try {
      expect(await fresh.ok('app-status', {})).toEqual({ state: 'setup', siteName: null, lockedReason: null });
      expect(errorCode(await fresh.call('box-list', { query: 5 }))).toBe('NOT_READY');
      expect(errorCode(await fresh.call('box-list', {}))).toBe('NOT_READY');
      expect(errorCode(await fresh.call('session-login', validPayloads['session-login']))).toBe('NOT_READY');
    } finally {
      fresh.close();
    }
  });
});

describe('what only the archive PC itself may do (issue #15)', () => {
  const desk = { transport: 'lan', address: '192.168.1.23', name: '前台1' } as const;

  it('a desk on the network cannot set up, unlock or restore the archive, nor make the host a desk elsewhere', async () => {
    const fresh = await createTestApp({ setup: false });
    try {
      const dispatch = createDispatcher(fresh.runtime, handlerTable, () => undefined);
      for (const name of CALLS_AT_HOST_ONLY as CallName[])
        expect(errorCode(await dispatch({ name, payload: validPayloads[name], handle: null, client: desk }))).toBe('HOST_LOCAL_ONLY');
      expect(await fresh.ok('app-status', {})).toMatchObject({ state: 'setup' });
      // The same setup from the host's own window goes through.
      expect((await dispatch({ name: 'app-setup', payload: validPayloads['app-setup'], handle: null })).ok).toBe(true);
    } finally {
      fresh.close();
    }
  });
});

describe('the permission matrix', () => {
  // A fresh app of its own: these calls succeed, and their writes must not reach the tests above.
  let own: TestApp;
  const ownHandles = {} as Record<Role, string>;
  const payloads: Record<string, unknown> = { ...validPayloads };
  beforeAll(async () => {
    own = await createSetUpApp();
    for (const role of ROLES) ownHandles[role] = await own.as(role);
    // Account changes go to a spare account, so the sessions the matrix uses stay signed in.
    const spare = await own.ok('user-create', { username: 'spare', displayName: '备用', role: 'clerk', password: PASSWORD }, ownHandles.admin);
    payloads['user-update'] = { ...validPayloads['user-update'], id: spare.id };
    payloads['user-reset-password'] = { ...validPayloads['user-reset-password'], id: spare.id };
  });
  afterAll(() => own.close());

  const signedIn = callNames.filter((name) => accessOf(name) !== 'public' && name !== 'session-logout');
  it.each(signedIn)('%s: reaches its handler for every role the contract allows', async (name) => {
    const access = accessOf(name);
    const allowed = access === 'signed-in' ? ROLES : (access as readonly Role[]);
    for (const role of allowed) {
      const code = errorCode(await own.dispatch({ name, payload: payloads[name], handle: ownHandles[role] }));
      // Past the role check a handler may still refuse (NOT_FOUND for an id that does not exist).
      expect({ role, code, refusedAtTheDoor: ['FORBIDDEN', 'NOT_SIGNED_IN', 'PASSWORD_CHANGE_REQUIRED', 'VALIDATION'].includes(code) }).toMatchObject({
        role,
        refusedAtTheDoor: false,
      });
    }
  });
});
