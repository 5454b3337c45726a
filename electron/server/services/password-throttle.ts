import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { users, type UserRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { ClientInfo } from '../../core/contract/network';
import { LOCAL_CLIENT, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { hashPassword, verifyPassword } from './passwords';
import { mutate } from './transaction';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 5;

/** What a throttle keeps: an account's columns, or the runtime's count for the recovery passphrase. */
interface Attempts {
  failedAttempts: number;
  lockedUntil: string | null;
}

/**
 * How a check ended. `locked`: refused without telling whether the secret was right;
 * `lockedNow` when this very failure set the lock.
 */
export type CheckOutcome = { outcome: 'right' } | { outcome: 'wrong' } | { outcome: 'locked'; minutes: number; lockedNow: boolean };

const isLocked = (a: Attempts, now: number) => a.lockedUntil !== null && Date.parse(a.lockedUntil) > now;
const minutesLeft = (a: Attempts, now: number) => Math.ceil((Date.parse(a.lockedUntil ?? '') - now) / 60_000);

/**
 * An attempt is counted as failed before its check runs; the one that reaches the limit locks at
 * once. So however many arrive together, at most the limit are ever checked. `lock` is the lock
 * this attempt set, if any: a right answer lifts only its own lock.
 */
function charge(a: Attempts, now: number): { refused: true } | { refused: false; next: Attempts; lock: string | null } {
  if (isLocked(a, now)) return { refused: true };
  const failedAttempts = a.failedAttempts + 1;
  if (failedAttempts < MAX_FAILED_ATTEMPTS) return { refused: false, next: { failedAttempts, lockedUntil: null }, lock: null };
  const lockedUntil = new Date(now + LOCKOUT_MINUTES * 60_000).toISOString();
  return { refused: false, next: { failedAttempts: 0, lockedUntil }, lock: lockedUntil };
}

/**
 * After the check. A lock set by another attempt meanwhile refuses right and wrong alike; a right
 * answer otherwise starts the count afresh (and lifts the lock it set itself).
 */
function settle(a: Attempts, lock: string | null, right: boolean, now: number): { outcome: CheckOutcome; next: Attempts | null } {
  const lockedHere = isLocked(a, now) && a.lockedUntil === lock;
  if (isLocked(a, now) && !(right && lockedHere)) return { outcome: { outcome: 'locked', minutes: minutesLeft(a, now), lockedNow: lockedHere }, next: null };
  if (right) return { outcome: { outcome: 'right' }, next: { failedAttempts: 0, lockedUntil: null } };
  return { outcome: { outcome: 'wrong' }, next: null };
}

/**
 * Every check of an account password (sign-in, sign-off, password change) comes through here.
 * The attempt is charged in its own write transaction before scrypt runs, and settled in another
 * after; the failure is audited against the account. An unknown account costs the same scrypt
 * work as a known one, so timing does not tell names apart.
 */
export async function checkAccountPassword(db: Db, user: UserRow | undefined, password: string, client: ClientInfo = LOCAL_CLIENT): Promise<CheckOutcome> {
  if (!user) {
    await hashPassword(password);
    return { outcome: 'wrong' };
  }
  // The failure is recorded with the desk it came from: who is guessing matters as much as at whom.
  const actor: Actor = { id: user.id, name: user.displayName, role: user.role, client };
  const read = (tx: Db) => tx.select().from(users).where(eq(users.id, user.id)).get()!;
  const write = (tx: Db, next: Attempts) => tx.update(users).set(next).where(eq(users.id, user.id)).run();
  const charged = mutate(db, actor, (tx) => {
    const current = read(tx);
    const result = { current, charge: charge(current, Date.now()) };
    if (!result.charge.refused) write(tx, result.charge.next);
    return { result, audit: [] };
  });
  if (charged.charge.refused) return { outcome: 'locked', minutes: minutesLeft(charged.current, Date.now()), lockedNow: false };
  const { lock } = charged.charge;
  const right = await verifyPassword(password, charged.current.passwordHash);
  return mutate(db, actor, (tx) => {
    const { outcome, next } = settle(read(tx), lock, right, Date.now());
    if (next) write(tx, next);
    const audit: AuditEntry[] = right ? [] : [{ action: 'login-failed', entity: 'user', entityId: user.id }];
    if (!right && outcome.outcome === 'locked' && outcome.lockedNow) audit.push({ action: 'account-locked', entity: 'user', entityId: user.id });
    return { result: outcome, audit };
  });
}

const passphraseLocked = (minutes: number) => new AppError('PASSPHRASE_LOCKED', { params: { minutes } });

/**
 * Guesses at the recovery passphrase (unlock, passphrase change, re-key, restore), counted in
 * memory per runtime with the accounts' limits: there is no account to lock. JavaScript runs one
 * charge at a time, so counting before the await is atomic.
 */
export class PassphraseThrottle {
  private attempts: Attempts = { failedAttempts: 0, lockedUntil: null };

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs a check that throws WRONG_PASSPHRASE when wrong; while locked, PASSPHRASE_LOCKED instead of either answer. */
  async check<T>(attempt: () => Promise<T>): Promise<T> {
    const charged = charge(this.attempts, this.now());
    if (charged.refused) throw passphraseLocked(minutesLeft(this.attempts, this.now()));
    this.attempts = charged.next;
    const result = await attempt().then(
      (value) => ({ right: true as const, value }),
      (error: unknown) => ({ right: false as const, error }),
    );
    const { outcome, next } = settle(this.attempts, charged.lock, result.right, this.now());
    if (next) this.attempts = next;
    const wrongPassphrase = !result.right && result.error instanceof AppError && result.error.code === 'WRONG_PASSPHRASE';
    if (outcome.outcome === 'locked' && (result.right || wrongPassphrase)) throw passphraseLocked(outcome.minutes);
    if (!result.right) throw result.error;
    return result.value;
  }
}

export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 10;

/**
 * Sign-ins from one desk on the office network, on top of each account's lockout: one address
 * trying many accounts (or many guesses at one) is refused as a whole once it failed
 * ADDRESS_MAX_FAILURES times within ADDRESS_WINDOW_MINUTES. Each attempt is counted as a failure
 * before its password is checked (JavaScript runs one charge at a time, so however many arrive
 * together at most the limit reach scrypt) and taken back when it turns out right. While limited,
 * the right password is refused too, so the refusal tells nothing. This PC's own window is never
 * limited: its user sits at the archive PC, and only the account lockout applies.
 */
export class AddressThrottle {
  /** Per address, when each counted failure happened (oldest first). */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = ADDRESS_MAX_FAILURES,
    private readonly windowMinutes = ADDRESS_WINDOW_MINUTES,
  ) {}

  /** Runs a sign-in; a failure counts unless it ended in `rightAnswer` (the password was right). */
  async check<T>(client: ClientInfo, attempt: () => Promise<T>, rightAnswer: (error: unknown) => boolean = () => false): Promise<T> {
    const address = client.transport === 'lan' ? client.address : null;
    if (address === null) return attempt();
    const stamp = this.charge(address);
    try {
      const value = await attempt();
      this.refund(address, stamp);
      return value;
    } catch (err) {
      if (rightAnswer(err)) this.refund(address, stamp);
      throw err;
    }
  }

  private charge(address: string): number {
    const now = this.now();
    const windowMs = this.windowMinutes * 60_000;
    const recent = (this.failures.get(address) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= this.max) {
      this.failures.set(address, recent);
      // Once the oldest counted failure leaves the window, one more attempt is let through.
      throw new AppError('SIGN_IN_RATE_LIMITED', { params: { minutes: Math.max(1, Math.ceil((recent[0] + windowMs - now) / 60_000)) } });
    }
    recent.push(now);
    this.failures.set(address, recent);
    return now;
  }

  private refund(address: string, stamp: number): void {
    const list = this.failures.get(address);
    const at = list?.lastIndexOf(stamp) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
    if (list?.length === 0) this.failures.delete(address);
  }
}
