import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Role } from '../electron/core/enums';
import { verifyChain } from '../electron/server/services/audit-log';
import { seedBulk, type BulkCounts } from '../scripts/seed-bulk';
import type { TestApp } from './support/app';
import { createSetUpApp } from './support/fixtures';

let app: TestApp;
let counts: BulkCounts;
const rows = <T>(sql: string): T[] => app.runtime.requireDb().$client.prepare(sql).all() as T[];
const one = (sql: string): number => Object.values(app.runtime.requireDb().$client.prepare(sql).get() as Record<string, number>)[0];

beforeAll(async () => {
  app = await createSetUpApp();
  const roles: Role[] = ['custodian', 'clerk', 'manager', 'auditor'];
  for (const role of roles) await app.as(role);
  const db = app.runtime.requireDb();
  const users = Object.fromEntries(rows<{ username: Role; id: number }>('SELECT username, id FROM users').map((u) => [u.username, u.id]));
  const names = Object.fromEntries(rows<{ id: number; name: string }>('SELECT id, display_name AS name FROM users').map((u) => [u.id, u.name]));
  counts = seedBulk(db, {
    boxes: 2000,
    loans: 20000,
    seed: 3,
    users: { custodian: users.custodian, clerk: users.clerk, manager: users.manager, auditor: users.auditor },
    names,
  });
}, 180_000);

afterAll(() => app?.close());

test('signed transfers: their boxes are 已移交 to the receiving department and never lent after the signing', () => {
  expect(counts.transfers).toBe(one(`SELECT count(*) FROM transfers`));
  const signed = rows<{ id: number; to_department: string; receiver_signature: string }>(
    `SELECT id, to_department, receiver_signature FROM transfers WHERE status = 'signed'`,
  );
  expect(signed.length).toBeGreaterThan(0);
  expect(signed.every((t) => t.receiver_signature.startsWith('data:image/png;base64,iVBORw0KGgo'))).toBe(true);
  const boxes = rows<{ status: string; custodian_department: string; to_department: string }>(
    `SELECT b.status, b.custodian_department, t.to_department FROM transfers t JOIN transfer_boxes tb ON tb.transfer_id = t.id JOIN boxes b ON b.id = tb.box_id WHERE t.status = 'signed'`,
  );
  expect(boxes.length).toBeGreaterThanOrEqual(signed.length);
  for (const b of boxes) expect([b.status, b.custodian_department]).toEqual(['transferred', b.to_department]);
  // No loan asked for after the order, nor one still out when it was made.
  expect(
    one(`SELECT count(*) FROM loans l JOIN transfer_boxes tb ON tb.box_id = l.box_id JOIN transfers t ON t.id = tb.transfer_id
      WHERE t.status = 'signed' AND (l.requested_at >= t.requested_at OR (l.handed_out_at < t.requested_at AND (l.returned_at IS NULL OR l.returned_at > t.requested_at)))`),
  ).toBe(0);
  expect(one(`SELECT count(*) FROM audit_log WHERE action = 'transfer-sign-off' AND entity = 'box'`)).toBe(boxes.length);
});

test('an executed destruction: its boxes are destroyed, past their retention, and never lent after the proposal', () => {
  const executed = rows<{ id: number; supervisor1: string; supervisor2: string; method: string; destroyed_on: string }>(
    `SELECT * FROM destructions WHERE status = 'executed'`,
  );
  expect(executed.length).toBeGreaterThan(0);
  for (const d of executed) {
    expect(d.supervisor1).not.toBe(d.supervisor2);
    expect(d.method).toMatch(/^(shred|pulp|incinerate)$/);
  }
  const boxes = rows<{ status: string; retention_end: string; proposed_at: string }>(
    `SELECT b.status, db.retention_end, d.proposed_at FROM destructions d JOIN destruction_boxes db ON db.destruction_id = d.id JOIN boxes b ON b.id = db.box_id WHERE d.status = 'executed'`,
  );
  expect(boxes.length).toBe(counts.destroyedBoxes);
  for (const b of boxes) {
    expect(b.status).toBe('destroyed');
    expect(b.retention_end <= b.proposed_at.slice(0, 10)).toBe(true);
  }
  expect(
    one(`SELECT count(*) FROM loans l JOIN destruction_boxes db ON db.box_id = l.box_id JOIN destructions d ON d.id = db.destruction_id
      WHERE l.requested_at >= d.proposed_at OR (l.handed_out_at < d.proposed_at AND (l.returned_at IS NULL OR l.returned_at > d.proposed_at))`),
  ).toBe(0);
  // The retention report still has expired boxes left to propose.
  expect(
    one(`SELECT count(*) FROM boxes WHERE status = 'in_stock' AND retention_class = 'y10' AND date(retention_start, '+10 years') <= '2026-11-20'`),
  ).toBeGreaterThan(0);
});

test('three completed monthly inspections of the boxes in stock, one audit entry per check, the current month not started', () => {
  const inspections = rows<{ id: number; month: string; status: string }>(`SELECT id, month, status FROM inspections ORDER BY month`);
  expect(inspections.map((i) => [i.month, i.status])).toEqual([
    ['2026-08', 'completed'],
    ['2026-09', 'completed'],
    ['2026-10', 'completed'],
  ]);
  expect(one(`SELECT count(*) FROM inspection_items WHERE checked_at IS NULL`)).toBe(0);
  expect(one(`SELECT count(*) FROM inspection_items`)).toBe(counts.inspectionItems);
  expect(one(`SELECT count(*) FROM inspection_items`)).toBeGreaterThan(3 * 1500);
  expect(one(`SELECT count(*) FROM audit_log WHERE action = 'inspection-check'`)).toBe(counts.inspectionItems);
  expect(counts.followUps).toBeGreaterThanOrEqual(9);
  expect(one(`SELECT count(*) FROM follow_ups WHERE status = 'closed'`)).toBeGreaterThan(0);
  expect(one(`SELECT count(*) FROM holds`)).toBe(counts.holds);
});

test('the app reads the seeded custody records and the audit chain verifies', async () => {
  const custodian = await app.as('custodian');
  const list = await app.ok('transfer-list', { limit: 50 }, custodian);
  expect(list.rows.some((t) => t.status === 'signed' && t.boxCount > 0)).toBe(true);
  const history = await app.ok('inspection-list', {}, custodian);
  expect(history.filter((i) => i.status === 'completed' && i.checked === i.total)).toHaveLength(3);
  expect(verifyChain(app.runtime.requireDb()).intact).toBe(true);
  expect(app.runtime.requireDb().$client.pragma('foreign_key_check')).toEqual([]);
});
