// `npm run audit:verify -- <database> [--lang en]`: checks the audit log's hash chain of an Archive
// Desk database from a terminal, reading only, and says so in zh-CN (or English with --lang en). The key comes from the key file beside the database,
// unwrapped by this machine's key where it can be, else by the recovery passphrase
// (ARCHIVE_DESK_PASSPHRASE, or asked for).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection';
import { readKeyWithPassphrase, readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { AppError } from '../electron/core/contract/errors';
import { dataPathsUnder, defaultDataPaths } from '../electron/server/data-paths';
import { dataFiles } from '../electron/server/runtime';
import { verifyChainParallel } from '../electron/server/services/audit-chain';
import { askPassphrase } from './lib/passphrase';
import type { Language } from '../electron/core/vocabulary';

type Reason = 'hash' | 'link' | 'sequence';
const MESSAGES = {
  'zh-CN': {
    usage: '用法：npm run audit:verify -- <archive.db 的路径> [--lang en]',
    intact: (entries: number, head: string) => `审计链完整，共 ${entries} 条记录（链头 ${head}）`,
    broken: (at: number, reason: Reason, entries: number) =>
      `审计链在第 ${at} 条记录处断开（${MESSAGES['zh-CN'].reasons[reason]}）；此前的 ${entries} 条记录校验通过`,
    reasons: { hash: '内容与哈希值不符', link: '与前一条记录的哈希链接不符', sequence: '记录序号不连续' } satisfies Record<Reason, string>,
    cannotOpen: (code: string) => `无法打开档案库：${code}`,
  },
  en: {
    usage: 'usage: npm run audit:verify -- <path to archive.db> [--lang en]',
    intact: (entries: number, head: string) => `intact, ${entries} entries (head ${head})`,
    broken: (at: number, reason: Reason, entries: number) => `BROKEN at entry ${at} (${reason}); ${entries} entries before it verify`,
    reasons: { hash: 'hash', link: 'link', sequence: 'sequence' } satisfies Record<Reason, string>,
    cannotOpen: (code: string) => `cannot open: ${code}`,
  },
};

/** `--lang en` anywhere on the line; zh-CN otherwise, the users' own language. */
function parseArgs(args: string[]): { lang: Language; target: string | undefined } {
  const at = args.indexOf('--lang');
  const lang: Language = at >= 0 && args[at + 1] === 'en' ? 'en' : 'zh-CN';
  const rest = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  return { lang, target: rest[0] };
}
const { lang, target } = parseArgs(process.argv.slice(2));
const say = MESSAGES[lang];

async function databaseKey(keyFile: string, dataDir: string): Promise<string> {
  for (const machineKey of [dataPathsUnder(dataDir).machineKey, defaultDataPaths().machineKey]) {
    const key = readKeyWithProtector(keyFile, machineKeyProtector(machineKey));
    if (key) return key;
  }
  return readKeyWithPassphrase(keyFile, await askPassphrase());
}

async function main(): Promise<number> {
  if (!target) {
    console.error(say.usage);
    return 2;
  }
  const file = resolve(target);
  const keyHex = await databaseKey(dataFiles(dirname(file)).keyFile, dirname(file));
  const db = openDatabase(file, { keyHex, readonly: true, migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)) });
  const result = await verifyChainParallel(db.$client, { file, keyHex });
  db.$client.close();
  if (result.intact) {
    console.log(say.intact(result.entries, result.headHash));
    return 0;
  }
  console.log(say.broken(result.brokenAt, result.reason, result.entries));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof AppError ? say.cannotOpen(err.code) : err);
    process.exit(2);
  },
);
