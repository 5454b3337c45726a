// `npm run archive:export-plain -- <archive.db> <out.db>`: IT's rescue path. Writes an UNENCRYPTED
// copy of the archive that any SQLite tool opens, after the recovery passphrase (asked for, or
// ARCHIVE_DESK_PASSPHRASE). Reads only: the archive and its audit log are not touched.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readKeyWithPassphrase } from '../db/keyfile';
import { writePlainCopy } from '../db/plain-copy';
import { AppError } from '../electron/core/contract/errors';
import { dataFiles } from '../electron/server/runtime';
import { askPassphrase } from './lib/passphrase';

const WARNING = [
  '警告：导出的文件没有加密，任何人拿到它都能读出全部档案（含租户、借阅人的个人信息）。',
  '      用完请立即删除，不要通过邮件、聊天工具或共享盘传送。',
  'WARNING: the copy is NOT encrypted: anyone who gets the file can read the whole archive,',
  '         personal data included. Delete it when done; never mail it or put it on a share.',
].join('\n');

const REFUSALS: Record<string, [string, string]> = {
  WRONG_PASSPHRASE: ['恢复口令不正确。', 'The recovery passphrase is wrong.'],
  KEY_FILE_MISSING: ['数据库旁没有密钥文件 archive.keys.json。', 'There is no key file (archive.keys.json) beside the database.'],
  KEY_FILE_CORRUPT: ['密钥文件已损坏。', 'The key file is damaged.'],
  KEY_FILE_UNREADABLE: ['无法读取密钥文件。', 'The key file cannot be read.'],
};

function refuse(zh: string, en: string): number {
  console.error(`✗ ${zh}\n  ${en}`);
  return 1;
}

async function main(): Promise<number> {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error('用法 / usage: npm run archive:export-plain -- <archive.db> <plain-copy.db>');
    return 2;
  }
  const db = resolve(source);
  const out = resolve(target);
  if (!existsSync(db)) return refuse(`找不到档案数据库：${db}`, `No archive database at ${db}`);
  if (existsSync(out)) return refuse(`目标文件已存在，不会覆盖：${out}`, `${out} exists; it is never overwritten.`);
  console.error(WARNING);
  const keyHex = await readKeyWithPassphrase(dataFiles(dirname(db)).keyFile, await askPassphrase());
  const { boxes, auditEntries } = writePlainCopy(db, keyHex, out);
  console.log(`已导出未加密副本：${out}（${boxes} 个档案盒，${auditEntries} 条审计记录）`);
  console.log(`Plain copy written: ${out} (${boxes} boxes, ${auditEntries} audit entries)`);
  console.error(WARNING);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof AppError ? REFUSALS[err.code] : undefined;
    if (known) process.exit(refuse(...known));
    console.error(err instanceof AppError ? `✗ ${err.code}` : err);
    process.exit(1);
  },
);
