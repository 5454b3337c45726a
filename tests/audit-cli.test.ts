import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { PASSPHRASE, type TestApp } from './support/app';
import { createSetUpApp, validOwnerInput } from './support/fixtures';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');

/** Runs `npm run audit:verify -- <db>` as a terminal user would; resolves with its exit code and output. */
async function auditVerify(db: string, passphrase: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audit-verify.ts', db, ...args], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_DESK_PASSPHRASE: passphrase },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
  await app.ok('owner-create', validOwnerInput(), await app.as('custodian'));
});
afterEach(() => app.close());

describe('npm run audit:verify', () => {
  it('says the chain is intact in zh-CN by default, with the recovery passphrase', async () => {
    const { entries, headHash } = await app.ok('audit-head', {}, await app.as('auditor'));
    const result = await auditVerify(app.runtime.files.db, PASSPHRASE);
    expect(result).toEqual({ code: 0, out: `审计链完整，共 ${entries} 条记录（链头 ${headHash}）\n` });
  });

  it('says "intact, N entries" with --lang en', async () => {
    const { entries, headHash } = await app.ok('audit-head', {}, await app.as('auditor'));
    const result = await auditVerify(app.runtime.files.db, PASSPHRASE, '--lang', 'en');
    expect(result).toEqual({ code: 0, out: `intact, ${entries} entries (head ${headHash})\n` });
  });

  it('names the first broken entry and exits 1', async () => {
    const sqlite = app.runtime.requireDb().$client;
    sqlite.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'x' WHERE seq = 2`);
    const result = await auditVerify(app.runtime.files.db, PASSPHRASE);
    expect(result.code).toBe(1);
    expect(result.out).toContain('审计链在第 2 条记录处断开（内容与哈希值不符）');
    expect((await auditVerify(app.runtime.files.db, PASSPHRASE, '--lang', 'en')).out).toContain('BROKEN at entry 2 (hash)');
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    const result = await auditVerify(app.runtime.files.db, 'not the passphrase');
    expect(result).toEqual({ code: 2, out: expect.stringContaining('无法打开档案库：WRONG_PASSPHRASE') });
  });
});
