import { RuntimeLongCalls } from './long-calls';

export { dataFiles, type RuntimeOptions } from './lifecycle';

/**
 * The app's life outside any one window: whether it is set up, whether the database is open, who
 * is signed in, and the long jobs on the archive. Both shells (Electron and the web shell) drive
 * the same Runtime. Split by job: lifecycle.ts (start, setup, unlock, close, faults), keys.ts
 * (passphrase change, re-key), backups.ts (backups, schedule, restore, inspect), long-calls.ts (exports, chain verification).
 */
export class Runtime extends RuntimeLongCalls {}
