import fc from 'fast-check';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '../../electron/core/enums';
import { callNames, contract, type CallName } from '../../electron/core/contract';
import { ERROR_CODES, type AppErrorPayload, type Result } from '../../electron/core/contract/errors';
import { createTestApp, type TestApp } from '../support/app';
import { auditRows, createBox, createOwner, snapshot, validDocumentInput, validLoanInput, validPayloads } from '../support/fixtures';

/**
 * Hostile input, property-based: every IPC call gets FUZZ_RUNS generated payloads (200 by default,
 * a quarter of it for the document-making calls; npm run soak raises it) from a caller its
 * contract allows. Whatever arrives, the answer is a
 * result — a value or one of the typed error codes, never INTERNAL — and a refused call leaves
 * the database exactly as it was.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * A quarter of that for the calls that make a document: each accepted payload prints a PDF in
 * Chromium or writes a workbook (0.1–0.3 s), and the refusals, not the documents, are what is fuzzed.
 */
const runsFor = (name: CallName) => (/-(pdf|export)$/.test(name) ? Math.ceil(RUNS / 4) : RUNS);

const SQL_LIKE = [
  "' OR 1=1 --",
  "'; DROP TABLE boxes; --",
  '" OR ""="',
  '1; DELETE FROM audit_log',
  "x') UNION SELECT password_hash FROM users --",
  "'; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
  "%' AND 1=1 AND '%'='",
  "ZH-2026-0001' OR '1'='1",
  'boxes_fts MATCH "*"',
  "\"; PRAGMA key=''; --",
];
const MARKUP_AND_TRICKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '%s%n%x',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  '\u202eevil\u202c',
  '\uD800',
  '\uFEFF',
  '档案\u0000前台',
  '   ',
  '',
];

const controlChars = fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u2028', '\u200b'), maxLength: 30 });
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...SQL_LIKE, ...MARKUP_AND_TRICKS),
  controlChars,
  // Huge: past every field's cap, in two- and four-byte characters.
  fc.integer({ min: 201, max: 200_000 }).map((n) => '档'.repeat(n)),
  fc.integer({ min: 100, max: 50_000 }).map((n) => '😀'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: -3, max: 5 }),
  fc.double(),
  fc.constantFrom(-1, 0, -0, 0.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity),
);
const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty');
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}),
  fc.bigInt(),
  fc.anything({
    key: fc.oneof(fc.string(), pollutingKey),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    maxDepth: 3,
  }),
);

type Path = (string | number)[];

/** Every position in a payload: leaves and the objects and arrays above them. */
function positions(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  const inner = Object.entries(value).flatMap(([key, v]) => positions(v, [...path, Array.isArray(value) ? Number(key) : key]));
  return [...(path.length ? [{ path, value }] : []), ...inner];
}

/** A deep copy with the value at `path` replaced (undefined deletes it); a defined own property even for "__proto__". */
function setAt(root: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0 && remove) delete copy[head];
  else Object.defineProperty(copy, head, { value: setAt(copy[head], rest, next), enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation = (payload: unknown) => unknown;

/** Stray keys go on plain objects only: on an array they never cross the wire, and "length" cannot be redefined. */
const isRecord = (p: unknown): p is object => p !== null && typeof p === 'object' && !Array.isArray(p);

/** One change to the call's valid payload: type-preserving ones reach the handlers, the rest test the parsing. */
function mutation(valid: unknown): fc.Arbitrary<Mutation> {
  const spots = positions(valid);
  const anySpot = spots.length ? fc.constantFrom(...spots) : fc.constant({ path: [] as Path, value: valid });
  const strings = spots.filter((s) => typeof s.value === 'string');
  const numbers = spots.filter((s) => typeof s.value === 'number');
  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(anySpot, hostileValue).map(
      ([spot, v]) =>
        (p: unknown) =>
          setAt(p, spot.path, v),
    ),
    anySpot.map((spot) => (p: unknown) => setAt(p, spot.path, undefined, true)),
    fc.tuple(pollutingKey, hostileValue).map(
      ([key, v]) =>
        (p: unknown) =>
          isRecord(p) ? setAt(p, [key], v) : p,
    ),
    fc.tuple(fc.string({ maxLength: 12 }), hostileValue).map(
      ([key, v]) =>
        (p: unknown) =>
          isRecord(p) ? setAt(p, [key], v) : p,
    ),
  ];
  if (strings.length)
    options.push(
      fc.tuple(fc.constantFrom(...strings), hostileString).map(
        ([spot, v]) =>
          (p: unknown) =>
            setAt(p, spot.path, v),
      ),
    );
  if (numbers.length)
    options.push(
      fc.tuple(fc.constantFrom(...numbers), hostileNumber).map(
        ([spot, v]) =>
          (p: unknown) =>
            setAt(p, spot.path, v),
      ),
    );
  return fc.oneof(...options);
}

function payloadFor(name: CallName): fc.Arbitrary<unknown> {
  const valid: unknown = validPayloads[name];
  return fc.oneof(
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 6, arbitrary: fc.array(mutation(valid), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((p, m) => m(p), valid)) },
  );
}

/** Refusals whose whole point is a record: a failed sign-in (or a wrong current password) is counted and audited. */
const RECORDED_REFUSALS = new Set(['BAD_CREDENTIALS', 'ACCOUNT_LOCKED']);
const RECORDED_ACTIONS = new Set(['login-failed', 'account-locked']);
const isRecorded = (error: AppErrorPayload) => RECORDED_REFUSALS.has(error.code) || (error.issues ?? []).some((i) => i.message === 'v.currentPasswordWrong');

const roleFor = (name: CallName): Role => {
  const access = contract[name].access;
  return typeof access === 'string' ? 'admin' : access[0];
};

let template: TestApp;
const tried: Record<string, { runs: number; ok: number; refused: Record<string, number> }> = {};

/** A set-up archive with every role's account, an owner, a tenant box with a document, and a requested loan. */
beforeAll(async () => {
  template = await createTestApp();
  for (const role of ROLES) await template.as(role);
  const custodian = await template.as('custodian');
  const ownerId = await createOwner(template);
  const box = await createBox(template, { kind: 'tenant', ownerId, title: '万达影城租户档案' });
  await template.ok('box-document-add', validDocumentInput(box.id), custodian);
  await template.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true }), await template.as('clerk'));
  template.runtime.close();
}, 120_000);
afterAll(() => {
  template.close();
  console.info(`fuzz: ${RUNS} payloads per call over ${Object.keys(tried).length} calls`, JSON.stringify(tried));
});

/** A copy of the template, signed in as the given role. */
async function appAs(role: Role) {
  const app = await createTestApp({ setup: false });
  cpSync(join(template.dir, 'data'), join(app.dir, 'data'), { recursive: true });
  cpSync(join(template.dir, 'machine.key'), join(app.dir, 'machine.key'));
  if (app.runtime.start().state !== 'ready') throw new Error('the fuzz archive did not open');
  const { id } = app.runtime.requireDb().$client.prepare('SELECT id FROM users WHERE username = ?').get(role) as { id: number };
  // Straight into the session store: no password to go stale under a generated change or reset, no write.
  const login = () => app.runtime.sessions.open(id);
  return { app, login };
}

/**
 * Rows written on the app's connection (rolled-back ones too) and commits by any other: while
 * neither moves, nothing can have changed, and the full snapshot (the slow part) is not needed.
 */
function writes(db: ReturnType<TestApp['runtime']['requireDb']>): string {
  const sqlite = db.$client;
  return `${sqlite.prepare('SELECT total_changes()').pluck().get()}:${sqlite.pragma('data_version', { simple: true })}`;
}

function pollutedPrototypes(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((proto) =>
    Object.getOwnPropertyNames(proto).filter((k) => k.includes('polluted') || k === 'role' || k === 'isAdmin'),
  );
}

describe('generated payloads against every call', () => {
  it('covers every call in the contract', () => {
    expect(callNames.length).toBeGreaterThan(40);
  });

  it.each(callNames)('%s: a result for every payload, never INTERNAL; refused calls change nothing', { timeout: 60_000 + RUNS * 600 }, async (name) => {
    const { app, login } = await appAs(roleFor(name));
    let handle = login();
    const db = app.runtime.requireDb();
    let before = snapshot(db);
    let seen = writes(db);
    const stats = { runs: 0, ok: 0, refused: {} as Record<string, number> };
    try {
      await fc.assert(
        fc.asyncProperty(payloadFor(name), async (payload) => {
          stats.runs += 1;
          const result: Result<unknown> = await app.dispatch({ name, payload, handle });
          // Whatever comes back must cross either shell: structured clone (Electron IPC) and JSON (web shell).
          expect(() => structuredClone(result)).not.toThrow();
          expect(typeof JSON.stringify(result)).toBe('string');
          const written = writes(db);
          const unchanged = written === seen;
          seen = written;
          if (result.ok) {
            stats.ok += 1;
            if (!unchanged) before = snapshot(db);
          } else {
            const { code } = result.error;
            stats.refused[code] = (stats.refused[code] ?? 0) + 1;
            expect(ERROR_CODES).toContain(code);
            expect(code).not.toBe('INTERNAL');
            const after = unchanged ? before : snapshot(db);
            if (isRecorded(result.error)) {
              expect(
                auditRows(db)
                  .slice(before.auditLength)
                  .every((e) => RECORDED_ACTIONS.has(e.action)),
              ).toBe(true);
            } else {
              expect(after).toEqual(before);
            }
            before = after;
          }
          expect(pollutedPrototypes()).toEqual([]);
          // A logout, a password change or a disabled account ends the session: sign in again.
          if (name.startsWith('session-') || name.startsWith('user-')) {
            const me = await app.call('session-current', {}, handle);
            if (!me.ok || me.value === null) {
              handle = login();
            }
          }
        }),
        { numRuns: runsFor(name), endOnFailure: true },
      );
    } finally {
      tried[name] = stats;
      app.close();
    }
    expect(stats.runs).toBeGreaterThanOrEqual(runsFor(name));
  });
});

describe('found by the fuzzer', () => {
  it('a NUL or other control character in a search is a separator, not an FTS syntax error', async () => {
    const { app, login } = await appAs('custodian');
    try {
      const handle = login();
      for (const query of ['\u0000', 'a\u0000b', '\u0000 \r \u0000\n\t\u0000', '万达\u0000影城', '\u001b[31m']) {
        const result = await app.call('box-list', { query }, handle);
        expect({ query, ok: result.ok }).toEqual({ query, ok: true });
      }
      expect((await app.ok('box-list', { query: '万达\u0000影城' }, handle)).rows.map((r) => r.title)).toEqual(['万达影城租户档案']);
    } finally {
      app.close();
    }
  });
});
