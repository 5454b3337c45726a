// `npm run seed -- --boxes 100000 [--loans 1000000] [--seed 1] [--data .data/seed]`: a realistic
// encrypted archive, deterministic from the seed number. Setup and the accounts go through the
// app's own code (so the app opens the result as its own); the decade of boxes, loans, custody
// (transfers, holds, destructions, inspections) and audit entries goes through the bulk path (seed-bulk.ts). Open it with `npm run web -- --data <folder>`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEED_PASSPHRASE, SEED_PASSWORD, seedArchiveInto } from './seed-archive';

const { values } = parseArgs({
  options: {
    boxes: { type: 'string', default: '2000' },
    loans: { type: 'string' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: '.data/seed' },
  },
});
const BOXES = Number(values.boxes);
/** Ten loans per box over the decade by default: 1,000,000 for 100,000 boxes. */
const LOANS = values.loans === undefined ? BOXES * 10 : Number(values.loans);

async function main(): Promise<void> {
  const dataDir = resolve(values.data);
  const started = Date.now();
  const counts = await seedArchiveInto({
    dataDir,
    boxes: BOXES,
    loans: LOANS,
    seed: Number(values.seed),
    progress: (line) => process.stdout.write(`\r${line}      `),
  });
  console.log(`\nSeeded in ${((Date.now() - started) / 1000).toFixed(1)} s into ${dataDir}: ${JSON.stringify(counts)}`);
  console.log(`Accounts: admin, custodian, clerk, manager, auditor — password ${SEED_PASSWORD}; recovery passphrase ${SEED_PASSPHRASE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
