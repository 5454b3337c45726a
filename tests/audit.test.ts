import type { AuditRow } from '../db/schema';
import { entryHash, GENESIS_HASH } from '../electron/server/services/audit';
import { PASSWORD, type TestApp } from './support/app';
import { positionAt } from './support/locations';
import {
  auditRows,
  boxUpdateFrom,
  createSetUpApp,
  errorCode,
  snapshot,
  validBoxInput,
  validDocumentInput,
  validOwnerInput,
  validSettings,
} from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

const rows = () => auditRows(app.runtime.requireDb());

/** The entries that `action` appended to the log. */
async function appended(action: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = rows().length;
  await action();
  return rows().slice(before);
}

/** Recomputes every hash and follows every link, from the genesis hash on. */
function expectIntactChain(log: AuditRow[]): void {
  expect(log.length).toBeGreaterThan(0);
  log.forEach((row, i) => {
    const { hash, ...fields } = row;
    expect(row.seq).toBe(i + 1);
    expect(row.prevHash).toBe(i === 0 ? GENESIS_HASH : log[i - 1].hash);
    expect(entryHash(fields)).toBe(hash);
  });
}

describe('the audit log', () => {
  it('records every mutation with exactly the documented entries, hash-chained', async () => {
    const admin = await app.as('admin');
    const custodian = await app.as('custodian');
    const adminUser = (await app.ok('session-current', {}, admin))!;
    const custodianUser = (await app.ok('session-current', {}, custodian))!;

    const ownerCreate = await appended(() => app.ok('owner-create', validOwnerInput(), custodian));
    expect(ownerCreate).toMatchObject([{ action: 'owner-create', entity: 'owner', actorId: custodianUser.id, actorName: custodianUser.displayName }]);
    const ownerId = Number(ownerCreate[0].entityId);
    expect(JSON.parse(ownerCreate[0].changes)).toMatchObject({ before: null, after: { name: '万达影城', unitNo: 'L1-001' } });

    const ownerUpdate = await appended(() => app.ok('owner-update', { ...validOwnerInput({ phone: '13800000000' }), id: ownerId }, custodian));
    expect(ownerUpdate).toMatchObject([{ action: 'owner-update', entity: 'owner', entityId: String(ownerId) }]);
    expect(JSON.parse(ownerUpdate[0].changes)).toEqual({ phone: ['057188886666', '13800000000'] });

    let boxId = 0;
    let boxCode = '';
    const boxCreate = await appended(async () => {
      const detail = await app.ok('box-create', validBoxInput({ kind: 'tenant', ownerId }), custodian);
      boxId = detail.box.id;
      boxCode = detail.box.code;
    });
    expect(boxCreate).toMatchObject([{ action: 'box-create', entity: 'box', entityId: String(boxId), boxCode }]);

    const box = (await app.ok('box-get', { id: boxId }, custodian)).box;
    const boxUpdate = await appended(() => app.ok('box-update', boxUpdateFrom(box, { title: '万达影城租户档案' }), custodian));
    expect(boxUpdate).toMatchObject([{ action: 'box-update', boxCode }]);
    expect(JSON.parse(boxUpdate[0].changes)).toEqual({ title: ['人事档案', '万达影城租户档案'] });

    const d1 = await positionAt(app, '二号档案室', 'D1', 1, 1);
    const boxMove = await appended(() => app.ok('box-move', { id: boxId, locationId: d1, reason: '整理' }, custodian));
    expect(boxMove).toMatchObject([{ action: 'box-move', boxCode }]);

    let documentId = 0;
    const documentAdd = await appended(async () => {
      documentId = (await app.ok('box-document-add', validDocumentInput(boxId), custodian)).documents[0].id;
    });
    expect(documentAdd).toMatchObject([{ action: 'box-document-add', entity: 'box-document', boxCode }]);
    const documentUpdate = await appended(() =>
      app.ok('box-document-update', { id: documentId, docDate: '2025-03-02', title: '租户基本情况记录表', category: 'a', pages: 3, note: '' }, custodian),
    );
    expect(documentUpdate).toMatchObject([{ action: 'box-document-update', boxCode }]);
    expect(JSON.parse(documentUpdate[0].changes)).toEqual({ docDate: ['2025-03-01', '2025-03-02'], pages: [2, 3] });
    const documentRemove = await appended(() => app.ok('box-document-remove', { id: documentId }, custodian));
    expect(documentRemove).toMatchObject([{ action: 'box-document-remove', boxCode }]);
    // The removed document stays in the log whole.
    expect(JSON.parse(documentRemove[0].changes)).toMatchObject({ before: { id: documentId, title: '租户基本情况记录表', pages: 3 }, after: null });

    let clerkId = 0;
    const userCreate = await appended(async () => {
      clerkId = (await app.ok('user-create', { username: 'wang', displayName: '王前台', role: 'clerk', password: PASSWORD }, admin)).id;
    });
    expect(userCreate).toMatchObject([{ action: 'user-create', entity: 'user', entityId: String(clerkId), actorId: adminUser.id }]);
    expect(userCreate[0].changes).not.toContain(PASSWORD);
    expect(userCreate[0].changes).not.toContain('scrypt');

    const userUpdate = await appended(() => app.ok('user-update', { id: clerkId, displayName: '王前台', role: 'manager', disabled: false }, admin));
    expect(userUpdate).toMatchObject([{ action: 'user-update', entityId: String(clerkId) }]);
    expect(JSON.parse(userUpdate[0].changes)).toEqual({ role: ['clerk', 'manager'] });
    const reset = await appended(() => app.ok('user-reset-password', { id: clerkId, password: 'Reset-passw0rd' }, admin));
    expect(reset).toMatchObject([{ action: 'user-reset-password', entityId: String(clerkId) }]);

    const settingsUpdate = await appended(() => app.ok('settings-update', validSettings({ idleMinutes: 30 }), admin));
    expect(settingsUpdate).toMatchObject([{ action: 'settings-update', entity: 'settings', entityId: 'app' }]);
    expect(JSON.parse(settingsUpdate[0].changes)).toEqual({ idleMinutes: [10, 30] });

    let clerkHandle = '';
    const login = await appended(async () => {
      clerkHandle = (await app.ok('session-login', { username: 'wang', password: 'Reset-passw0rd' })).handle;
    });
    expect(login).toMatchObject([{ action: 'login', entity: 'user', entityId: String(clerkId), actorId: clerkId }]);
    const passwordChange = await appended(() =>
      app.ok('session-change-password', { current: 'Reset-passw0rd', next: 'Own-passw0rd!', nextConfirm: 'Own-passw0rd!' }, clerkHandle),
    );
    expect(passwordChange).toMatchObject([{ action: 'password-change', entityId: String(clerkId), actorId: clerkId }]);

    const failures: AuditRow[][] = [];
    for (let i = 1; i <= 5; i++) failures.push(await appended(() => app.call('session-login', { username: 'wang', password: `wrong-${i}` })));
    for (const entries of failures.slice(0, 4)) expect(entries.map((e) => e.action)).toEqual(['login-failed']);
    expect(failures[4].map((e) => e.action)).toEqual(['login-failed', 'account-locked']);
    // Refused while locked, before the password is checked: nothing to record.
    expect(await appended(() => app.call('session-login', { username: 'wang', password: 'Own-passw0rd!' }))).toEqual([]);

    // Reads and logouts record nothing.
    const reads = await appended(async () => {
      await app.ok('box-list', { query: '万达' }, custodian);
      await app.ok('box-get', { id: boxId }, custodian);
      await app.ok('owner-list', {}, custodian);
      await app.ok('settings-get', {}, admin);
      await app.ok('user-list', {}, admin);
      await app.ok('session-logout', {}, custodian);
    });
    expect(reads).toEqual([]);

    const log = rows();
    expectIntactChain(log);
    expect(log[0].action).toBe('user-create'); // the admin, made by setup
    expect(log[0].actorName).toBe('system');
    expect(log.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('detects an edited entry by its hash', async () => {
    await app.ok('owner-create', validOwnerInput(), await app.as('custodian'));
    const log = rows();
    const { hash, ...fields } = log[log.length - 1];
    expect(entryHash(fields)).toBe(hash);
    expect(entryHash({ ...fields, changes: fields.changes.replace('万达影城', '万达广场') })).not.toBe(hash);
    expect(entryHash({ ...fields, actorName: '别人' })).not.toBe(hash);
    expect(entryHash({ ...fields, prevHash: GENESIS_HASH })).not.toBe(hash);
  });

  it('refuses UPDATE, DELETE and INSERT OR REPLACE on audit_log', async () => {
    await app.ok('owner-create', validOwnerInput(), await app.as('custodian'));
    const sqlite = app.runtime.requireDb().$client;
    const before = rows();
    expect(() => sqlite.prepare(`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`UPDATE audit_log SET changes = '{}'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      sqlite
        .prepare(
          `INSERT OR REPLACE INTO audit_log SELECT seq, at, actor_id, 'someone else', action, entity, entity_id, box_code, changes, prev_hash, hash, client_address, client_name FROM audit_log WHERE seq = 1`,
        )
        .run(),
    ).toThrow(/append-only/);
    expect(rows()).toEqual(before);
  });

  it('leaves no entry for a mutation that fails', async () => {
    const custodian = await app.as('custodian');
    const ownerId = (await app.ok('owner-create', validOwnerInput(), custodian)).id;
    const { box } = await app.ok('box-create', validBoxInput({ code: 'RS-2020-0001', kind: 'tenant', ownerId }), custodian);
    const elsewhere = await positionAt(app, '别处', 'X1', 1, 1);
    const before = snapshot(app.runtime.requireDb());
    const failing: [string, Promise<{ ok: boolean; error?: { code: string } }>][] = [
      ['DUPLICATE_CODE', app.call('box-create', validBoxInput({ code: 'RS-2020-0001' }), custodian)],
      ['OWNER_HAS_VOLUME', app.call('box-create', validBoxInput({ kind: 'tenant', ownerId }), custodian)],
      ['VALIDATION', app.call('box-update', boxUpdateFrom(box, { locationId: elsewhere, moveReason: '' }), custodian)],
      ['NOT_FOUND', app.call('box-move', { id: 999, locationId: elsewhere, reason: '整理' }, custodian)],
      ['NOT_FOUND', app.call('owner-update', { ...validOwnerInput(), id: 999 }, custodian)],
      ['NOT_FOUND', app.call('box-document-update', { id: 999, docDate: '2025-01-01', title: 't', category: 'a', pages: 1, note: '' }, custodian)],
    ];
    for (const [code, result] of failing) expect(errorCode(await result)).toBe(code);
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
  });

  it('writes the entry in the same transaction as the change: no entry, no change', async () => {
    const custodian = await app.as('custodian');
    const sqlite = app.runtime.requireDb().$client;
    sqlite.exec(
      `CREATE TEMP TRIGGER refuse_owner_audit BEFORE INSERT ON main.audit_log WHEN NEW.action = 'owner-create' BEGIN SELECT RAISE(ABORT, 'audit write failed'); END`,
    );
    const before = snapshot(app.runtime.requireDb());
    expect(await app.call('owner-create', validOwnerInput(), custodian)).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    sqlite.exec('DROP TRIGGER refuse_owner_audit');
    expect(errorCode(await app.call('owner-create', validOwnerInput(), custodian))).toBe('ok');
    expectIntactChain(rows());
  });
});
