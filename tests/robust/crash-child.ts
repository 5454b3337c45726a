/**
 * The process crash.test.ts kills: opens the archive the way the app does (Runtime.start with the
 * machine key), then writes boxes, documents, moves and loans through the domain services as fast
 * as it can, printing one JSON line per committed write — after its transaction has returned, so
 * a printed write is one the archive promised to keep.
 *
 * Usage: node crash-child.cjs <dataDir> <machineKeyFile> <migrationsFolder> <seed> <custodianId> <clerkId> <managerId>
 */
import { writeSync } from 'node:fs';
import { machineKeyProtector } from '../../db/machine-key';
import { Runtime } from '../../electron/server/runtime';
import type { Actor } from '../../electron/server/services/actor';
import { chainHead } from '../../electron/server/services/audit-log';
import { addDocument, createBox, moveBox } from '../../electron/server/services/boxes';
import { createCabinets, createRoom } from '../../electron/server/services/locations';
import { decideLoan, handOutLoan, requestLoan, returnLoan } from '../../electron/server/services/loans';

export interface CommittedWrite {
  op: string;
  entityId: number;
  /** The audit entry the write ended with: its sequence number and hash. */
  seq: number;
  hash: string;
  /** For loans, the status the write left the loan in. */
  status?: string;
  code?: string;
}

const [dataDir, machineKey, migrationsFolder, seedArg, custodianId, clerkId, managerId] = process.argv.slice(2);

// A small deterministic generator, so a failing run can be replayed from its seed.
let state = Number(seedArg) >>> 0 || 1;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const custodian: Actor = { id: Number(custodianId), name: '库管员', role: 'custodian' };
const clerk: Actor = { id: Number(clerkId), name: '前台文员', role: 'clerk' };
const manager: Actor = { id: Number(managerId), name: '部门经理', role: 'manager' };

const runtime = new Runtime({ dataDir, protector: machineKeyProtector(machineKey), migrationsFolder });
if (runtime.start().state !== 'ready') throw new Error('the archive did not open');
const db = runtime.requireDb();

const report = (write: Omit<CommittedWrite, 'seq' | 'hash'>) => {
  const head = chainHead(db);
  // writeSync: nothing sits in a buffer when the kill comes.
  writeSync(1, `${JSON.stringify({ ...write, seq: head.entries, hash: head.headHash })}\n`);
};

const idWhere = (sql: string): number | undefined => (db.$client.prepare(`${sql} ORDER BY random() LIMIT 1`).get() as { id: number } | undefined)?.id;

// Two cabinets to place and move boxes in, made once: the child is started again on the same archive.
if (idWhere(`SELECT id FROM locations WHERE kind = 'room'`) === undefined) {
  const room = createRoom(db, custodian, '一号档案室');
  createCabinets(db, custodian, { roomId: room.id, first: 'C01', count: 2, shelves: 3, positions: 9 });
}
const FREE_POSITION = `SELECT id FROM locations WHERE kind = 'position' AND id NOT IN (SELECT location_id FROM boxes WHERE location_id IS NOT NULL)`;

const ops: (() => void)[] = [
  () => {
    const box = createBox(db, custodian, {
      code: '',
      kind: 'personnel',
      title: `人事档案 ${Math.floor(random() * 1e6)}`,
      ownerId: null,
      volume: 1,
      yearFrom: 2020,
      yearTo: 2025,
      locationId: idWhere(FREE_POSITION) ?? null,
      confidentiality: 'internal',
      retentionClass: 'y30',
      retentionYears: null,
      retentionStart: null,
      note: '',
    });
    report({ op: 'box-create', entityId: box.box.id, code: box.box.code });
  },
  () => {
    const id = idWhere(`SELECT id FROM boxes WHERE status = 'in_stock'`);
    const to = idWhere(FREE_POSITION);
    if (id === undefined || to === undefined) return;
    moveBox(db, custodian, { id, locationId: to, reason: '整理库房' });
    report({ op: 'box-move', entityId: id });
  },
  () => {
    const id = idWhere('SELECT id FROM boxes');
    if (id === undefined) return;
    addDocument(db, custodian, { boxId: id, docDate: '2025-03-01', title: '劳动合同', category: 'a', pages: 2, note: '' });
    report({ op: 'box-document-add', entityId: id });
  },
  () => {
    const code = (
      db.$client
        .prepare(
          `SELECT code FROM boxes WHERE status = 'in_stock' AND id NOT IN (SELECT box_id FROM loans WHERE status IN ('requested','approved','out')) ORDER BY random() LIMIT 1`,
        )
        .get() as { code: string } | undefined
    )?.code;
    if (!code) return;
    const loan = requestLoan(db, clerk, {
      boxCode: code,
      borrower: { kind: 'person', name: '王芳', department: '财务部', phone: '0571-88881234' },
      purpose: '核对',
      loanType: 'short',
      days: 3,
      copyRequested: false,
      note: '',
    });
    report({ op: 'loan-request', entityId: loan.id, status: loan.status });
  },
  () => {
    const id = idWhere(`SELECT id FROM loans WHERE status = 'requested'`);
    if (id === undefined) return;
    report({ op: 'loan-approve', entityId: id, status: decideLoan(db, manager, { id, approve: true, copyAllowed: false, reason: '' }).status });
  },
  () => {
    const id = idWhere(`SELECT id FROM loans WHERE status = 'approved'`);
    if (id === undefined) return;
    report({ op: 'loan-hand-out', entityId: id, status: handOutLoan(db, clerk, id).status });
  },
  () => {
    const id = idWhere(`SELECT id FROM loans WHERE status = 'out'`);
    if (id === undefined) return;
    report({
      op: 'loan-return',
      entityId: id,
      status: returnLoan(db, clerk, { id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } }).status,
    });
  },
];

writeSync(1, 'ready\n');
for (;;) pick(ops)();
