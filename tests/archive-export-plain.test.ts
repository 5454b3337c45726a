import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { PASSPHRASE, type TestApp } from './support/app';
import { createSetUpApp, validBoxInput, validOwnerInput } from './support/fixtures';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');

/** `npm run archive:export-plain -- <db> <out>` as IT would run it, with the passphrase in the environment. */
async function exportPlain(db: string, out: string, passphrase: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/archive-export-plain.ts', db, out];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, ARCHIVE_DESK_PASSPHRASE: passphrase } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let app: TestApp;
let work: string;
let boxCode: string;
beforeEach(async () => {
  app = await createSetUpApp();
  const custodian = await app.as('custodian');
  const owner = await app.ok('owner-create', validOwnerInput(), custodian);
  boxCode = (await app.ok('box-create', validBoxInput({ ownerId: owner.id }), custodian)).box.code;
  work = mkdtempSync(join(tmpdir(), 'archive-desk-plain-'));
});
afterEach(() => {
  app.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run archive:export-plain', () => {
  it('writes a copy any SQLite opens without a key, warning loudly, after the recovery passphrase', async () => {
    const out = join(work, 'plain.db');
    const result = await exportPlain(app.runtime.files.db, out, PASSPHRASE);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('警告：导出的文件没有加密');
    expect(result.stderr).toContain('WARNING: the copy is NOT encrypted');
    expect(result.stdout).toMatch(/已导出未加密副本：.*（1 个档案盒，\d+ 条审计记录）/);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const plain = new Database(out, { readonly: true });
    expect(plain.prepare('SELECT code FROM boxes').all()).toEqual([{ code: boxCode }]);
    plain.close();
    // The archive itself stays encrypted.
    expect(readFileSync(app.runtime.files.db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('refuses a wrong passphrase in Chinese and English and writes nothing', async () => {
    const out = join(work, 'plain.db');
    const result = await exportPlain(app.runtime.files.db, out, 'not the passphrase');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('恢复口令不正确。');
    expect(result.stderr).toContain('The recovery passphrase is wrong.');
    expect(existsSync(out)).toBe(false);
  });

  it('never overwrites a file that exists', async () => {
    const out = join(work, 'plain.db');
    writeFileSync(out, 'keep me');
    const result = await exportPlain(app.runtime.files.db, out, PASSPHRASE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('目标文件已存在，不会覆盖');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });
});
