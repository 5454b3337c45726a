// `npm run soak`: the long version of the crash and hostile-input tests — 1,000 SIGKILLs on one
// archive and 2,000 generated payloads per IPC call (override with CRASH_KILLS / FUZZ_RUNS).
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, CRASH_KILLS: process.env.CRASH_KILLS ?? '1000', FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000' };
const result = spawnSync(npx, ['vitest', 'run', 'tests/robust/crash.test.ts', 'tests/robust/fuzz.test.ts'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
