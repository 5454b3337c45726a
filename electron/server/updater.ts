import type { UpdateSource, UpdaterState } from '../core/contract/updates';
import { AppError } from '../core/contract/errors';

/**
 * The seam between 系统设置 → 软件更新 and the shell that can replace the app (the desktop app's
 * main process, which runs electron-updater). The archive keeps the source; the shell checks it,
 * downloads, and installs once agreed.
 */
export interface Updater {
  readonly available: boolean;
  state(): Promise<UpdaterState>;
  /** Checks `source` now (a found version downloads on its own); resolves once the check has an answer. */
  check(source: UpdateSource): Promise<UpdaterState>;
  /** Someone agreed: 'now' quits and installs, 'quit' installs when the app next quits. */
  install(when: 'now' | 'quit'): Promise<UpdaterState>;
}

const NO_UPDATER: UpdaterState = { currentVersion: null, phase: 'idle', checkedAt: null, version: null, error: null, agreed: false };

export const unavailableUpdater: Updater = {
  available: false,
  state: () => Promise.resolve(NO_UPDATER),
  check: () => Promise.reject(new AppError('UPDATE_UNAVAILABLE')),
  install: () => Promise.reject(new AppError('UPDATE_UNAVAILABLE')),
};
