import { safeStorage } from 'electron';
import type { KeyProtector } from '../../../db/keyfile';

/**
 * The OS keychain (DPAPI, Keychain, libsecret). On Linux without a keyring Electron falls back to
 * a hard-coded key ("basic_text"), which protects nothing: then the passphrase is asked instead.
 */
export const safeStorageProtector: KeyProtector = {
  kind: 'safeStorage',
  available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  protect: async (secret) => safeStorage.encryptString(secret.toString('utf8')),
  unprotect: (blob) => Buffer.from(safeStorage.decryptString(blob), 'utf8'),
};
