import { createHash } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import type { AuditRow } from '../../db/schema';
import type { CallInput, CallName } from '../../electron/core/contract';
import { AppError, type ErrorCode } from '../../electron/core/contract/errors';
import { createTestApp, PASSWORD, type TestApp } from './app';
import { backupPayloads } from './payloads-backups';
import { custodyPayloads } from './payloads-custody';
import { exportPayloads } from './payloads-exports';
import { importPayloads } from './payloads-imports';
import { clientPayloads, networkPayloads } from './payloads-network';
import { updatePayloads } from './payloads-updates';
import { lendingPayloads } from './payloads-lending';
import { overviewPayloads } from './payloads-overview';
import { reminderPayloads } from './payloads-reminders';

import { validBoxInput } from './box-input';

export { validBoxInput };

let template: Promise<string> | undefined;
let templateDir: string | undefined;

/** A set-up app (createTestApp's), made once per worker, closed, and kept as a folder to copy. */
function setUpTemplate(): Promise<string> {
  template ??= createTestApp().then((app) => {
    app.runtime.close();
    templateDir = app.dir;
    return app.dir;
  });
  return template;
}

// The template lives as long as the worker: its test files share the worker's modules (isolate: false).
process.once('exit', () => {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
});

/**
 * Same as createTestApp(): a real Runtime over a real encrypted database in a fresh temp folder,
 * set up with the admin, but copied from a template instead of set up anew, because the setup's
 * passphrase KDF is deliberately slow and most tests only need its result.
 */
export async function createSetUpApp(options: Omit<Parameters<typeof createTestApp>[0] & object, 'setup'> = {}): Promise<TestApp> {
  const source = await setUpTemplate();
  const app = await createTestApp({ ...options, setup: false });
  cpSync(join(source, 'data'), join(app.dir, 'data'), { recursive: true });
  cpSync(join(source, 'machine.key'), join(app.dir, 'machine.key'));
  const status = app.runtime.start();
  if (status.state !== 'ready') throw new Error(`the copied test app did not open: ${JSON.stringify(status)}`);
  return app;
}

export const THIS_YEAR = new Date().getFullYear();
/** The code the default pattern gives the n-th box of a kind this year, e.g. ZH-2026-0001. */
export const autoCode = (n: number, prefix = 'ZH') => `${prefix}-${THIS_YEAR}-${String(n).padStart(4, '0')}`;

/** 10 MB: far beyond any field's cap and beyond what any handler should ever see. */
export const HUGE = 'x'.repeat(10 * 1024 * 1024);

export function validOwnerInput(over: Partial<CallInput<'owner-create'>> = {}): CallInput<'owner-create'> {
  return {
    name: '万达影城',
    unitNo: 'L1-001',
    floor: 'L1',
    businessType: 'non_catering',
    contactPerson: '李明',
    phone: '0571-88886666',
    leaseStart: '2024-01-01',
    moveOutDate: null,
    note: '',
    ...over,
  };
}

/** The update payload that leaves a box exactly as it is (plus any overrides). */
export function boxUpdateFrom(
  box: Omit<CallInput<'box-update'>, 'id' | 'moveReason'> & { id: number },
  over: Partial<CallInput<'box-update'>> = {},
): CallInput<'box-update'> {
  const { id, kind, title, ownerId, volume, yearFrom, yearTo, locationId, confidentiality, retentionClass, retentionYears, retentionStart, note } = box;
  return {
    id,
    kind,
    title,
    ownerId,
    volume,
    yearFrom,
    yearTo,
    locationId,
    confidentiality,
    retentionClass,
    retentionYears,
    retentionStart,
    note,
    moveReason: '',
    ...over,
  };
}

export function validDocumentInput(boxId: number, over: Partial<CallInput<'box-document-add'>> = {}): CallInput<'box-document-add'> {
  return { boxId, docDate: '2025-03-01', title: '租户基本情况记录表', category: 'a', pages: 2, note: '', ...over };
}

export const validSettings = (over: Partial<CallInput<'settings-update'>> = {}): CallInput<'settings-update'> => ({
  siteName: '万象广场运营部',
  codePattern: '{KIND}-{YYYY}-{####}',
  kindPrefixes: { tenant: 'ZH', customer: 'KH', personnel: 'RS', work_log: 'RZ', letters: 'FW', other: 'QT' },
  idleMinutes: 10,
  maxRenewals: 2,
  deskPhone: '',
  ...over,
});

/** A short loan of a box to a person without an account (box by code). */
export function validLoanInput(over: Partial<CallInput<'loan-request'>> = {}): CallInput<'loan-request'> {
  return {
    boxCode: 'ZH-2026-0001',
    borrower: { kind: 'person', name: '王芳', department: '财务部', phone: '0571-88881234' },
    purpose: '核对租户押金',
    loanType: 'short',
    days: 3,
    copyRequested: false,
    note: '',
    ...over,
  };
}

/**
 * One well-formed payload per call, every optional field filled in, so the contract sweeps can
 * break each field in turn. The mapped type makes a call missing here a compile error.
 */
export const validPayloads: { [N in CallName]: CallInput<N> } = {
  'app-status': {},
  'app-setup': {
    siteName: '万象广场运营部',
    admin: { username: 'admin2', displayName: '管理员', password: PASSWORD },
    passphrase: '一个足够长的恢复口令-abc',
    passphraseConfirm: '一个足够长的恢复口令-abc',
  },
  'app-unlock': { passphrase: '一个足够长的恢复口令-abc' },
  'session-login': { username: 'admin', password: PASSWORD },
  'session-current': {},
  'session-logout': {},
  'session-change-password': { current: PASSWORD, next: 'N3w-passw0rd!', nextConfirm: 'N3w-passw0rd!' },
  'settings-get': {},
  'settings-update': validSettings(),
  'user-list': {},
  'user-create': { username: 'clerk2', displayName: '前台文员', role: 'clerk', password: PASSWORD },
  'user-update': { id: 2, displayName: '前台文员', role: 'clerk', disabled: false },
  'user-reset-password': { id: 2, password: PASSWORD },
  'owner-list': { query: '万达', floor: 'L1', businessType: 'catering', cursor: 10, limit: 20 },
  'owner-get': { id: 1 },
  'owner-create': validOwnerInput(),
  'owner-update': { ...validOwnerInput(), id: 1 },
  'owner-same-name': { name: '星巴克（万象店）', exceptId: 1 },
  'box-list': { query: '万达', kind: 'tenant', status: 'in_stock', floor: 'L1', ownerId: 1, room: '一号档案室', cabinet: 'C01', cursor: 10, limit: 20 },
  'box-get': { id: 1 },
  'box-find-by-code': { code: 'ZH-2026-0001' },
  'box-code-lookalikes': { code: 'ZH-2026-OOO1' },
  'box-next-code': { kind: 'tenant' },
  'box-create': validBoxInput({ code: 'RS-MANUAL-1' }),
  'box-update': boxUpdateFrom({ ...validBoxInput(), id: 1 }, { moveReason: '调整位置' }),
  'box-move': { id: 1, locationId: 1, reason: '整理库房' },
  'box-code-change': { id: 1, code: 'ZH-2026-0999', reason: '档号编错，按 DA/T 13 重编' },
  'location-tree': {},
  'location-cabinet': { id: 1 },
  'location-room-create': { name: '一号库房' },
  'location-cabinets-create': { roomId: 1, first: 'C-01', count: 12, shelves: 5, positions: 8 },
  'location-rename': { id: 1, name: '二号库房' },
  'location-remove': { id: 1 },
  'box-place': { boxCode: 'ZH-2026-0001', positionCode: 'KW-000001', reason: '扫码上架' },
  'location-move-contents': { fromId: 2, toId: 3, reason: '整柜搬迁' },
  'location-convert': { apply: false },
  'location-labels-pdf': { id: 2 },
  'room-thresholds': {},
  'room-thresholds-set': { minTemperature: 14, maxTemperature: 24, minHumidity: 45, maxHumidity: 60 },
  'room-readings': { roomId: 1, month: '2026-03' },
  'room-reading-add': { roomId: 1, readAt: '2026-03-05 09:00', temperature: 18.5, humidity: 52, note: '' },
  'room-readings-import': {
    roomId: 1,
    fileName: '温湿度.csv',
    base64: Buffer.from('时间,温度,湿度\n2026-03-05 09:00,18,50\n').toString('base64'),
    apply: false,
  },
  'room-risk-report': { roomId: 1, risk: 'leak', description: '北墙渗水' },
  'room-incident-close': { id: 1, followUp: '已修补，复查无渗水' },
  'room-incidents': { status: 'open' },
  'box-document-add': validDocumentInput(1),
  'box-document-update': { id: 1, docDate: '2025-04-01', title: '消防验收单', category: 'b', pages: 3, note: '' },
  'box-document-remove': { id: 1 },
  'audit-list': {
    actorId: 1,
    entity: 'box',
    action: 'box-create',
    boxCode: 'ZH-2026-0001',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-12-31T23:59:59.999Z',
    cursor: 10,
    limit: 20,
  },
  'audit-actions': {},
  'audit-verify': {},
  'audit-head': {},
  'call-progress': {},
  'audit-export': {
    actorId: 1,
    entity: 'box',
    action: 'box-create',
    boxCode: 'ZH-2026-0001',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-12-31T23:59:59.999Z',
    format: 'xlsx',
  },
  'loan-request': validLoanInput({
    borrower: { kind: 'person', name: '王芳', department: '财务部', phone: '0571-88881234' },
    copyRequested: true,
    note: '核对押金',
  }),
  'loan-cancel': { id: 1 },
  'loan-decide': { id: 1, approve: true, copyAllowed: true, reason: '同意' },
  'loan-hand-out': { id: 1 },
  'loan-return': {
    id: 1,
    condition: 'documents_missing',
    missingDocumentIds: [1],
    incident: { description: '缺少消防验收单', responsible: '王芳', followUp: '限期找回' },
  },
  'loan-renewal-request': { loanId: 1, days: 2, reason: '审计尚未结束' },
  'loan-renewal-decide': { id: 1, approve: false, reason: '请先归还' },
  'loan-get': { id: 1 },
  'loan-list': {
    status: 'out',
    overdue: true,
    dueToday: true,
    renewalPending: true,
    imported: true,
    boxId: 1,
    borrowerUserId: 2,
    borrowerName: '王芳',
    borrowerPhone: '0571-88881234',
    borrowerDepartment: '财务部',
    from: '2026-01-01',
    to: '2026-12-31',
    cursor: 10,
    limit: 20,
  },
  'loan-dashboard': {},
  'incident-close': { id: 1, resolution: '文件已找回' },
  'loan-slip-pdf': { id: 1 },
  'loan-register-export': { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' },
  ...backupPayloads,
  ...custodyPayloads,
  ...exportPayloads,
  ...importPayloads,
  ...networkPayloads,
  ...clientPayloads,
  ...updatePayloads,
  ...lendingPayloads,
  ...overviewPayloads,
  ...reminderPayloads,
};

/** The error code of a failed Result, or a description of the unexpected success. */
export function errorCode(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : result.error!.code;
}

/** Runs fn and returns the AppError code it threw (or a description of what else happened). */
export async function thrownCode(fn: () => unknown): Promise<ErrorCode | string> {
  try {
    await fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return 'no error';
}

/** What snapshot needs of a prepared statement: run with no parameters. */
type Statement = { all(): unknown[]; get(): unknown };
/** Per connection: the fuzz test snapshots after each of its tens of thousands of calls, and preparing dominated. */
const snapshotStatements = new WeakMap<object, { tables: Statement; rows: Map<string, Statement> }>();

function statementsFor(sqlite: Db['$client']) {
  let found = snapshotStatements.get(sqlite);
  if (!found) {
    found = { tables: sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`), rows: new Map() };
    snapshotStatements.set(sqlite, found);
  }
  return found;
}

/**
 * Every table's row count and (for ordinary tables) a digest of its rows, plus the audit log's
 * length: two equal snapshots mean a call changed nothing at all.
 */
export function snapshot(db: Db): { tables: Record<string, string>; auditLength: number } {
  const sqlite = db.$client;
  const statements = statementsFor(sqlite);
  const tables = statements.tables.all() as { name: string; sql: string | null }[];
  const result: Record<string, string> = {};
  for (const { name, sql } of tables) {
    const virtual = sql?.startsWith('CREATE VIRTUAL TABLE') ?? false;
    let rows = statements.rows.get(name);
    if (!rows) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      rows = virtual ? sqlite.prepare(`SELECT count(*) FROM ${quoted}`).pluck() : sqlite.prepare(`SELECT * FROM ${quoted}`).raw();
      statements.rows.set(name, rows);
    }
    if (virtual) {
      result[name] = `${rows.get()}:`;
      continue;
    }
    const all = rows.all();
    result[name] = `${all.length}:${createHash('sha256').update(JSON.stringify(all, bufferAsHex)).digest('hex')}`;
  }
  return { tables: result, auditLength: Number(result.audit_log?.split(':')[0] ?? 0) };
}

function bufferAsHex(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
    ? Buffer.from((value as { data: number[] }).data).toString('hex')
    : value;
}

export function auditRows(db: Db): AuditRow[] {
  return db.$client
    .prepare(
      'SELECT seq, at, actor_id AS actorId, actor_name AS actorName, action, entity, entity_id AS entityId, box_code AS boxCode, changes, client_address AS clientAddress, client_name AS clientName, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
    )
    .all() as AuditRow[];
}

export function tableNames(db: Db): string[] {
  return (db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** Signs in as a custodian and creates an owner; returns the owner's id. */
export async function createOwner(app: TestApp, over: Partial<CallInput<'owner-create'>> = {}): Promise<number> {
  return (await app.ok('owner-create', validOwnerInput(over), await app.as('custodian'))).id;
}

/** Creates a box as the custodian; returns its id and code. */
export async function createBox(app: TestApp, over: Partial<CallInput<'box-create'>> = {}): Promise<{ id: number; code: string }> {
  const { box } = await app.ok('box-create', validBoxInput(over), await app.as('custodian'));
  return { id: box.id, code: box.code };
}
