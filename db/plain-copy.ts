import Database from 'better-sqlite3-multiple-ciphers';
import { assertHexKey } from './keyfile';

/**
 * An unencrypted copy of the archive in one pass: VACUUM INTO takes the cipher of the connection's
 * main database, so the encrypted archive is attached (with its key) to a plain in-memory one and
 * vacuumed from there. The copy keeps the archive's page layout (80 bytes reserved per page), so
 * only the cipher differs. `out` must not exist (VACUUM INTO refuses a file that does).
 */
export function writePlainCopy(db: string, keyHex: string, out: string): { boxes: number; auditEntries: number } {
  assertHexKey(keyHex);
  const sqlite = new Database(':memory:');
  try {
    sqlite.pragma(`cipher='sqlcipher'`);
    sqlite.pragma('legacy=4');
    sqlite.prepare(`ATTACH ? AS archive KEY "x'${keyHex}'"`).run(db);
    sqlite.prepare('VACUUM archive INTO ?').run(out);
  } finally {
    sqlite.close();
  }
  const check = new Database(out, { readonly: true });
  try {
    const count = (table: string) => (check.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { boxes: count('boxes'), auditEntries: count('audit_log') };
  } finally {
    check.close();
  }
}
