import type { Db } from '../../../db/connection';
import type { Actor } from './actor';
import type { Printer } from './printing/printer';

/** What an export or a printed form needs: the archive, who asks (for the audit entry), a printer. */
export interface OutputContext {
  db: Db;
  actor: Actor;
  printer: Printer;
}
