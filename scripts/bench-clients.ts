// `npm run bench -- --clients 20 [--calls 6000]`: issue #15's load figure. The built web shell
// serves the cached bench archive in host mode on 127.0.0.2 over real TLS; N simulated desks,
// each with its own session and keep-alive connection, do a day's mixed work for a fixed number
// of calls: searches, box pages, scans, and loans carried from request through approval and
// hand-out to return. Latencies are taken at the desk, per call kind, beside the same mix done
// by one desk alone. Afterwards the chain is verified and every loan the desks made is counted.
import { readFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/connection';
import type { BenchData } from './bench-data';
import { MIGRATIONS } from './bench-data';
import { startBuiltShell } from './bench-shell';
import { quantile } from './bench-stats';
import { SEED_PASSWORD as PASSWORD } from './seed-archive';

const HOST = '127.0.0.2';
const OWN_PASSWORD = 'Archive-Desk-2026-bench';
const QUERIES = ['有限公司', '租户档案', '海底捞', '上海星巴克', 'ZH-2020', '王', '万达', '二号档案室', '茶', '人事档案'];
/** The calls a desk waits on while someone stands at it. */
export const INTERACTIVE = [
  'box-list',
  'box-get',
  'box-find-by-code',
  'loan-get',
  'loan-list',
  'loan-dashboard',
  'loan-request',
  'loan-decide',
  'loan-hand-out',
  'loan-return',
  'inspection-scan',
  'inspection-check',
] as const;
type Kind = (typeof INTERACTIVE)[number];

interface Host {
  origin: string;
  ca: string;
  stop(): Promise<void>;
}

/** The built web shell with `--lan`: it prints the address; its certificate is the desks' only trust. */
async function startHost(dataDir: string): Promise<Host> {
  const shell = await startBuiltShell(dataDir, ['--lan', `${HOST}:0`], /Host: (https:\/\/[^\s/]+)\//, 120_000);
  return { origin: shell.address, ca: readFileSync(join(dataDir, 'host-cert.pem'), 'utf8'), stop: shell.stop };
}

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; params?: unknown } };

/** One desk: its own TLS connection (kept alive, verified against the host's certificate) and session. */
class Desk {
  handle: string | null = null;
  /** The 'changed' events its live stream brought (what makes the other desks' screens follow). */
  pushes = 0;
  private readonly agent: Agent;
  private stream: ClientRequest | null = null;

  constructor(
    private readonly host: Host,
    readonly name: string,
    /** Each desk its own address (127.0.1.n), as PCs of an office are: per-address limits apply per desk. */
    private readonly localAddress?: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, ca: host.ca, localAddress });
  }

  /** Opens the live update stream a signed-in desk keeps, as the renderer does; resolves once it answers. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = request(new URL('/api/events', this.host.origin), {
        ca: this.host.ca,
        agent: false,
        localAddress: this.localAddress,
        headers: { 'x-archive-session': this.handle ?? '' },
      });
      req.on('response', (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${this.name}: the live stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (text: string) => (this.pushes += text.split('event: changed').length - 1));
        resolve();
      });
      req.on('error', (err) => (this.stream ? undefined : reject(err)));
      req.end();
      this.stream = req;
    });
  }

  /**
   * A call, sent again once if the kept-alive connection it went out on had just been closed by
   * the host (its idle timeout racing the request): browsers do the same (Node: `reusedSocket`).
   */
  async call(name: string, payload: unknown): Promise<Answer> {
    try {
      return await this.send(name, payload);
    } catch (err) {
      if ((err as { reused?: boolean }).reused) return this.send(name, payload);
      throw err;
    }
  }

  private send(name: string, payload: unknown): Promise<Answer> {
    const body = JSON.stringify({ payload });
    const url = new URL(`/api/${name}`, this.host.origin);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-archive-desk': encodeURIComponent(this.name),
            ...(this.handle ? { 'x-archive-session': this.handle } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer);
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => reject(Object.assign(err, { reused: req.reusedSocket && err.code === 'ECONNRESET' })));
      req.end(body);
    });
  }

  async signIn(username: string): Promise<void> {
    const answer = await this.call('session-login', { username, password: OWN_PASSWORD });
    if (!answer.ok) throw new Error(`${this.name}: sign-in as ${username} refused: ${answer.error.code}`);
    this.handle = answer.value.handle as string;
  }

  close(): void {
    this.stream?.destroy();
    this.agent.destroy();
  }
}

/** Signs `desk` in, choosing the own password at a first sign-in as a person would; false if refused. */
async function signInOnce(desk: Desk, username: string): Promise<boolean> {
  for (const password of [OWN_PASSWORD, PASSWORD]) {
    const answer = await desk.call('session-login', { username, password });
    if (!answer.ok) continue;
    desk.handle = answer.value.handle as string;
    if ((answer.value.user as { mustChangePassword?: boolean }).mustChangePassword) {
      const changed = await desk.call('session-change-password', { current: password, next: OWN_PASSWORD, nextConfirm: OWN_PASSWORD });
      if (!changed.ok) throw new Error(`password change for ${username} refused: ${changed.error.code}`);
    }
    return true;
  }
  return false;
}

/**
 * The desks' accounts, ready as an office's would be in the morning: the admin resets each (which
 * also lifts a lockout left by an earlier run that was cut off), and each person then signs in once
 * and chooses their own password.
 */
async function prepareAccounts(host: Host, usernames: string[]): Promise<void> {
  const admin = new Desk(host, 'bench-admin');
  if (!(await signInOnce(admin, 'admin'))) throw new Error('the bench archive refused the admin');
  const list = await admin.call('user-list', {});
  if (!list.ok) throw new Error(`user-list refused: ${list.error.code}`);
  const users = list.value as unknown as { id: number; username: string }[];
  for (const username of usernames) {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`the bench archive has no account ${username}`);
    const reset = await admin.call('user-reset-password', { id: user.id, password: PASSWORD });
    if (!reset.ok) throw new Error(`resetting ${username} refused: ${reset.error.code}`);
    const person = new Desk(host, 'bench-setup');
    if (!(await signInOnce(person, username))) throw new Error(`${username} cannot sign in after the reset`);
    await person.call('session-logout', {});
    person.close();
  }
  await admin.call('session-logout', {});
  admin.close();
}

interface Work {
  /** Boxes free to lend, taken one per request. */
  lendable: string[];
  /** Every box code, for scans and box pages. */
  codes: string[];
  maxBoxId: number;
  inspectionItems: { itemId: number; code: string }[];
  inspectionId: number;
}

/** The loans in motion between desks: a clerk's request waits for a manager, then for a clerk, then a custodian. */
class Flow {
  readonly requested: number[] = [];
  readonly approved: number[] = [];
  readonly out: number[] = [];
  made = 0;
  returned = 0;
}

interface Tally {
  latency: Map<Kind, number[]>;
  errors: { kind: string; code: string }[];
  calls: number;
  /** The mean pause a desk's person takes between two calls (0: flat out). */
  pauseMs: number;
}

/** A desk's own pauses: exponential around the mean, from a seeded generator so runs repeat. */
function pauses(meanMs: number, seed: number): () => Promise<void> {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    if (meanMs <= 0) return Promise.resolve();
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return new Promise((done) => setTimeout(done, -Math.log(1 - state / 2 ** 32) * meanMs));
  };
}

function borrower(n: number) {
  return { kind: 'person' as const, name: `测试借阅人${n % 50}`, department: '运营部', phone: '0571-88881234' };
}

/** One desk's day: what it does depends on its role; every call counts towards the fixed total. */
async function work(desk: Desk, role: 'clerk' | 'manager' | 'custodian', budget: { left: number }, data: Work, flow: Flow, tally: Tally, seed: number) {
  let n = seed;
  const pause = pauses(tally.pauseMs, seed + 1);
  const timed = async (kind: Kind, payload: unknown): Promise<Answer> => {
    budget.left--;
    tally.calls++;
    const t = performance.now();
    const answer = await desk.call(kind, payload);
    const ms = performance.now() - t;
    (tally.latency.get(kind) ?? tally.latency.set(kind, []).get(kind)!).push(ms);
    if (!answer.ok) tally.errors.push({ kind, code: answer.error.code });
    await pause();
    return answer;
  };
  while (budget.left > 0) {
    n++;
    await timed('box-list', { query: QUERIES[n % QUERIES.length], limit: 50 });
    await timed('box-get', { id: 1 + ((n * 7919) % data.maxBoxId) });
    if (role === 'clerk') {
      await timed('box-find-by-code', { code: data.codes[(n * 104729) % data.codes.length] });
      const approved = flow.approved.shift();
      if (approved !== undefined) {
        const out = await timed('loan-hand-out', { id: approved });
        if (out.ok) flow.out.push(approved);
      } else if (data.lendable.length > 0 && flow.requested.length < 40) {
        const boxCode = data.lendable.shift()!;
        const made = await timed('loan-request', {
          boxCode,
          borrower: borrower(n),
          purpose: `并发压测 ${desk.name}`,
          loanType: 'short',
          days: 3,
          copyRequested: false,
          note: '',
        });
        if (made.ok) {
          flow.made++;
          flow.requested.push(made.value.id as number);
        }
      }
    } else if (role === 'manager') {
      await timed('loan-dashboard', {});
      const id = flow.requested.shift();
      if (id !== undefined) {
        await timed('loan-get', { id });
        const decided = await timed('loan-decide', { id, approve: true, copyAllowed: false, reason: '' });
        if (decided.ok) flow.approved.push(id);
      } else await timed('loan-list', { status: 'requested', limit: 50 });
    } else {
      const id = flow.out.shift();
      if (id !== undefined) {
        const back = await timed('loan-return', {
          id,
          condition: 'intact',
          missingDocumentIds: [],
          incident: { description: '', responsible: '', followUp: '' },
        });
        if (back.ok) flow.returned++;
      }
      const item = data.inspectionItems.shift();
      if (item) {
        await timed('inspection-scan', { inspectionId: data.inspectionId, code: item.code });
        await timed('inspection-check', {
          itemId: item.itemId,
          present: true,
          complete: true,
          correctlyFiled: true,
          condition: 'good',
          note: '',
          followUpOwner: '',
        });
      }
    }
  }
}

/** Free boxes and every code, read before the host starts (the bench reads; only the host writes). */
function readWork(data: BenchData, lendable: number): Omit<Work, 'inspectionItems' | 'inspectionId'> {
  const db: Db = openDatabase(data.db, { keyHex: data.keyHex, migrationsFolder: MIGRATIONS, readonly: true });
  try {
    const free = db.$client
      .prepare(
        `SELECT code FROM boxes b WHERE status = 'in_stock' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.box_id = b.id AND l.status IN ('requested','approved','out'))
         AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.box_id = b.id AND i.status = 'open')
         AND NOT EXISTS (SELECT 1 FROM transfer_boxes tb JOIN transfers t ON t.id = tb.transfer_id WHERE tb.box_id = b.id AND t.status IN ('requested','approved'))
         AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.box_id = b.id AND h.lifted_at IS NULL) ORDER BY random() LIMIT ?`,
      )
      .all(lendable) as { code: string }[];
    const codes = (db.$client.prepare('SELECT code FROM boxes ORDER BY id').all() as { code: string }[]).map((r) => r.code);
    return { lendable: free.map((r) => r.code), codes, maxBoxId: codes.length };
  } finally {
    db.$client.close();
  }
}

export interface KindFigures {
  kind: Kind;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ClientsRun {
  desks: number;
  calls: number;
  seconds: number;
  callsPerSecond: number;
  kinds: KindFigures[];
  errors: { kind: string; code: string }[];
  loansMade: number;
  loansReturned: number;
  /** The change events each desk's live stream received (fewest, most). */
  pushesPerDesk: { min: number; max: number };
}

/** An open inspection for the custodians to scan through (a running one is reused). */
async function inspection(host: Host): Promise<Pick<Work, 'inspectionId' | 'inspectionItems'>> {
  const desk = new Desk(host, 'bench-inspection');
  await desk.signIn('custodian');
  const status = await desk.call('inspection-status', {});
  const current = status.ok ? (status.value.current as { id: number; status: string } | null) : null;
  if (current?.status === 'completed') return { inspectionId: current.id, inspectionItems: [] };
  let id: number | null = current?.id ?? null;
  if (id === null) {
    const started = await desk.call('inspection-start', {});
    if (!started.ok) throw new Error(`inspection-start refused: ${started.error.code}`);
    id = started.value.id as number;
  }
  const got = await desk.call('inspection-get', { id });
  if (!got.ok) throw new Error(`inspection-get refused: ${got.error.code}`);
  const items = (got.value.items as { id: number; code: string; checkedAt: string | null }[])
    .filter((item) => !item.checkedAt)
    .map((item) => ({ itemId: item.id, code: item.code }));
  desk.close();
  return { inspectionId: id, inspectionItems: items };
}

async function runDesks(host: Host, desks: number, calls: number, base: Omit<Work, 'inspectionItems' | 'inspectionId'>, pauseMs: number): Promise<ClientsRun> {
  const roles = Array.from({ length: desks }, (_, i): 'clerk' | 'manager' | 'custodian' => (i % 5 === 1 ? 'manager' : i % 5 === 3 ? 'custodian' : 'clerk'));
  if (desks === 1) roles[0] = 'clerk';
  // People arrive one after another: the desks share three accounts, and sign-ins of one account
  // in flight at once count against its lockout until each password is checked.
  const people: { desk: Desk; role: (typeof roles)[number] }[] = [];
  for (const [i, role] of roles.entries()) {
    const desk = new Desk(host, `压测终端${i + 1}`, `127.0.1.${i + 1}`);
    await desk.signIn(role);
    await desk.listen();
    people.push({ desk, role });
  }
  const data: Work = { ...base, ...(await inspection(host)) };
  const flow = new Flow();
  const tally: Tally = { latency: new Map(), errors: [], calls: 0, pauseMs };
  const budget = { left: calls };
  const started = performance.now();
  if (desks === 1) {
    // One desk alone still walks the whole loan: it plays each part in turn.
    const { desk } = people[0];
    for (const role of ['clerk', 'manager', 'clerk', 'custodian'] as const) {
      await desk.signIn(role);
      const share = { left: Math.floor(calls / 4) };
      await work(desk, role, share, data, flow, tally, tally.calls);
    }
  } else await Promise.all(people.map(({ desk, role }, i) => work(desk, role, budget, data, flow, tally, i * 1000)));
  const seconds = (performance.now() - started) / 1000;
  // The last writes' pushes are on their way: a moment for them to arrive before the streams close.
  await new Promise((done) => setTimeout(done, 500));
  const pushes = people.map(({ desk }) => desk.pushes);
  for (const { desk } of people) desk.close();
  return {
    desks,
    calls: tally.calls,
    seconds,
    callsPerSecond: tally.calls / seconds,
    kinds: INTERACTIVE.filter((kind) => tally.latency.has(kind)).map((kind) => {
      const xs = tally.latency.get(kind)!;
      return { kind, calls: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) };
    }),
    errors: tally.errors,
    loansMade: flow.made,
    loansReturned: flow.returned,
    pushesPerDesk: { min: Math.min(...pushes), max: Math.max(...pushes) },
  };
}

export interface ClientsFigures {
  single: ClientsRun;
  many: ClientsRun;
  check: { chainOk: boolean; auditAdded: number; loansInArchive: number; loansMade: number; doubled: number };
}

/** Loans the desks made, as the archive holds them: each once, and the audit grew by the writes' entries. */
function countAfter(data: BenchData, auditBefore: number): { auditAdded: number; loansInArchive: number; doubled: number } {
  const db: Db = openDatabase(data.db, { keyHex: data.keyHex, migrationsFolder: MIGRATIONS, readonly: true });
  try {
    const audit = (db.$client.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    const loans = (db.$client.prepare("SELECT count(*) AS n FROM loans WHERE purpose LIKE '并发压测 %'").get() as { n: number }).n;
    const doubled = (
      db.$client
        .prepare(
          "SELECT count(*) AS n FROM (SELECT box_id FROM loans WHERE purpose LIKE '并发压测 %' AND status IN ('requested','approved','out') GROUP BY box_id HAVING count(*) > 1)",
        )
        .get() as { n: number }
    ).n;
    return { auditAdded: audit - auditBefore, loansInArchive: loans, doubled };
  } finally {
    db.$client.close();
  }
}

function auditHead(data: BenchData): number {
  const db: Db = openDatabase(data.db, { keyHex: data.keyHex, migrationsFolder: MIGRATIONS, readonly: true });
  try {
    return (db.$client.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
}

export async function clientsBench(
  data: BenchData,
  desks: number,
  calls: number,
  log: (line: string) => void,
  verify: (db: Db) => Promise<boolean>,
  /** The mean pause of each person between calls in the many-desk run (0: flat out). */
  pauseMs = 0,
): Promise<ClientsFigures> {
  const loansBefore = (() => {
    const db: Db = openDatabase(data.db, { keyHex: data.keyHex, migrationsFolder: MIGRATIONS, readonly: true });
    try {
      return (db.$client.prepare("SELECT count(*) AS n FROM loans WHERE purpose LIKE '并发压测 %'").get() as { n: number }).n;
    } finally {
      db.$client.close();
    }
  })();
  const base = readWork(data, Math.ceil(calls / 4) + 200);
  const auditBefore = auditHead(data);
  log(`host mode: starting the web shell on ${HOST} over TLS (${base.codes.length.toLocaleString('en')} boxes)`);
  const host = await startHost(data.dataDir);
  let single: ClientsRun;
  let many: ClientsRun;
  try {
    await prepareAccounts(host, ['clerk', 'manager', 'custodian']);
    log('one desk alone');
    single = await runDesks(host, 1, Math.max(400, Math.floor(calls / 10)), base, 0);
    log(`${desks} desks at once, ${calls} calls`);
    many = await runDesks(host, desks, calls, base, pauseMs);
  } finally {
    await host.stop();
  }
  const counted = countAfter(data, auditBefore);
  const db: Db = openDatabase(data.db, { keyHex: data.keyHex, migrationsFolder: MIGRATIONS, readonly: true });
  let chainOk = false;
  try {
    chainOk = await verify(db);
  } finally {
    db.$client.close();
  }
  return {
    single,
    many,
    check: {
      chainOk,
      auditAdded: counted.auditAdded,
      loansInArchive: counted.loansInArchive - loansBefore,
      loansMade: single.loansMade + many.loansMade,
      doubled: counted.doubled,
    },
  };
}
