import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import { settings } from '../../../db/schema';

/**
 * Host mode's settings, kept in the archive (the 'host' row of the settings table) so a restored
 * backup brings its own, and the audit log records every change beside it.
 */

const KEY = 'host';

export const hostSettingsSchema = z.object({
  enabled: z.boolean(),
  address: z.string(),
  port: z.number().int(),
  /** Never empty once enabled: an empty request is filled with the bound interface's subnet(s). */
  allow: z.array(z.string()),
});
export type HostSettings = z.infer<typeof hostSettingsSchema>;

export const HOST_OFF: HostSettings = { enabled: false, address: '', port: 0, allow: [] };

export function getHostSettings(db: Db): HostSettings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  const parsed = hostSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : HOST_OFF;
}

/** Writes the row; call it inside the change's own transaction (mutate), beside its audit entry. */
export function putHostSettings(tx: Db, value: HostSettings): void {
  tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
