import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** The import rule of docs/architecture.md, run as `npm test` runs it, over the given folders. */
function violations(cwd: string, folders: string[]): Violation[] {
  let out: string;
  try {
    out = execFileSync(BIN, [...folders, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    // depcruise exits non-zero when it finds errors; its report is still on stdout.
    out = (err as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the import rule', () => {
  it('holds for the whole tree', () => {
    expect(violations(ROOT, ['electron', 'db', 'renderer'])).toEqual([]);
  });

  it('catches each kind of wrong import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archive-desk-layers-'));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      file('tsconfig.json', '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler" } }');
      file('db/schema.ts', 'export type Row = { id: number };\nexport const table = 1;\n');
      file('db/connection.ts', "import { x } from '../electron/server/runtime';\nexport const db = x;\n");
      file('electron/core/enums.ts', 'export const ROLES = [];\n');
      file('electron/core/rows.ts', "export type { Row } from '../../db/schema';\n");
      file(
        'electron/core/contract/index.ts',
        "import { table } from '../../../db/schema';\nimport { db } from '../../../db/connection';\nexport const contract = [table, db];\n",
      );
      file('electron/core/contract/call-names.ts', 'export const CALL_NAMES = [];\n');
      file('electron/core/paths.ts', "import { join } from 'node:path';\nexport const p = join('a');\n");
      file('electron/server/runtime.ts', "import { shell } from '../shells/web/main';\nexport const x = shell;\n");
      file('electron/server/net.ts', "import { createServer } from 'node:http';\nexport const s = createServer;\n");
      file('electron/server/handlers/types.ts', 'export type Ctx = { id: number };\n');
      file('electron/server/services/boxes.ts', "import type { Ctx } from '../handlers/types';\nexport const f = (c: Ctx) => c;\n");
      file('electron/shells/web/main.ts', "import { App } from '../../../renderer/app/App';\nexport const shell = App;\n");
      file(
        'electron/shells/electron/preload.ts',
        "import { contract } from '../../core/contract';\nimport { CALL_NAMES } from '../../core/contract/call-names';\nexport const b = [contract, CALL_NAMES];\n",
      );
      file('renderer/app/App.ts', "import { a } from '../features/a/page';\nexport const App = a;\n");
      file('renderer/ui/kit.ts', "import { a } from '../features/a/page';\nimport { App } from '../app/App';\nexport const kit = [a, App];\n");
      file(
        'renderer/features/a/page.ts',
        "import { b } from '../b/page';\nimport { own } from './own';\nimport { App } from '../../app/App';\nimport type { Row } from '../../../db/schema';\nimport { readFileSync } from 'node:fs';\nimport type { Row as R } from '../../../electron/core/rows';\nexport const a = [b, own, App, readFileSync];\nexport type T = [Row, R];\n",
      );
      file('renderer/features/a/own.ts', 'export const own = 1;\n');
      file('renderer/features/b/page.ts', 'export const b = 1;\n');

      const found = violations(dir, ['electron', 'db', 'renderer']).map((v) => `${v.rule}: ${v.from} → ${v.to}`);
      expect(found.sort()).toEqual(
        [
          'core-is-a-leaf: electron/core/contract/index.ts → db/connection.ts',
          'core-takes-only-types-from-db: electron/core/contract/index.ts → db/connection.ts',
          'core-takes-only-types-from-db: electron/core/contract/index.ts → db/schema.ts',
          'core-is-a-leaf: electron/core/paths.ts → path',
          'renderer-without-node: electron/core/paths.ts → path',
          'db-below-server: db/connection.ts → electron/server/runtime.ts',
          'server-below-shells: electron/server/runtime.ts → electron/shells/web/main.ts',
          'server-without-electron-or-http: electron/server/net.ts → http',
          'services-below-handlers: electron/server/services/boxes.ts → electron/server/handlers/types.ts',
          'shells-not-renderer: electron/shells/web/main.ts → renderer/app/App.ts',
          'preload-knows-only-call-names: electron/shells/electron/preload.ts → electron/core/contract/index.ts',
          'ui-is-shared: renderer/ui/kit.ts → renderer/features/a/page.ts',
          'ui-is-shared: renderer/ui/kit.ts → renderer/app/App.ts',
          'features-stand-alone: renderer/features/a/page.ts → renderer/features/b/page.ts',
          'features-below-app: renderer/features/a/page.ts → renderer/app/App.ts',
          'renderer-only-through-core: renderer/features/a/page.ts → db/schema.ts',
          'renderer-without-node: renderer/features/a/page.ts → fs',
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
