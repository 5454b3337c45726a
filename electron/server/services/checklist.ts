import { DOC_CATEGORIES } from '../../core/enums';
import type { BoxRow, OwnerRow } from '../../../db/schema';
import type { ChecklistItem } from '../../core/contract/boxes';

/**
 * What a tenant or customer box is expected to hold (§4.3.2): a–d always, e only for catering
 * (duct and pest-control records); f work-contact letters and g other are kept when they exist.
 */
export function expectedCategories(owner: Pick<OwnerRow, 'businessType'> | null): Set<string> {
  return new Set(owner?.businessType === 'catering' ? ['a', 'b', 'c', 'd', 'e'] : ['a', 'b', 'c', 'd']);
}

export function checklistFor(box: Pick<BoxRow, 'kind'>, owner: OwnerRow | null, categories: string[]): ChecklistItem[] | null {
  if (box.kind !== 'tenant' && box.kind !== 'customer') return null;
  const expected = expectedCategories(owner);
  return DOC_CATEGORIES.map((category) => ({
    category,
    expected: expected.has(category),
    count: categories.filter((c) => c === category).length,
  }));
}
