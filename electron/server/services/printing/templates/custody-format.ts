import type { Destruction } from '../../../../core/contract/destructions';
import type { Finding, Inspection } from '../../../../core/contract/inspections';

/** Custody forms are Chinese paper forms: zh-CN labels whatever the screen speaks. */
export const METHOD_LABEL: Record<NonNullable<Destruction['method']>, string> = { shred: '粉碎', pulp: '化浆', incinerate: '焚毁', other: '其它' };
export const RETENTION_LABEL: Record<Destruction['boxes'][number]['retentionClass'], string> = { permanent: '永久', y30: '定期30年', y10: '定期10年', custom: '自定义' };
export const CONDITION_LABEL: Record<NonNullable<Inspection['items'][number]['condition']>, string> = { good: '良好', damaged: '破损', damp: '受潮', pests: '虫蛀' };
export const FINDING_LABEL: Record<Finding, string> = { missing_box: '档案不在架', incomplete: '文件不齐全', misfiled: '存放错误', condition: '保存状况异常' };

export const retentionText = (b: Pick<Destruction['boxes'][number], 'retentionClass' | 'retentionYears'>) =>
  b.retentionClass === 'custom' ? `${b.retentionYears ?? ''}年` : RETENTION_LABEL[b.retentionClass];

export const yearsText = (b: { yearFrom: number | null; yearTo: number | null }) =>
  b.yearFrom === null && b.yearTo === null ? '' : b.yearFrom === b.yearTo || b.yearTo === null ? String(b.yearFrom) : `${b.yearFrom ?? ''}–${b.yearTo}`;
