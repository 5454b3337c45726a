import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import type { AuditRow } from '../db/schema';
import { entryHash } from '../electron/server/services/audit';
import {
  AUDIT_ROW_SQL,
  joinRanges,
  splitChain,
  verifyChainParallel,
  verifyRange,
  verifyRangeInWorker,
  WHOLE_CHAIN,
} from '../electron/server/services/audit-chain';
import { verifyChain } from '../electron/server/services/audit-log';
import type { TestApp } from './support/app';
import { createSetUpApp, validBoxInput, validOwnerInput } from './support/fixtures';

let app: TestApp;
let auditor: string;

beforeEach(async () => {
  app = await createSetUpApp();
  const custodian = await app.as('custodian');
  auditor = await app.as('auditor');
  const ownerId = (await app.ok('owner-create', validOwnerInput({ name: '杭州西贝餐饮有限公司' }), custodian)).id;
  await app.ok('box-create', validBoxInput({ kind: 'tenant', ownerId, code: 'ZH-2026-0001' }), custodian);
  await app.ok('box-create', validBoxInput({ code: 'RS-2026-0001' }), custodian);
});
afterEach(() => app.close());

/**
 * Tampering as an attacker with the key would: a second, raw connection to the encrypted file
 * that drops the append-only triggers first.
 */
function tamper(sql: string | ((raw: Database.Database) => void)): void {
  const keyHex = readKeyWithProtector(app.runtime.files.keyFile, machineKeyProtector(join(app.dir, 'machine.key')));
  const raw = new Database(app.runtime.files.db);
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`key="x'${keyHex}'"`);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_replace;');
  if (typeof sql === 'string') raw.exec(sql);
  else sql(raw);
  raw.close();
}

const verify = () => app.ok('audit-verify', {}, auditor);

describe('audit chain verification', () => {
  it('reports an intact chain with its entry count and head', async () => {
    const head = await app.ok('audit-head', {}, auditor);
    const result = await verify();
    expect(result).toEqual({ intact: true, entries: head.entries, headHash: head.headHash });
    expect(head.entries).toBeGreaterThan(5);
  });

  it('verifies entries whose text JSON escapes: control characters, quotes, backslashes, line separators, emoji', async () => {
    const custodian = await app.as('custodian');
    await app.ok('box-create', validBoxInput({ code: 'RS-2026-0009', title: '卷\t一\n"引号"\\斜杠\u0001\u007f\u2028\u2029😀' }), custodian);
    const head = await app.ok('audit-head', {}, auditor);
    expect(await verify()).toEqual({ intact: true, entries: head.entries, headHash: head.headHash });
  });

  it('names the entry whose content was changed', async () => {
    tamper(`UPDATE audit_log SET actor_name = '某人' WHERE seq = 4`);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 4, reason: 'hash' });
  });

  it('names the entry whose text was stored as bytes', async () => {
    tamper(`UPDATE audit_log SET changes = CAST(changes AS BLOB) WHERE seq = 4`);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 4, reason: 'hash' });
  });

  it('names the successor when a changed entry was given a matching new hash', async () => {
    tamper((raw) => {
      const row = raw.prepare(AUDIT_ROW_SQL).get(4) as AuditRow;
      const forged = { ...row, changes: '{}' };
      raw.prepare('UPDATE audit_log SET changes = ?, hash = ? WHERE seq = 4').run(forged.changes, entryHash(forged));
    });
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 5, reason: 'link' });
  });

  it('names the missing entry when one was deleted', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 3');
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 3, reason: 'sequence', entries: 2 });
  });

  it('names the first of two entries whose contents were swapped', async () => {
    tamper(`
      CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (3, 4);
      UPDATE audit_log SET (at, actor_id, actor_name, action, entity, entity_id, box_code, changes, prev_hash, hash) =
        (SELECT at, actor_id, actor_name, action, entity, entity_id, box_code, changes, prev_hash, hash FROM t WHERE t.seq = 7 - audit_log.seq)
      WHERE seq IN (3, 4);`);
    expect(await verify()).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it('cannot see a truncated tail by itself: the head printed on paper shows it', async () => {
    const before = await app.ok('audit-head', {}, auditor);
    const last = before.entries;
    tamper(`DELETE FROM audit_log WHERE seq = ${last}`);
    const after = await verify();
    expect(after).toMatchObject({ intact: true, entries: last - 1 });
    expect(after.intact && after.headHash).not.toBe(before.headHash);
  });
});

describe('audit chain verification split across worker threads', () => {
  beforeEach(async () => {
    const custodian = await app.as('custodian');
    for (let i = 2; i <= 12; i++) await app.ok('box-create', validBoxInput({ code: `RS-2026-${String(i).padStart(4, '0')}` }), custodian);
  });
  const parallel = (workers: number) => verifyChainParallel(app.runtime.requireDb().$client, app.runtime.chainSource(), { workers, minEntries: 0 });
  const inThread = () => verifyChain(app.runtime.requireDb());

  it('runs a stretch in a worker thread with its own connection, with the same result as in this thread', async () => {
    const sqlite = app.runtime.requireDb().$client;
    const [a, b] = splitChain((await app.ok('audit-head', {}, auditor)).entries, 2);
    for (const range of [a!, b!, WHOLE_CHAIN])
      expect(await verifyRangeInWorker({ source: app.runtime.chainSource(), range })).toEqual(verifyRange(sqlite, range));
  });

  it('joins the stretches into the verdict of one walk: intact, with the same head', async () => {
    const head = await app.ok('audit-head', {}, auditor);
    expect(head.entries).toBeGreaterThan(20);
    expect(await parallel(3)).toEqual({ intact: true, entries: head.entries, headHash: head.headHash });
  });

  it('tells how many entries its workers have checked, of the whole chain, as they go', async () => {
    const head = await app.ok('audit-head', {}, auditor);
    const seen: [number, number][] = [];
    const result = await verifyChainParallel(app.runtime.requireDb().$client, app.runtime.chainSource(), {
      workers: 2,
      minEntries: 0,
      checkedEvery: 3,
      onProgress: (checked, total) => seen.push([checked, total]),
    });
    expect(result).toMatchObject({ intact: true, entries: head.entries });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every(([, total]) => total === head.entries)).toBe(true);
    const counts = seen.map(([checked]) => checked);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBeLessThanOrEqual(head.entries);
    expect(counts.at(-1)).toBeGreaterThan(head.entries / 2);
  });

  it('walks the chain in this thread, and says so in the log, when the workers cannot open the file', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const source = { ...app.runtime.chainSource(), file: join(app.dir, 'not-there.db') };
      expect(await verifyChainParallel(app.runtime.requireDb().$client, source, { workers: 2, minEntries: 0 })).toEqual(inThread());
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('verifying in one thread'));
    } finally {
      warn.mockRestore();
    }
  });

  // With 3 workers the stretches meet after entries ⌊n/3⌋ and ⌊2n/3⌋: breaks on both sides of a boundary.
  const tampers: [string, (cut: number) => string | ((raw: Database.Database) => void)][] = [
    ["content changed at a stretch's first entry", (cut) => `UPDATE audit_log SET actor_name = '某人' WHERE seq = ${cut + 1}`],
    ["content changed at a stretch's last entry", (cut) => `UPDATE audit_log SET actor_name = '某人' WHERE seq = ${cut}`],
    ["a stretch's first entry deleted", (cut) => `DELETE FROM audit_log WHERE seq = ${cut + 1}`],
    ["a stretch's last entry deleted", (cut) => `DELETE FROM audit_log WHERE seq = ${cut}`],
    ['a whole stretch deleted', (cut) => `DELETE FROM audit_log WHERE seq > ${cut} AND seq <= ${2 * cut}`],
    ['the first entry renumbered 0', () => `UPDATE audit_log SET seq = 0 WHERE seq = 1`],
    [
      "a stretch's last entry re-hashed after a change, so the next stretch's link breaks",
      (cut) => (raw) => {
        const forged = { ...(raw.prepare(AUDIT_ROW_SQL).get(cut) as AuditRow), changes: '{}' };
        raw.prepare('UPDATE audit_log SET changes = ?, hash = ? WHERE seq = ?').run(forged.changes, entryHash(forged), cut);
      },
    ],
    [
      "both link and content broken at a stretch's first entry",
      (cut) => `UPDATE audit_log SET prev_hash = '${'1'.repeat(64)}', actor_name = '某人' WHERE seq = ${cut + 1}`,
    ],
  ];
  it.each(tampers)('reports what one walk reports: %s', async (_name, change) => {
    const { entries } = await app.ok('audit-head', {}, auditor);
    tamper(change(Math.floor(entries / 3)));
    const expected = inThread();
    expect(expected.intact).toBe(false);
    const sqlite = app.runtime.requireDb().$client;
    expect(joinRanges(splitChain(entries, 3).map((range) => verifyRange(sqlite, range)))).toEqual(expected);
    expect(await parallel(3)).toEqual(expected);
  });
});

describe('the audit viewer calls', () => {
  it('filters by box code, action and actor, newest first, paged by keyset', async () => {
    const byCode = await app.ok('audit-list', { boxCode: 'zh-2026-0001' }, auditor);
    expect(byCode.rows.map((r) => r.action)).toEqual(['box-create']);
    const { actors } = await app.ok('audit-actions', {}, auditor);
    const custodian = actors.find((a) => a.name === 'custodian-测试')!;
    const mine = await app.ok('audit-list', { actorId: custodian.id!, action: 'box-create' }, auditor);
    expect(mine.rows.map((r) => r.boxCode)).toEqual(['RS-2026-0001', 'ZH-2026-0001']);

    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await app.ok('audit-list', { limit: 3, cursor }, auditor);
      seen.push(...page.rows.map((r) => r.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const { entries } = await app.ok('audit-head', {}, auditor);
    expect(seen).toEqual(Array.from({ length: entries }, (_, i) => entries - i));
  });

  it('filters by date range', async () => {
    expect((await app.ok('audit-list', { from: '2000-01-01T00:00:00.000Z', to: '2000-12-31T23:59:59.999Z' }, auditor)).rows).toEqual([]);
    expect((await app.ok('audit-list', { from: '2000-01-01T00:00:00.000Z' }, auditor)).rows.length).toBeGreaterThan(0);
  });

  it('is for the auditor and the admin only', async () => {
    for (const role of ['clerk', 'custodian', 'manager'] as const) {
      expect((await app.call('audit-list', {}, await app.as(role))).ok).toBe(false);
    }
  });
});

describe('audit export', () => {
  it('writes a UTF-8 CSV with the chain head in its footer, and records the export', async () => {
    const file = await app.ok('audit-export', { format: 'csv', boxCode: 'ZH-2026-0001' }, auditor);
    expect(file.fileName).toMatch(/^审计日志-\d{8}-\d{6}\.csv$/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF序号,')).toBe(true);
    // Issue #19: the action as the viewer names it; its stored code kept for recomputing hashes
    // (then the desk as stored: empty for this PC's own window, which the 来源 column calls 本机).
    // The record by its own code or number (档案 ZH-2026-0001); the changes in words, then as stored.
    expect(text).toMatch(/,本机,新建档案,档案 ZH-2026-0001,ZH-2026-0001,"档案编号：ZH-2026-0001\n[^"]*",[\s\S]*?,box-create,box,,\r?$/m);
    const head = await app.ok('audit-head', {}, auditor);
    expect(text).toContain(`审计链条目数：${head.entries}`);
    expect(text).toContain(head.headHash);
    const last = (await app.ok('audit-list', { limit: 1 }, auditor)).rows[0];
    expect(last).toMatchObject({ action: 'export', entity: 'audit_log', actorName: 'auditor-测试' });
  });

  it('writes an xlsx that a spreadsheet reads back, rows and footer included', async () => {
    const file = await app.ok('audit-export', { format: 'xlsx' }, auditor);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('序号');
    const head = await app.ok('audit-head', {}, auditor);
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells.some((c) => c.includes(head.headHash))).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
  });

  it('neutralises cells that Excel would run as formulas', async () => {
    const custodian = await app.as('custodian');
    await app.ok('owner-create', validOwnerInput({ name: '=HYPERLINK("http://x","点我")' }), custodian);
    const text = Buffer.from((await app.ok('audit-export', { format: 'csv', action: 'owner-create' }, auditor)).base64, 'base64').toString('utf8');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
