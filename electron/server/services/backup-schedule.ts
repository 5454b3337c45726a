import type { BackupSettings } from '../../core/contract/backups';

/** The daily backup is due once the set local time has passed, unless a good one exists today. */
export function dailyBackupDue(config: BackupSettings, now: Date, doneToday: boolean): boolean {
  if (config.dailyAt === null || config.folders.length === 0 || doneToday) return false;
  const [h, m] = config.dailyAt.split(':').map(Number);
  return now.getHours() * 60 + now.getMinutes() >= h! * 60 + m!;
}
