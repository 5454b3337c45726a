import { Link } from 'react-router';
import type { Borrower } from '../../../electron/core/contract/loans';
import { lendingPaths } from './paths';

/** The borrower's name, opening every loan of theirs; inside a clickable row it opens only the history. */
export function BorrowerLink({ borrower }: { borrower: Borrower }) {
  return (
    <Link to={lendingPaths.borrower(borrower)} onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      {borrower.name}
    </Link>
  );
}
