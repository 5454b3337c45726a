import { BoxCustody, BoxHoldAction } from '../features/custody/BoxCustody';
import { BoxHoldTag } from '../features/custody/BoxHoldTag';
import { BoxLoans } from '../features/lending/BoxLoans';
import type { BoxPanels } from '../ui/box-panels';

/** The box page shows what lending and custody know of the box. */
export const BOX_PANELS: BoxPanels = {
  tags: { hold: BoxHoldTag },
  actions: { hold: BoxHoldAction },
  side: { loans: BoxLoans, custody: BoxCustody },
};
