// One stretch of the audit chain, checked in a worker thread over its own read-only connection
// (see verifyChainParallel). Bundled on its own beside each shell's main bundle.
import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from '../../../db/connection';
import { verifyRange, type ChainWorkerData, type ChainWorkerMessage } from './audit-chain';

const { source, range, checkedEvery } = workerData as ChainWorkerData;
const sqlite = new Database(source.file, { readonly: true, fileMustExist: true, ...(source.nativeBinding ? { nativeBinding: source.nativeBinding } : {}) });
try {
  if (source.keyHex !== null) applyKey(sqlite, source.keyHex);
  const send = (message: ChainWorkerMessage) => parentPort!.postMessage(message);
  send({ type: 'result', result: verifyRange(sqlite, range, (checked) => send({ type: 'checked', checked }), checkedEvery) });
} finally {
  sqlite.close();
}
