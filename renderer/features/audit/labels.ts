import type { TFunction } from 'i18next';
import type { AuditAction } from '../../../electron/core/contract/audit';

/** Rows the log stores as plain strings: labelled when known, shown as stored otherwise. */
export const actionLabel = (t: TFunction, action: string) => t(`common:enums.auditAction.${action}`, { defaultValue: action });
export const entityLabel = (t: TFunction, entity: string) => t(`common:enums.auditEntity.${entity}`, { defaultValue: entity });

/** Entries an auditor looks for first: shown in red in the list. */
const WARNING_ACTIONS: readonly string[] = ['login-failed', 'account-locked'] satisfies AuditAction[];
export const isWarningAction = (action: string) => WARNING_ACTIONS.includes(action);
