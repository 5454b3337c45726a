import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The renderer never turns a string into markup: React escapes everything it renders, and none of
 * the ways around that appear in renderer/. A use that is truly needed must be added here with a
 * reason and shown to take no user data.
 */
const ROOT = resolve(__dirname, '../..');
const BYPASSES = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|new Function\(|\beval\(/;
const ALLOWED: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(tsx?|jsx?|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('markup from strings', () => {
  it('appears nowhere in the renderer', () => {
    const files = sources(join(ROOT, 'renderer'));
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${relative(ROOT, file)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => BYPASSES.test(line)),
    );
    expect(hits.filter((h) => !(h.at.split(':')[0] in ALLOWED))).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    for (const line of [
      '<div dangerouslySetInnerHTML={{ __html: name }} />',
      'el.innerHTML = note',
      "el.insertAdjacentHTML('beforeend', x)",
      'document.write(x)',
    ])
      expect(BYPASSES.test(line)).toBe(true);
    expect(BYPASSES.test('el.textContent = note')).toBe(false);
  });
});
