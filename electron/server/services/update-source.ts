import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { settings } from '../../../db/schema';
import { UPDATE_SOURCE_NONE, updateSourceInput, type UpdateSource } from '../../core/contract/updates';
import type { Actor } from './actor';
import { mutate } from './transaction';

/**
 * Where 软件更新 looks for new versions, kept in the archive (the 'update' row of the settings
 * table) beside the other settings, so its audit entry sits in the same chain.
 */

const KEY = 'update';

export function getUpdateSource(db: Db): UpdateSource {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  const parsed = updateSourceInput.safeParse(row?.value);
  return parsed.success ? parsed.data : UPDATE_SOURCE_NONE;
}

/** The folder or host as the audit log shows it: one value, null for none. */
const shown = (source: UpdateSource) => ({ updateFrom: source.kind === 'folder' ? source.path : source.kind === 'host' ? source.url : null });

export function setUpdateSource(db: Db, actor: Actor, next: UpdateSource): UpdateSource {
  return mutate(db, actor, (tx) => {
    const before = getUpdateSource(tx);
    tx.insert(settings)
      .values({ key: KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next } })
      .run();
    return { result: next, audit: { action: 'update-source-set', entity: 'settings', entityId: KEY, before: shown(before), after: shown(next) } };
  });
}
