import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { boxes, codeCounters, type BOX_KINDS } from '../../db/schema';
import type { Settings } from '../contract/app';
import { AppError } from '../contract/errors';

type Kind = (typeof BOX_KINDS)[number];
const SEQUENCE = /\{(#+)\}/;

/** The pattern with everything but the sequence filled in: the key of its counter. */
function stem(settings: Settings, kind: Kind, today: Date): { stem: string; width: number } {
  const match = SEQUENCE.exec(settings.codePattern);
  if (!match) throw new AppError('CODE_PATTERN_INVALID');
  const year = String(today.getFullYear());
  const filled = settings.codePattern
    .replaceAll('{KIND}', settings.kindPrefixes[kind])
    .replaceAll('{YYYY}', year)
    .replaceAll('{YY}', year.slice(2));
  return { stem: filled.toUpperCase(), width: match[1].length };
}

const render = (s: { stem: string; width: number }, n: number) => s.stem.replace(SEQUENCE, String(n).padStart(s.width, '0'));

const codeTaken = (tx: Db, code: string) => tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.code, code)).get() !== undefined;

/** Next free code for a kind, skipping codes typed in by hand or imported. */
function nextFree(tx: Db, settings: Settings, kind: Kind, today: Date): { key: string; n: number; code: string } {
  const s = stem(settings, kind, today);
  let n = tx.select().from(codeCounters).where(eq(codeCounters.prefix, s.stem)).get()?.last ?? 0;
  let code: string;
  do code = render(s, ++n);
  while (codeTaken(tx, code));
  return { key: s.stem, n, code };
}

export function previewCode(db: Db, settings: Settings, kind: Kind, today = new Date()): string {
  return nextFree(db, settings, kind, today).code;
}

/** Takes the next code and advances the counter; call inside the creating transaction. */
export function takeCode(tx: Db, settings: Settings, kind: Kind, today = new Date()): string {
  const next = nextFree(tx, settings, kind, today);
  tx.insert(codeCounters).values({ prefix: next.key, last: next.n }).onConflictDoUpdate({ target: codeCounters.prefix, set: { last: next.n } }).run();
  return next.code;
}
