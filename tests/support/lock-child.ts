// One of many starts on the same data folder (tests/instance-lock-race.test.ts): says "ready",
// waits for "go" on stdin so all of them try at the same moment, then tries the lock, says
// whether it got it, and holds it a moment before dying without releasing it (the next round
// finds it stale). argv: dataDir.
import { acquireLock } from '../../electron/server/instance-lock';

const [dataDir] = process.argv.slice(2) as [string];
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  const lock = acquireLock(dataDir);
  process.stdout.write(lock.acquired ? 'acquired\n' : `refused ${lock.holder.pid}\n`);
  setTimeout(() => process.exit(0), lock.acquired ? 1500 : 0);
});
