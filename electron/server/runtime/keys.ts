import { renameSync, rmSync } from 'node:fs';
import { dropNextKey, keyFileExists, promoteNextKey, readKeyWithPassphrase, rewrapRecovery, stageNextKey } from '../../../db/keyfile';
import { AppError } from '../../core/contract/errors';
import type { Actor } from '../services/actor';
import { rekeyingFile } from '../runtime-recovery';
import { mutate } from '../services/transaction';
import type { RunningJob } from './jobs';
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
   * A new random key. It is staged in the key file first; then a worker thread makes a re-keyed
   * copy of the database and checks it against the archive while every screen is still served
   * (writes refused meanwhile: see withWritesPaused); then the copy is renamed over the live file
   * and the staged key promoted. A crash between any two steps leaves a database that start()
   * opens with one of the two keys (openEitherKey). A failure before the swap leaves the archive
   * and its key file as they were. Backups made before keep the old key and carry their own
   * recovery blob.
   */
  rekey(actor: Actor, passphrase: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.jobs.hold('rekey', (running) => this.rekeyNow(actor, passphrase, running)));
  }

  private async rekeyNow(actor: Actor, passphrase: string, running: RunningJob): Promise<void> {
    this.requireDb();
    if ((await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, passphrase))) !== this.keyHex)
      throw new AppError('WRONG_PASSPHRASE');
    const next = await stageNextKey(this.files.keyFile, this.options.protector, passphrase);
    const copy = rekeyingFile(this.files.db);
    await this.withWritesPaused('rekey', async () => {
      try {
        const source = { ...this.chainSource(), keyHex: this.keyHex! };
        await this.inWorker({ kind: 'rekey-copy', source, copy, nextKeyHex: next, migrationsFolder: this.options.migrationsFolder }, running);
      } catch (err) {
        rmSync(copy, { force: true });
        if (keyFileExists(this.files.keyFile)) dropNextKey(this.files.keyFile);
        throw err;
      }
      this.swapRekeyed(actor, copy, next);
    });
  }

  /** The re-keyed copy in place of the live file, on this thread and without a pause: no write falls between. */
  private swapRekeyed(actor: Actor, copy: string, next: string): void {
    const db = this.requireDb();
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
