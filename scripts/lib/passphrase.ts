import { createInterface } from 'node:readline/promises';

/** The recovery passphrase for a terminal command: ARCHIVE_DESK_PASSPHRASE, or asked for on stderr. */
export async function askPassphrase(): Promise<string> {
  if (process.env.ARCHIVE_DESK_PASSPHRASE) return process.env.ARCHIVE_DESK_PASSPHRASE;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('恢复口令 / recovery passphrase: ');
  rl.close();
  return answer;
}
