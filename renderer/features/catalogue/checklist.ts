import type { ChecklistItem } from '../../../electron/core/contract/boxes';

/** f 工作联系函 and g 其它 are filed when there are any; a box without them is not incomplete. */
const OPTIONAL = new Set<ChecklistItem['category']>(['f', 'g']);

export type ChecklistState = 'present' | 'missing' | 'optional';

/** What a line of §4.3.2 says about this box; null when the category does not apply (e for a non-catering shop). */
export function checklistState(item: ChecklistItem): ChecklistState | null {
  if (item.count > 0) return 'present';
  if (OPTIONAL.has(item.category)) return 'optional';
  return item.expected ? 'missing' : null;
}

export function missingCount(items: ChecklistItem[]): number {
  return items.filter((item) => checklistState(item) === 'missing').length;
}
