/**
 * Errors are values: every failure the renderer can see is one of these codes, translated by the
 * UI (renderer/i18n). Services throw AppError; the dispatcher turns it into a result.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CALL',
  'PAYLOAD_TOO_LARGE',
  'NOT_READY',
  'ALREADY_SET_UP',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WRONG_PASSPHRASE',
  'PASSPHRASE_LOCKED',
  'WRONG_KEY',
  'KEY_FILE_CORRUPT',
  'KEYSTORE_UNAVAILABLE',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'KEY_FILE_MISSING',
  'KEY_FILE_UNREADABLE',
  'DB_MISSING',
  'DATA_FOLDER_GONE',
  'DISK_FULL',
  'DATA_READ_ONLY',
  'ALREADY_RUNNING',
  'NOT_FOUND',
  'DUPLICATE_CODE',
  'OWNER_HAS_VOLUME',
  'LOCATION_UNKNOWN',
  'LOCATION_NOT_POSITION',
  'POSITION_TAKEN',
  'LOCATION_IN_USE',
  'LOCATION_HAS_RECORDS',
  'LOCATION_NAME_TAKEN',
  'LOCATION_LAYOUT_DIFFERS',
  'READING_EXISTS',
  'READINGS_HAVE_PROBLEMS',
  'CODE_PATTERN_INVALID',
  'PASSWORD_CHANGE_REQUIRED',
  'SELF_APPROVAL',
  'BORROWER_DISABLED',
  'LOAN_BOX_UNAVAILABLE',
  'LOAN_BOX_BUSY',
  'LOAN_WRONG_STATE',
  'LOAN_NOT_APPROVED',
  'BOX_NOT_ON_LOAN',
  'RENEWAL_TOO_LATE',
  'RENEWAL_LIMIT',
  'RENEWAL_PENDING',
  'RENEWAL_INCIDENT_OPEN',
  'LOAN_COPY_NOT_ALLOWED',
  'LOAN_COPY_NOT_OUT',
  'INCIDENT_CLOSED',
  'LOAN_BOX_ON_TRANSFER',
  'TRANSFER_BOX_ON_LOAN',
  'TRANSFER_BOX_UNAVAILABLE',
  'TRANSFER_BOX_BUSY',
  'TRANSFER_WRONG_STATE',
  'TRANSFER_NOT_APPROVED',
  'SIGNOFF_SAME_PERSON',
  'SIGNOFF_BAD_PASSWORD',
  'SIGNOFF_ACCOUNT_UNAVAILABLE',
  'HOLD_ACTIVE',
  'HOLD_LIFTED',
  'BOX_HELD',
  'RETENTION_NOT_ENDED',
  'DESTRUCTION_BOX_UNAVAILABLE',
  'DESTRUCTION_WRONG_STATE',
  'DESTRUCTION_NOT_APPROVED',
  'SUPERVISOR_DUPLICATE',
  'INSPECTION_EXISTS',
  'INSPECTION_CLOSED',
  'INSPECTION_BOX_NOT_LISTED',
  'INSPECTION_INCOMPLETE',
  'INSPECTION_NOT_BY_CABINET',
  'INSPECTION_PART_NOT_STARTED',
  'INSPECTION_WRONG_PLACE',
  'FOLLOW_UP_CLOSED',
  'PRINTER_UNAVAILABLE',
  'BACKUP_NO_FOLDERS',
  'BACKUP_FOLDER_MISSING',
  'BACKUP_FOLDER_READONLY',
  'BACKUP_DISK_FULL',
  'BACKUP_VERIFY_FAILED',
  'BACKUP_INVALID',
  'BACKUP_NOT_A_FILE',
  'BACKUP_NEEDS_PASSPHRASE',
  'JOB_RUNNING',
  /** A write while a re-key or restore holds the archive: it would be lost in the swap, so it is refused. */
  'WRITES_PAUSED',
  /** The re-keyed or restored copy did not hold what its source did; the archive is as it was. */
  'JOB_VERIFY_FAILED',
  'PRINT_DIALOG_UNAVAILABLE',
  'LABELS_TOO_MANY',
  /** The chosen label is too narrow for a code's Code 128 at the thermal printer's smallest reliable bars. */
  'LABEL_TOO_SMALL',
  /** A box kept for less than its kind's minimum class (国家档案局令第10号). */
  'RETENTION_BELOW_MINIMUM',
  /** A code change to the code the box already has. */
  'BOX_CODE_UNCHANGED',
  /** A code a box used to have: kept for search and scan, so it is never issued again. */
  'BOX_CODE_FORMER',
  'IMPORT_UNREADABLE',
  'IMPORT_XLS',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_HAS_PROBLEMS',
  /** The server process ended with the call in flight (Electron relays calls to it). */
  'SERVER_GONE',
  /** Host mode (issue #15). */
  'HOST_UNAVAILABLE',
  'HOST_PORT_IN_USE',
  'HOST_ADDRESS_UNAVAILABLE',
  'HOST_CERTIFICATE_INVALID',
  'HOST_NETWORK_REFUSED',
  'HOST_UNREACHABLE',
  'SIGN_IN_RATE_LIMITED',
  'SESSION_NOT_FOUND',
  /** session-end of the caller's own session: that is signing out. */
  'SESSION_IS_OWN',
  'DATA_FOLDER_ON_NETWORK',
  /** A new version's migration waits for a verified backup of the archive as it was; that backup failed. */
  'MIGRATION_BACKUP_FAILED',
  /** The address answers, but not as an Archive Desk host (another program, or host mode off). */
  'HOST_NOT_ARCHIVE',
  /** Setup, unlock and restore are done at the archive PC itself, never from a desk on the network. */
  'HOST_LOCAL_ONLY',
  /** The host shows another certificate than the one compared at the first connection. */
  'HOST_CERTIFICATE_CHANGED',
  /** Only the desktop app can be a desk of another PC's archive. */
  'CLIENT_MODE_UNAVAILABLE',
  /** The update folder (or the host's) has no release in it: no latest.yml. */
  'UPDATE_NOT_FOUND',
  /** The update folder or the archive host could not be reached. */
  'UPDATE_UNREACHABLE',
  /** The downloaded installer does not match the sha512 its latest.yml gives: discarded, nothing installed. */
  'UPDATE_CHECKSUM',
  /** The release's latest.yml cannot be read (damaged, or not electron-builder's). */
  'UPDATE_FEED_INVALID',
  /** Any other failure of a check or download (its cause is in the app's log). */
  'UPDATE_FAILED',
  /** Only the desktop app updates itself; the browser and the web shell do not. */
  'UPDATE_UNAVAILABLE',
  /** A 催还通知单 for a borrower with no loan due tomorrow or overdue: nothing is printed. */
  'REMINDER_NOTHING_DUE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorPayload {
  code: ErrorCode;
  /** Field-level problems for VALIDATION; the renderer maps them onto form fields. */
  issues?: FieldIssue[];
  /** Values the translated message interpolates, e.g. the conflicting code. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly params?: Record<string, string | number>;

  constructor(code: ErrorCode, extra: Omit<AppErrorPayload, 'code'> = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.issues = extra.issues;
    this.params = extra.params;
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code };
    if (this.issues) payload.issues = this.issues;
    if (this.params) payload.params = this.params;
    return payload;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };
