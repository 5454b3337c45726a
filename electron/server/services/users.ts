import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { users, type UserRow } from '../../../db/schema';
import type { z } from 'zod';
import type { DirectoryUser, PublicUser, userCreateInput, userUpdateInput } from '../../core/contract/app';
import { AppError } from '../../core/contract/errors';
import type { ClientInfo } from '../../core/contract/network';
import { LOCAL_CLIENT, nowIso, type Actor } from './actor';
import { hashPassword } from './passwords';
import { checkAccountPassword } from './password-throttle';
import { mutate } from './transaction';

export function toPublicUser(row: UserRow): PublicUser {
  const { id, username, displayName, role, disabled, mustChangePassword, lockedUntil, createdAt } = row;
  return { id, username, displayName, role, disabled, mustChangePassword, lockedUntil, createdAt };
}

/** The actor of a signed-in call: the user, at the desk the call came from (recorded in every audit entry). */
export const actorOf = (user: Pick<UserRow, 'id' | 'displayName' | 'role'>, client: ClientInfo = LOCAL_CLIENT): Actor => ({
  id: user.id,
  name: user.displayName,
  role: user.role,
  client,
});

export function getUser(db: Db, id: number): UserRow {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function listUsers(db: Db): PublicUser[] {
  return db.select().from(users).orderBy(asc(users.id)).all().map(toPublicUser);
}

/** Enabled accounts by name, for picking a borrower; a disabled account cannot borrow. */
export function listActiveUsers(db: Db): DirectoryUser[] {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.displayName), asc(users.id))
    .all();
}

export function userCount(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

function assertUsernameFree(tx: Db, username: string): void {
  if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
    throw new AppError('VALIDATION', { issues: [{ path: ['username'], message: 'v.usernameTaken' }] });
  }
}

export async function createUser(db: Db, actor: Actor, input: z.output<typeof userCreateInput>): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return mutate(db, actor, (tx) => {
    assertUsernameFree(tx, input.username);
    const row = tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, mustChangePassword: actor.id !== null })
      .returning()
      .get();
    const user = toPublicUser(row);
    return { result: user, audit: { action: 'user-create', entity: 'user', entityId: row.id, after: user } };
  });
}

export function updateUser(db: Db, actor: Actor, input: z.output<typeof userUpdateInput>): PublicUser {
  return mutate(db, actor, (tx) => {
    const before = toPublicUser(getUser(tx, input.id));
    const row = tx
      .update(users)
      .set({ displayName: input.displayName, role: input.role, disabled: input.disabled, mustChangePassword: input.mustChangePassword })
      .where(eq(users.id, input.id))
      .returning()
      .get();
    const after = toPublicUser(row);
    return { result: after, audit: { action: 'user-update', entity: 'user', entityId: input.id, before, after } };
  });
}

/** An admin's reset also unlocks the account and forces a change at next login. */
export async function resetPassword(db: Db, actor: Actor, id: number, password: string): Promise<PublicUser> {
  const passwordHash = await hashPassword(password);
  return mutate(db, actor, (tx) => {
    getUser(tx, id);
    const row = tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: nowIso() })
      .where(eq(users.id, id))
      .returning()
      .get();
    return { result: toPublicUser(row), audit: { action: 'user-reset-password', entity: 'user', entityId: id } };
  });
}

/** Guessing one's own current password counts towards the lockout, as a wrong login does. */
export async function changeOwnPassword(db: Db, actor: Actor, current: string, next: string): Promise<void> {
  const user = getUser(db, actor.id ?? 0);
  const check = await checkAccountPassword(db, user, current, actor.client);
  if (check.outcome === 'locked') throw lockedError(check.minutes);
  if (check.outcome === 'wrong') throw new AppError('VALIDATION', { issues: [{ path: ['current'], message: 'v.currentPasswordWrong' }] });
  const passwordHash = await hashPassword(next);
  mutate(db, actor, (tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: nowIso() }).where(eq(users.id, user.id)).run();
    return { result: null, audit: { action: 'password-change', entity: 'user', entityId: user.id } };
  });
}

export const lockedError = (minutes: number) => new AppError('ACCOUNT_LOCKED', { params: { minutes } });

/**
 * Checks a login (services/password-throttle.ts counts the attempts). Only the right password
 * hears that an account is disabled, so a wrong one reads the same for every name.
 */
export async function authenticate(db: Db, username: string, password: string, client: ClientInfo = LOCAL_CLIENT): Promise<UserRow> {
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const check = await checkAccountPassword(db, user, password, client);
  if (check.outcome === 'locked') throw lockedError(check.minutes);
  if (check.outcome === 'wrong' || !user) throw new AppError('BAD_CREDENTIALS');
  return mutate(db, actorOf(user, client), (tx) => {
    // The account may have been disabled while the password was being checked.
    const current = getUser(tx, user.id);
    if (current.disabled) throw new AppError('ACCOUNT_DISABLED');
    return { result: current, audit: { action: 'login', entity: 'user', entityId: user.id } };
  });
}

/** What only a right password hears: the sign-in failed for another reason than the guess. */
export const rightPasswordRefusal = (err: unknown): boolean => err instanceof AppError && err.code === 'ACCOUNT_DISABLED';
