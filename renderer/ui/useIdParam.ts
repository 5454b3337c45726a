import { useParams } from 'react-router';

/** The route's :id as a row id, or null when the address holds something else. */
export function useIdParam(): number | null {
  const { id } = useParams();
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
