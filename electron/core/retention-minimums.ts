import type { BOX_KINDS, RETENTION_CLASSES } from './enums';

type Kind = (typeof BOX_KINDS)[number];
type Retention = { retentionClass: (typeof RETENTION_CLASSES)[number]; retentionYears: number | null };
export type RetentionMinimum = 'permanent' | 'y30' | 'y10';

/**
 * The shortest period each kind of box may be kept. Under 国家档案局令第10号 (《企业文件材料归档范围和
 * 档案保管期限规定》) the classes 永久 / 定期30年 / 定期10年 are minimums: a record may be kept longer
 * than its class, never shorter. domain.md § Retention names the classes, not the kinds' classes;
 * these are the order's classes for what each kind holds: staff records (人事档案) 30 years, a
 * tenant's or customer's file, work logs and letters at least 10.
 */
export const RETENTION_MINIMUMS: Record<Kind, RetentionMinimum> = {
  tenant: 'y10',
  customer: 'y10',
  personnel: 'y30',
  work_log: 'y10',
  letters: 'y10',
  other: 'y10',
};

const MINIMUM_YEARS: Record<RetentionMinimum, number> = { permanent: Number.POSITIVE_INFINITY, y30: 30, y10: 10 };

/** Years a retention keeps a box: permanent is longer than any number. */
function keptYears(r: Retention): number {
  if (r.retentionClass === 'permanent') return Number.POSITIVE_INFINITY;
  if (r.retentionClass === 'custom') return r.retentionYears ?? 0;
  return MINIMUM_YEARS[r.retentionClass];
}

/** The kind's minimum when the box would be kept for less, else null. */
export function retentionBelowMinimum(box: Retention & { kind: Kind }): RetentionMinimum | null {
  const minimum = RETENTION_MINIMUMS[box.kind];
  return keptYears(box) < MINIMUM_YEARS[minimum] ? minimum : null;
}
