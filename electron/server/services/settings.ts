import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { settings } from '../../../db/schema';
import { settingsSchema, type Settings } from '../../core/contract/app';
import type { Actor } from './actor';
import { mutate } from './transaction';

const KEY = 'app';

export const DEFAULT_SETTINGS: Settings = {
  siteName: '',
  codePattern: '{KIND}-{YYYY}-{####}',
  kindPrefixes: { tenant: 'ZH', customer: 'KH', personnel: 'RS', work_log: 'RZ', letters: 'FW', other: 'QT' },
  idleMinutes: 10,
  maxRenewals: 2,
  deskPhone: '',
};

export function getSettings(db: Db): Settings {
  // Read for every box numbered, so prepared once.
  const row = preparedOnce(db, 'settings', (d) => d.select().from(settings).where(eq(settings.key, KEY)).prepare()).get();
  return row ? settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(row.value as object) }) : DEFAULT_SETTINGS;
}

export function updateSettings(db: Db, actor: Actor, next: Settings): Settings {
  return mutate(db, actor, (tx) => {
    const before = getSettings(tx);
    tx.insert(settings)
      .values({ key: KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next } })
      .run();
    return { result: next, audit: { action: 'settings-update', entity: 'settings', entityId: KEY, before, after: next } };
  });
}
