import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

describe('the code style', () => {
  it('is what biome.jsonc says: formatted, and no lint finding, not even a warning', () => {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['ci', '.', '--colors=off', '--error-on-warnings'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // `npm run format` fixes formatting; `npm run lint` lists the findings.
    expect({ status: run.status, errors: run.status === 0 ? '' : run.stdout + run.stderr }).toEqual({ status: 0, errors: '' });
  });
});
