import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditRow } from '../../../db/schema';
import type { AuditVerification } from '../../core/contract/audit';
import { entryHash, GENESIS_HASH } from './audit';
import { startWorker } from './worker-start';

/** One stretch of the chain by sequence number: after < seq ≤ upTo. */
export interface ChainRange {
  after: number;
  upTo: number;
}

export const WHOLE_CHAIN: ChainRange = { after: -Number.MAX_SAFE_INTEGER, upTo: Number.MAX_SAFE_INTEGER };

/**
 * What one stretch says of itself. Its first entry's number and link can only be judged against the
 * stretch before it, so they are reported, not checked; everything after them is checked here.
 */
export interface RangeResult {
  first: { seq: number; prevHash: string } | null;
  /** Null when the stretch is empty or broken. */
  last: { seq: number; hash: string } | null;
  broken: { brokenAt: number; reason: 'hash' | 'link' | 'sequence' } | null;
}

/**
 * SQLite builds each entry's hashed text (prevHash + the JSON array entryHash makes) in C and hands
 * it over as bytes: building it in JS (row objects, JSON.stringify re-escaping `changes`, UTF-8
 * encoding for the hash) was over half of the per-entry cost. entryHash stays the definition: an
 * entry whose SQLite-built text does not hash to its stored hash is judged by entryHash itself, so
 * a difference between the two JSON encoders can only cost time, never a wrong verdict. (JSON has
 * no bytes: SQLite refuses a BLOB, which only a tampered entry can hold, so entryHash judges those.)
 */
const RANGE_SQL = `SELECT seq, prev_hash, hash,
    CASE WHEN 'blob' NOT IN (typeof(at), typeof(actor_id), typeof(actor_name), typeof(action), typeof(entity), typeof(entity_id), typeof(box_code), typeof(changes),
      typeof(client_address), typeof(client_name))
    THEN CAST(prev_hash || CASE WHEN client_address IS NULL AND client_name IS NULL
      THEN json_array(seq, at, actor_id, actor_name, action, entity, entity_id, box_code, changes)
      ELSE json_array(seq, at, actor_id, actor_name, action, entity, entity_id, box_code, changes, client_address, client_name) END AS BLOB) END
  FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`;
/** One entry with the fields entryHash reads. */
export const AUDIT_ROW_SQL = `SELECT seq, at, actor_id AS actorId, actor_name AS actorName, action, entity, entity_id AS entityId,
  box_code AS boxCode, changes, client_address AS clientAddress, client_name AS clientName, prev_hash AS prevHash, hash FROM audit_log WHERE seq = ?`;

type RangeRow = [seq: number, prevHash: string, hash: string, content: Buffer | null];

/** A stretch's worker says how many entries it has checked every this many. */
export const CHECKED_EVERY = 100_000;

export function verifyRange(sqlite: Database.Database, range: ChainRange, onChecked?: (checked: number) => void, checkedEvery = CHECKED_EVERY): RangeResult {
  const rowOf = sqlite.prepare(AUDIT_ROW_SQL);
  const hashMatches = (seq: number, content: Buffer | null, stored: string) =>
    (content !== null && hash('sha256', content) === stored) || entryHash(rowOf.get(seq) as AuditRow) === stored;
  let first: RangeResult['first'] = null;
  let lastSeq = 0;
  let lastHash = '';
  let checked = 0;
  for (const [seq, prevHash, stored, content] of sqlite.prepare(RANGE_SQL).raw(true).iterate(range.after, range.upTo) as IterableIterator<RangeRow>) {
    if (first === null) first = { seq, prevHash };
    else if (seq !== lastSeq + 1) return { first, last: null, broken: { brokenAt: lastSeq + 1, reason: 'sequence' } };
    else if (prevHash !== lastHash) return { first, last: null, broken: { brokenAt: seq, reason: 'link' } };
    if (!hashMatches(seq, content, stored)) return { first, last: null, broken: { brokenAt: seq, reason: 'hash' } };
    lastSeq = seq;
    lastHash = stored;
    if (++checked % checkedEvery === 0) onChecked?.(checked);
  }
  return { first, last: first ? { seq: lastSeq, hash: lastHash } : null, broken: null };
}

/**
 * Joins stretches in order into the whole chain's verdict, the first break winning, judged in the
 * order of a single walk: an entry's number, then its link, then its hash.
 */
export function joinRanges(results: RangeResult[]): AuditVerification {
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  for (const r of results) {
    if (!r.first) continue;
    if (r.first.seq !== lastSeq + 1) return { intact: false, entries: lastSeq, brokenAt: lastSeq + 1, reason: 'sequence' };
    if (r.first.prevHash !== lastHash) return { intact: false, entries: lastSeq, brokenAt: r.first.seq, reason: 'link' };
    if (r.broken) return { intact: false, entries: r.broken.brokenAt - 1, ...r.broken };
    ({ seq: lastSeq, hash: lastHash } = r.last!);
  }
  return { intact: true, entries: lastSeq, headHash: lastHash };
}

/** Walks the whole chain in this thread. */
export function verifyChainInThread(sqlite: Database.Database): AuditVerification {
  return joinRanges([verifyRange(sqlite, WHOLE_CHAIN)]);
}

/** How a worker opens its own read-only connection to the same file. */
export interface ChainSource {
  file: string;
  keyHex: string | null;
  nativeBinding?: string;
}

export interface ChainWorkerData {
  source: ChainSource;
  range: ChainRange;
  /** How often it tells its count (a test's short chain, a smaller number). */
  checkedEvery?: number;
}

/** A stretch's worker tells how many entries it has checked, then its result. */
export type ChainWorkerMessage = { type: 'checked'; checked: number } | { type: 'result'; result: RangeResult };

/** Below this many entries a worker's start (~50 ms, a connection, a module load) costs more than it saves. */
export const PARALLEL_MIN_ENTRIES = 200_000;

/** One stretch checked in a worker thread; `started` collects the worker, for a failure elsewhere to stop it. */
export function verifyRangeInWorker(
  data: ChainWorkerData,
  started: Worker[] = [],
  onChecked: (checked: number) => void = () => undefined,
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('audit-chain-worker', { workerData: data });
    started.push(worker);
    worker.on('message', (message: ChainWorkerMessage) => (message.type === 'checked' ? onChecked(message.checked) : resolve(message.result)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`audit chain worker exited with ${code}`)));
  });
}

/** Stretches of equal length by number; the last is open-ended, the first takes anything below 1. */
export function splitChain(head: number, parts: number): ChainRange[] {
  const cuts = Array.from({ length: parts - 1 }, (_, i) => Math.floor((head * (i + 1)) / parts));
  const bounds = [WHOLE_CHAIN.after, ...cuts, WHOLE_CHAIN.upTo];
  return bounds.slice(1).map((upTo, i) => ({ after: bounds[i], upTo }));
}

/**
 * The whole chain, split by sequence number across one worker thread per core, each with its own
 * read-only connection; the stretches are joined at their boundaries. A short chain, or one worker
 * failing to start or to finish, is walked in this thread instead (which reports a real read error).
 */
export async function verifyChainParallel(
  sqlite: Database.Database,
  source: ChainSource,
  options: { workers?: number; minEntries?: number; onProgress?: (checked: number, total: number) => void; checkedEvery?: number } = {},
): Promise<AuditVerification> {
  const head = (sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  const workers = options.workers ?? Math.min(2, availableParallelism());
  if (workers < 2 || head < (options.minEntries ?? PARALLEL_MIN_ENTRIES)) return verifyChainInThread(sqlite);
  const started: Worker[] = [];
  try {
    const ranges = splitChain(head, workers);
    const checked = ranges.map(() => 0);
    const onChecked = (i: number) => (n: number) => {
      checked[i] = n;
      options.onProgress?.(
        checked.reduce((a, b) => a + b, 0),
        head,
      );
    };
    return joinRanges(
      await Promise.all(ranges.map((range, i) => verifyRangeInWorker({ source, range, checkedEvery: options.checkedEvery }, started, onChecked(i)))),
    );
  } catch (err) {
    // Said in the log: a packaged app whose worker bundle will not load is slower, never wrong.
    console.warn(`audit chain: worker threads failed (${String(err).split('\n')[0]}); verifying in one thread`);
    await Promise.all(started.map((w) => w.terminate()));
    return verifyChainInThread(sqlite);
  }
}
