import { sql } from 'drizzle-orm';
import { positionCode } from '../electron/core/contract/locations';
import type { TestApp } from './support/app';
import { createBox, createSetUpApp, errorCode, snapshot, validBoxInput } from './support/fixtures';
import { loanOut, lendingCast } from './support/lending';

let app: TestApp;
let custodian: string;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const tree = async () => (await app.ok('location-tree', {}, custodian)).nodes;

/** A room with one cabinet of `shelves` × `positions`, made as the custodian does it; returns the cabinet's grid. */
async function cabinet(room: string, first: string, shelves = 5, positions = 8) {
  const roomNode = (await tree()).find((n) => n.kind === 'room' && n.name === room) ?? (await app.ok('location-room-create', { name: room }, custodian));
  const { ids } = await app.ok('location-cabinets-create', { roomId: roomNode.id, first, count: 1, shelves, positions }, custodian);
  return app.ok('location-cabinet', { id: ids[0]! }, custodian);
}

describe('the location tree', () => {
  it('makes whole cabinets at once, C-01…C-12 with 5 shelves of 8 positions, named 第N层 and 0N', async () => {
    const room = await app.ok('location-room-create', { name: '一号库房' }, custodian);
    const { ids } = await app.ok('location-cabinets-create', { roomId: room.id, first: 'C-01', count: 12, shelves: 5, positions: 8 }, custodian);
    expect(ids).toHaveLength(12);
    const nodes = await tree();
    expect(nodes.filter((n) => n.kind === 'cabinet').map((n) => n.name)).toEqual(Array.from({ length: 12 }, (_, i) => `C-${String(i + 1).padStart(2, '0')}`));
    expect(nodes.filter((n) => n.kind === 'position')).toHaveLength(12 * 5 * 8);
    const grid = await app.ok('location-cabinet', { id: ids[2]! }, custodian);
    expect(grid.shelves.map((s) => s.name)).toEqual(['第1层', '第2层', '第3层', '第4层', '第5层']);
    expect(grid.shelves[1]!.positions.map((p) => p.name)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
    expect(grid.shelves[1]!.positions[4]!.code).toBe(positionCode(grid.shelves[1]!.positions[4]!.id));
  });

  it('refuses a name its siblings already have however it is written, and changes nothing', async () => {
    const grid = await cabinet('一号库房', 'C03');
    const before = state();
    expect(errorCode(await app.call('location-room-create', { name: '一号库房' }, custodian))).toBe('LOCATION_NAME_TAKEN');
    expect(errorCode(await app.call('location-cabinets-create', { roomId: grid.room.id, first: 'Ｃ03', count: 1, shelves: 1, positions: 1 }, custodian))).toBe(
      'LOCATION_NAME_TAKEN',
    );
    expect(state()).toEqual(before);
  });

  it('renames a cabinet without moving its boxes: their path and search follow the new name', async () => {
    const grid = await cabinet('一号库房', 'C03');
    const at = grid.shelves[1]!.positions[4]!;
    const { id, code } = await createBox(app, { locationId: at.id });
    await app.ok('location-rename', { id: grid.cabinet.id, name: 'C-03' }, custodian);
    const detail = await app.ok('box-get', { id }, custodian);
    expect(detail.box).toMatchObject({ room: '一号库房', cabinet: 'C-03', shelf: '第2层', position: '05', locationId: at.id });
    expect(detail.moves).toHaveLength(1);
    expect((await app.ok('box-list', { query: 'C-03' }, custodian)).rows.map((r) => r.code)).toEqual([code]);
  });

  it('never removes a node a box stands in; an empty one goes with all below it', async () => {
    const grid = await cabinet('一号库房', 'C01', 2, 2);
    await createBox(app, { locationId: grid.shelves[0]!.positions[0]!.id });
    const before = state();
    const refused = await app.call('location-remove', { id: grid.room.id }, custodian);
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCATION_IN_USE', params: { name: '一号库房', count: 1 } } });
    expect(state()).toEqual(before);
    const empty = await cabinet('一号库房', 'C02', 2, 2);
    await app.ok('location-remove', { id: empty.cabinet.id }, custodian);
    expect((await tree()).filter((n) => n.kind === 'position')).toHaveLength(4);
  });
});

describe('placing boxes', () => {
  it('scans a box onto a position: the id, the path and a move, in one write', async () => {
    const grid = await cabinet('一号库房', 'C-01');
    const target = grid.shelves[1]!.positions[4]!;
    const { id, code } = await createBox(app);
    expect(await app.ok('box-place', { boxCode: code.toLowerCase(), positionCode: target.code.toLowerCase(), reason: '扫码上架' }, custodian)).toEqual({
      boxId: id,
      code,
      path: '一号库房 › C-01 › 第2层 › 05',
    });
    const detail = await app.ok('box-get', { id }, custodian);
    expect(detail.box.locationId).toBe(target.id);
    expect(detail.moves[0]).toMatchObject({
      fromLocation: null,
      toLocation: { room: '一号库房', cabinet: 'C-01', shelf: '第2层', position: '05' },
      reason: '扫码上架',
    });
    const after = await app.ok('location-cabinet', { id: grid.cabinet.id }, custodian);
    expect(after.shelves[1]!.positions[4]!.boxes).toEqual([{ id, code, title: '人事档案', status: 'in_stock' }]);
  });

  it('refuses an unknown position code, a shelf, and a taken position, changing nothing', async () => {
    const grid = await cabinet('一号库房', 'C-01');
    const taken = grid.shelves[0]!.positions[0]!;
    const holder = await createBox(app, { locationId: taken.id });
    const { id, code } = await createBox(app);
    const before = state();
    expect(await app.call('box-place', { boxCode: code, positionCode: 'KW-999999', reason: '扫码上架' }, custodian)).toMatchObject({
      ok: false,
      error: { code: 'LOCATION_UNKNOWN', params: { text: 'KW-999999' } },
    });
    expect(errorCode(await app.call('box-place', { boxCode: code, positionCode: 'C-01', reason: '扫码上架' }, custodian))).toBe('LOCATION_UNKNOWN');
    expect(errorCode(await app.call('box-place', { boxCode: code, positionCode: positionCode(grid.shelves[0]!.id), reason: '扫码上架' }, custodian))).toBe(
      'LOCATION_UNKNOWN',
    );
    expect(await app.call('box-place', { boxCode: code, positionCode: taken.code, reason: '扫码上架' }, custodian)).toMatchObject({
      ok: false,
      error: { code: 'POSITION_TAKEN', params: { path: '一号库房 › C-01 › 第1层 › 01', code: holder.code } },
    });
    expect(errorCode(await app.call('box-move', { id, locationId: grid.shelves[0]!.id, reason: '整理' }, custodian))).toBe('LOCATION_NOT_POSITION');
    expect(errorCode(await app.call('box-create', validBoxInput({ locationId: taken.id }), custodian))).toBe('POSITION_TAKEN');
    expect(errorCode(await app.call('box-place', { boxCode: 'ZH-0000-9999', positionCode: taken.code, reason: '扫码上架' }, custodian))).toBe('NOT_FOUND');
    expect(state()).toEqual(before);
  });

  it('shows a box on loan as such in the grid', async () => {
    const grid = await cabinet('一号库房', 'C-01', 1, 2);
    const cast = await lendingCast(app);
    const { code } = await createBox(app, { locationId: grid.shelves[0]!.positions[1]!.id });
    await loanOut(app, cast, code);
    const after = await app.ok('location-cabinet', { id: grid.cabinet.id }, custodian);
    expect(after.shelves[0]!.positions.map((p) => p.boxes.map((b) => b.status))).toEqual([[], ['on_loan']]);
  });

  it('moves a whole cabinet to an empty one of the same layout: one move per box, one transaction', async () => {
    const from = await cabinet('一号库房', 'C-01', 2, 3);
    const to = await cabinet('二号库房', 'D-01', 2, 3);
    const a = await createBox(app, { locationId: from.shelves[0]!.positions[2]!.id });
    const b = await createBox(app, { locationId: from.shelves[1]!.positions[0]!.id });
    const audits = () => Number(app.runtime.requireDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'box-move'`)!.n);
    const movesBefore = audits();
    expect(await app.ok('location-move-contents', { fromId: from.cabinet.id, toId: to.cabinet.id, reason: '库房调整' }, custodian)).toEqual({ moved: 2 });
    expect(audits() - movesBefore).toBe(2);
    expect((await app.ok('box-get', { id: a.id }, custodian)).box).toMatchObject({ room: '二号库房', cabinet: 'D-01', shelf: '第1层', position: '03' });
    expect((await app.ok('box-get', { id: b.id }, custodian)).moves[0]).toMatchObject({
      fromLocation: { room: '一号库房', cabinet: 'C-01', shelf: '第2层', position: '01' },
      toLocation: { room: '二号库房', cabinet: 'D-01', shelf: '第2层', position: '01' },
      reason: '库房调整',
    });

    // Back onto a shelf one box of which is now taken: all of it is refused.
    await createBox(app, { locationId: from.shelves[0]!.positions[2]!.id });
    const before = state();
    const shelfOf = (grid: typeof to) => grid.shelves[0]!.id;
    expect(errorCode(await app.call('location-move-contents', { fromId: shelfOf(to), toId: shelfOf(from), reason: '还原' }, custodian))).toBe('POSITION_TAKEN');
    expect(errorCode(await app.call('location-move-contents', { fromId: to.cabinet.id, toId: shelfOf(from), reason: '还原' }, custodian))).toBe(
      'LOCATION_LAYOUT_DIFFERS',
    );
    expect(state()).toEqual(before);
  });
});

describe('converting free-text places', () => {
  /** Boxes as an archive before the tree left them: their four texts written by hand, no node. */
  async function legacy(place: [string, string, string, string]) {
    const { id } = await createBox(app);
    app.runtime.requireDb().run(sql`UPDATE boxes SET room = ${place[0]}, cabinet = ${place[1]}, shelf = ${place[2]}, position = ${place[3]} WHERE id = ${id}`);
    return id;
  }

  it('reports in a dry run which identical texts become one node, then places every box', async () => {
    const a = await legacy(['一号档案室', 'C03', '2', '5']);
    const b = await legacy(['一号档案室', 'c03', '2', '6']);
    const c = await legacy(['一号档案室', 'C-03', '1', '']);
    const before = state();
    const dry = await app.ok('location-convert', { apply: false }, custodian);
    expect(state()).toEqual(before);
    expect(dry).toMatchObject({ applied: false, boxes: 3 });
    expect(dry.merged).toEqual([{ kind: 'cabinet', path: '一号档案室 › C03', variants: ['C03', 'c03'] }]);
    expect(dry.nodes.map((n) => n.path)).toEqual([
      '一号档案室',
      '一号档案室 › C03',
      '一号档案室 › C03 › 2',
      '一号档案室 › C03 › 2 › 5',
      '一号档案室 › C03 › 2 › 6',
      '一号档案室 › C-03',
      '一号档案室 › C-03 › 1',
    ]);

    expect(await app.ok('location-convert', { apply: true }, custodian)).toEqual({ ...dry, applied: true });
    const box = async (id: number) => (await app.ok('box-get', { id }, custodian)).box;
    expect(await box(b)).toMatchObject({ cabinet: 'C03', shelf: '2', position: '6' });
    expect((await box(a)).locationId).not.toBeNull();
    // C-03 is another cabinet (the report shows it beside C03); its box stands on the shelf it names.
    const placed = (await box(c)).locationId;
    const shelf = (await tree()).find((n) => n.id === placed);
    expect(shelf).toMatchObject({ kind: 'shelf', name: '1', boxes: 1 });
    expect((await app.ok('location-convert', { apply: false }, custodian)).boxes).toBe(0);
  });
});
