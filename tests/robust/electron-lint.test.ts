import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

/**
 * @doyensec/electronegativity over the Electron code and the page it loads (the CSP lives in
 * renderer/index.html): any finding above LOW fails, except the checks excluded below, each with
 * the reason it does not apply.
 */
const ROOT = resolve(__dirname, '../..');
const EXCLUDED: Record<string, string> = {
  // PRELOAD_JS_CHECK, "Review the use of preload scripts": reviewed; preload.test.ts proves it exposes exactly one
  // function per contract call and nothing of ipcRenderer, under contextIsolation and sandbox.
  PreloadJSCheck: 'reviewed and tested in tests/robust/preload.test.ts',
};

describe('electronegativity', () => {
  it('finds nothing above LOW in electron/ and renderer/index.html', { timeout: 180_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'archive-lint-'));
    try {
      mkdirSync(join(work, 'src', 'renderer'), { recursive: true });
      cpSync(join(ROOT, 'electron'), join(work, 'src', 'electron'), { recursive: true });
      cpSync(join(ROOT, 'renderer', 'index.html'), join(work, 'src', 'renderer', 'index.html'));
      const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
      const out = join(work, 'report.csv');
      // -e: the version cannot be detected from a source folder; -s medium: LOW findings are allowed.
      execFileSync(process.execPath, [join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', join(work, 'src'), '-o', out, '-r', '-v', 'false', '-e', electronVersion, '-s', 'medium', '-x', Object.keys(EXCLUDED).join(',')], {
        stdio: 'pipe',
        timeout: 170_000,
      });
      const report = Papa.parse<string[]>(readFileSync(out, 'utf8').trim(), { skipEmptyLines: true }).data;
      expect(report[0].map((h) => h.trim()).slice(0, 5)).toEqual(['issue', 'severity', 'confidence', 'filename', 'location']);
      // The global checks (CSP) ignore -s, so severity is filtered here as well.
      const aboveLow = report.slice(1).filter((row) => row[1].trim().toUpperCase() !== 'LOW');
      expect(aboveLow.map(([issue, severity, , file, at]) => `${issue} ${severity} ${file}:${at}`)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
