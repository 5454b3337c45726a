import type { InspectionItemRow } from '../../../db/schema';
import type { Finding } from '../../core/contract/inspections';

/** What a check found wrong; an unchecked item has no findings yet. */
export function findingsOf(item: Pick<InspectionItemRow, 'present' | 'complete' | 'correctlyFiled' | 'condition' | 'foundInId'>): Finding[] {
  if (item.present === null) return [];
  if (!item.present) return ['missing_box'];
  const found: Finding[] = [];
  if (item.complete === false) found.push('incomplete');
  // Found in another cabinet says more than "misfiled": where it was, and where it belongs.
  if (item.foundInId !== null) found.push('wrong_place');
  else if (item.correctlyFiled === false) found.push('misfiled');
  if (item.condition !== null && item.condition !== 'good') found.push('condition');
  return found;
}
