import { renameSync, rmSync } from 'node:fs';
import { promoteNextKey, readKeyWithPassphrase, rewrapRecovery, stageNextKey } from '../../../db/keyfile';
import { AppError } from '../../core/contract/errors';
import type { Actor } from '../services/actor';
import { rekeyedCopy } from '../services/rekey';
import { mutate } from '../services/transaction';
import { RuntimeLifecycle } from './lifecycle';

/** The runtime's key jobs: the recovery passphrase's change and the database's re-key. */
export class RuntimeKeys extends RuntimeLifecycle {
  /** The tail of the queue of key changes (oneKeyChangeAtATime). */
  private keyChanges: Promise<unknown> = Promise.resolve();

  /**
   * The passphrase change, the re-key and the restore each read the key file (or the live key),
   * wait for scrypt, then write: two at once would write back what the other replaced (a changed
   * passphrase lost, or a key file that no longer opens the database). So they queue; each checks
   * its passphrase against what the one before it left.
   */
  protected oneKeyChangeAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.keyChanges.then(work, work);
    this.keyChanges = turn.catch(() => undefined);
    return turn;
  }

  /** The recovery passphrase is checked, then the same key is wrapped under the new one. */
  changePassphrase(actor: Actor, current: string, next: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.changePassphraseNow(actor, current, next));
  }

  private async changePassphraseNow(actor: Actor, current: string, next: string): Promise<void> {
    const db = this.requireDb();
    const keyHex = this.keyHex!;
    if ((await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, current))) !== keyHex) throw new AppError('WRONG_PASSPHRASE');
    await rewrapRecovery(this.files.keyFile, keyHex, next);
    mutate(db, actor, () => ({ result: null, audit: { action: 'passphrase-change', entity: 'database', entityId: null } }));
  }

  /**
   * A new random key. It is staged in the key file first; then a re-keyed copy of the database is
   * made and renamed over the live file; then the staged key is promoted. A crash between any two
   * steps leaves a database that start() opens with one of the two keys (openEitherKey). Backups
   * made before keep the old key and carry their own recovery blob.
   */
  rekey(actor: Actor, passphrase: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.jobs.hold('rekey', () => this.rekeyNow(actor, passphrase)));
  }

  private async rekeyNow(actor: Actor, passphrase: string): Promise<void> {
    this.requireDb();
    if ((await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, passphrase))) !== this.keyHex)
      throw new AppError('WRONG_PASSPHRASE');
    const next = await stageNextKey(this.files.keyFile, this.options.protector, passphrase);
    // From here to the reopen nothing awaits, so no write of this process falls between copy and swap.
    const db = this.requireDb();
    const copy = `${this.files.db}.rekeying`;
    rekeyedCopy(db.$client, copy, this.keyHex!, next, this.options.nativeBinding);
    db.$client.close();
    this.db = null;
    // Stopped for the swap and started again once the re-keyed file is open (see open()).
    this.host.archiveClosing();
    // A clean close folds the WAL into the file; a WAL left over would be replayed into the new file.
    rmSync(`${this.files.db}-wal`, { force: true });
    rmSync(`${this.files.db}-shm`, { force: true });
    renameSync(copy, this.files.db);
    const reopened = this.open(next);
    promoteNextKey(this.files.keyFile);
    mutate(reopened, actor, () => ({ result: null, audit: { action: 'database-rekey', entity: 'database', entityId: null } }));
  }
}
