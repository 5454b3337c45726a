import type { TFunction } from 'i18next';
import type { FollowUp } from '../../../electron/core/contract/inspections';

/** A follow-up's findings in words, then its note: 破损、受潮：… */
export const followUpText = (t: TFunction, f: FollowUp) => `${f.findings.map((x) => t(`common:enums.finding.${x}`)).join('、')}：${f.note}`;
