import { execFileSync } from 'node:child_process';
import type { TestApp } from './support/app';
import { custodyCast, expiredBox, goodCheck, type CustodyCast } from './support/custody';
import { createBox, createSetUpApp, errorCode, snapshot } from './support/fixtures';
import { loanOut } from './support/lending';
import { positionAt } from './support/locations';

let app: TestApp;
let cast: CustodyCast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());

/** Cabinet C01 with two boxes on its shelves, one lent and one awaiting destruction; C02 with one box; one box in no cabinet. */
async function room() {
  const c01a = await createBox(app, { locationId: await positionAt(app, '一号库房', 'C01', 1, 1) });
  const c01b = await createBox(app, { locationId: await positionAt(app, '一号库房', 'C01', 2, 1) });
  const lent = await createBox(app, { locationId: await positionAt(app, '一号库房', 'C01', 3, 1) });
  await loanOut(app, cast, lent.code);
  const expiring = await expiredBox(app, { locationId: await positionAt(app, '一号库房', 'C01', 4, 1) });
  await app.ok('destruction-propose', { boxCodes: [expiring.code], reason: '保管期限已满' }, cast.custodian);
  const c02 = await createBox(app, { locationId: await positionAt(app, '一号库房', 'C02', 1, 1) });
  const loose = await createBox(app);
  const tree = (await app.ok('location-tree', {}, cast.custodian)).nodes;
  const cabinet = (name: string) => tree.find((n) => n.kind === 'cabinet' && n.name === name)!.id;
  return { c01a, c01b, lent, expiring, c02, loose, C01: cabinet('C01'), C02: cabinet('C02') };
}

describe('the monthly inspection one cabinet at a time', () => {
  it('lists each cabinet, freezes its boxes when it starts, and lists those on loan or awaiting destruction apart', async () => {
    const r = await room();
    const insp = await app.ok('inspection-start', { byCabinet: true }, cast.custodian);
    expect(insp.byCabinet).toBe(true);
    // Only the box in no cabinet is listed at the start; each cabinet waits for its part.
    expect(insp.items.map((i) => i.code)).toEqual([r.loose.code]);
    expect(insp.parts.map((p) => [p.path, p.startedAt === null, p.total])).toEqual([
      ['一号库房 › C01', true, 2],
      ['一号库房 › C02', true, 1],
    ]);
    const apart = insp.parts[0].apart.map((b) => [b.code, b.status]);
    expect(apart).toEqual(
      expect.arrayContaining([
        [r.lent.code, 'on_loan'],
        [r.expiring.code, 'pending_destruction'],
      ]),
    );
    expect(apart).toHaveLength(2);

    const started = await app.ok('inspection-part-start', { inspectionId: insp.id, cabinetId: r.C01 }, cast.custodian);
    const c01 = started.items.filter((i) => i.cabinetId === r.C01).map((i) => i.code);
    expect(c01).toEqual([r.c01a.code, r.c01b.code]);
    // A box shelved in C01 after the part started is not added to what it expects.
    await createBox(app, { locationId: await positionAt(app, '一号库房', 'C01', 5, 1) });
    const again = await app.ok('inspection-part-start', { inspectionId: insp.id, cabinetId: r.C01 }, cast.custodian);
    expect(again.items.filter((i) => i.cabinetId === r.C01).map((i) => i.code)).toEqual(c01);
    expect(again.parts[0]).toMatchObject({ total: 2, checked: 0 });
  });

  it('a box found in the wrong cabinet is a finding 存放位置错误 with the place it belongs, and completion waits for every cabinet', async () => {
    const r = await room();
    const insp = await app.ok('inspection-start', { byCabinet: true }, cast.custodian);
    await app.ok('inspection-part-start', { inspectionId: insp.id, cabinetId: r.C02 }, cast.custodian);
    // C01's box stands in C02, before C01 was started.
    const misplaced = await app.ok('inspection-scan', { inspectionId: insp.id, code: r.c01a.code, cabinetId: r.C02 }, cast.custodian);
    expect(misplaced).toMatchObject({
      code: r.c01a.code,
      present: true,
      correctlyFiled: false,
      cabinetId: r.C01,
      foundIn: '一号库房 › C02',
      findings: ['wrong_place'],
    });
    expect(misplaced.location).toContain('C01');
    // It cannot be checked as filed right while it stands elsewhere; with its finding it can.
    const before = state();
    expect(errorCode(await app.call('inspection-check', goodCheck(misplaced.id), cast.custodian))).toBe('INSPECTION_WRONG_PLACE');
    expect(state()).toEqual(before);
    const checked = await app.ok(
      'inspection-check',
      { ...goodCheck(misplaced.id), correctlyFiled: false, note: '在 C02 第1层发现，已归位', followUpOwner: '档案管理员' },
      cast.custodian,
    );
    expect(checked.findings).toEqual(['wrong_place']);

    // C01 starts later: the misplaced box is already on the list, under C01 where it belongs.
    const part = await app.ok('inspection-part-start', { inspectionId: insp.id, cabinetId: r.C01 }, cast.custodian);
    expect(part.items.filter((i) => i.cabinetId === r.C01).map((i) => i.code)).toEqual([r.c01a.code, r.c01b.code]);

    // Scans in a cabinet not started, and of a box on loan, are refused and change nothing.
    const fresh = await app.ok('inspection-start', { kind: 'full', byCabinet: true }, cast.custodian);
    for (const [payload, code] of [
      [{ inspectionId: fresh.id, code: r.c01b.code, cabinetId: r.C01 }, 'INSPECTION_PART_NOT_STARTED'],
      [{ inspectionId: insp.id, code: r.lent.code, cabinetId: r.C01 }, 'INSPECTION_BOX_NOT_LISTED'],
      [{ inspectionId: insp.id, code: 'NO-SUCH-BOX', cabinetId: r.C01 }, 'INSPECTION_BOX_NOT_LISTED'],
    ] as const) {
      const unchanged = state();
      expect(errorCode(await app.call('inspection-scan', payload, cast.custodian))).toBe(code);
      expect(state()).toEqual(unchanged);
    }

    // Everything listed so far checked, but nothing is listed for a cabinet until it starts: here all are.
    const now = await app.ok('inspection-get', { id: insp.id }, cast.custodian);
    for (const item of now.items.filter((i) => i.checkedAt === null)) await app.ok('inspection-check', goodCheck(item.id), cast.custodian);
    const done = await app.ok('inspection-complete', { id: insp.id }, cast.custodian);
    expect(done.status).toBe('completed');
    expect(done.followUps.map((f) => [f.boxCode, f.findings])).toEqual([[r.c01a.code, ['wrong_place']]]);
    // The printed record names the finding, where the box belongs and where it stood.
    const record = await app.ok('inspection-record-pdf', { id: insp.id }, cast.manager);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(record.base64, 'base64') })
      .toString()
      .replace(/\s+/g, '');
    for (const expected of [r.c01a.code, '存放位置错误', '（在一号库房›C02发现）', '存放位置错误：在C02第1层发现']) expect(text).toContain(expected);
  });

  it('cannot complete while a cabinet is not started, and a cabinet it walked cannot be removed', async () => {
    const r = await room();
    const insp = await app.ok('inspection-start', { byCabinet: true }, cast.custodian);
    await app.ok('inspection-check', goodCheck(insp.items[0].id), cast.custodian);
    const before = state();
    const refused = await app.call('inspection-complete', { id: insp.id }, cast.custodian);
    expect(errorCode(refused)).toBe('INSPECTION_INCOMPLETE');
    expect(!refused.ok && refused.error.params).toEqual({ remaining: 3 });
    expect(state()).toEqual(before);

    await app.ok('inspection-part-start', { inspectionId: insp.id, cabinetId: r.C02 }, cast.custodian);
    await app.ok('box-move', { id: r.c02.id, locationId: await positionAt(app, '一号库房', 'C01', 6, 1), reason: '调整' }, cast.custodian);
    expect(errorCode(await app.call('location-remove', { id: r.C02 }, cast.custodian))).toBe('LOCATION_HAS_RECORDS');
  });

  it('parts belong to inspections walked by cabinet, and only cabinets are parts', async () => {
    const r = await room();
    const whole = await app.ok('inspection-start', {}, cast.custodian);
    expect(whole.parts).toEqual([]);
    expect(whole.items).toHaveLength(4);
    // Walked whole, the boxes away from the shelves are listed apart for the whole archive.
    expect(whole.apart.map((b) => [b.code, b.status])).toEqual([
      [r.lent.code, 'on_loan'],
      [r.expiring.code, 'pending_destruction'],
    ]);
    const before = state();
    expect(errorCode(await app.call('inspection-part-start', { inspectionId: whole.id, cabinetId: r.C01 }, cast.custodian))).toBe('INSPECTION_NOT_BY_CABINET');
    expect(errorCode(await app.call('inspection-scan', { inspectionId: whole.id, code: r.c01a.code, cabinetId: r.C01 }, cast.custodian))).toBe(
      'INSPECTION_NOT_BY_CABINET',
    );
    const full = await app.ok('inspection-start', { kind: 'full', byCabinet: true }, cast.custodian);
    expect(full.apart).toEqual([]);
    // The stocktake walks boxes awaiting destruction: only the lent one is apart.
    expect(full.parts[0].apart.map((b) => b.code)).toEqual([r.lent.code]);
    const position = await positionAt(app, '一号库房', 'C01', 1, 1);
    expect(errorCode(await app.call('inspection-part-start', { inspectionId: full.id, cabinetId: position }, cast.custodian))).toBe('LOCATION_UNKNOWN');
    expect(errorCode(await app.call('inspection-part-start', { inspectionId: full.id, cabinetId: r.C01 }, cast.clerk))).toBe('FORBIDDEN');
    expect(state().tables.inspection_parts).toBe(before.tables.inspection_parts);
  });
});
