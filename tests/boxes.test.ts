import type { CallInput } from '../electron/core/contract';
import type { BoxCreateInput } from '../electron/core/contract/boxes';
import { COUNT_CAP } from '../electron/server/services/box-list';
import { createBox as createBoxService } from '../electron/server/services/boxes';
import { actorOf, getUser } from '../electron/server/services/users';
import type { TestApp } from './support/app';
import { positionAt } from './support/locations';
import {
  autoCode,
  boxUpdateFrom,
  createBox,
  createOwner,
  createSetUpApp,
  errorCode,
  snapshot,
  THIS_YEAR,
  validBoxInput,
  validDocumentInput,
  validLoanInput,
  validOwnerInput,
  validSettings,
} from './support/fixtures';

let app: TestApp;
let custodian: string;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const getBox = (id: number) => app.ok('box-get', { id }, custodian);
const list = (input: CallInput<'box-list'>) => app.ok('box-list', input, custodian);
const codesOf = async (input: CallInput<'box-list'>) => (await list(input)).rows.map((r) => r.code).sort();

describe('box codes', () => {
  it('numbers boxes by the settings pattern, per kind', async () => {
    expect(await app.ok('box-next-code', { kind: 'tenant' }, custodian)).toEqual({ code: autoCode(1) });
    const ownerA = await createOwner(app, { name: '甲' });
    const ownerB = await createOwner(app, { name: '乙' });
    expect((await createBox(app, { kind: 'tenant', ownerId: ownerA })).code).toBe(autoCode(1));
    expect((await createBox(app, { kind: 'tenant', ownerId: ownerB })).code).toBe(autoCode(2));
    expect((await createBox(app, { kind: 'personnel' })).code).toBe(autoCode(1, 'RS'));
    expect(await app.ok('box-next-code', { kind: 'tenant' }, custodian)).toEqual({ code: autoCode(3) });
  });

  it('skips a code that was entered by hand', async () => {
    expect((await createBox(app)).code).toBe(autoCode(1, 'RS'));
    expect((await createBox(app, { code: autoCode(2, 'RS') })).code).toBe(autoCode(2, 'RS'));
    expect(await app.ok('box-next-code', { kind: 'personnel' }, custodian)).toEqual({ code: autoCode(3, 'RS') });
    expect((await createBox(app)).code).toBe(autoCode(3, 'RS'));
  });

  it('uses a custom pattern from settings-update', async () => {
    const admin = await app.as('admin');
    await app.ok(
      'settings-update',
      validSettings({ codePattern: 'da{YY}/{KIND}{#####}', kindPrefixes: { ...validSettings().kindPrefixes, work_log: 'GZ' } }),
      admin,
    );
    const yy = String(THIS_YEAR).slice(2);
    expect((await createBox(app, { kind: 'work_log' })).code).toBe(`DA${yy}/GZ00001`);
    expect((await createBox(app, { kind: 'work_log' })).code).toBe(`DA${yy}/GZ00002`);
    expect((await createBox(app, { kind: 'letters' })).code).toBe(`DA${yy}/FW00001`);
  });

  it('rejects patterns without exactly one {#…}', async () => {
    const admin = await app.as('admin');
    const before = state();
    for (const codePattern of ['{KIND}-{YYYY}', '{KIND}-{##}-{###}', '{KIND}-#####', '', '{KIND}-{}', '档案-{####}', '{KIND} {####}', '{KIND}-{MM}-{####}']) {
      const result = await app.call('settings-update', validSettings({ codePattern }), admin);
      expect({ codePattern, code: errorCode(result) }).toEqual({ codePattern, code: 'VALIDATION' });
      if (!result.ok) {
        expect(result.error.issues?.length).toBeGreaterThan(0);
        expect(result.error.issues?.every((i) => i.path.join('.') === 'codePattern')).toBe(true);
      }
    }
    expect(state()).toEqual(before);
    expect((await createBox(app)).code).toBe(autoCode(1, 'RS'));
  });

  it('upper-cases codes entered by hand, and finds them by code in any case', async () => {
    const { id, code } = await createBox(app, { code: 'rs-legacy-7' });
    expect(code).toBe('RS-LEGACY-7');
    expect(await app.ok('box-find-by-code', { code: 'rs-legacy-7' }, custodian)).toEqual({ id, code: 'RS-LEGACY-7', formerCode: null });
    expect(errorCode(await app.call('box-find-by-code', { code: 'RS-LEGACY-8' }, custodian))).toBe('NOT_FOUND');
  });

  it('refuses a duplicate code with DUPLICATE_CODE on the code field, changing nothing', async () => {
    await createBox(app, { code: 'RS-2020-0001' });
    const before = state();
    for (const code of ['RS-2020-0001', 'rs-2020-0001']) {
      const result = await app.call('box-create', validBoxInput({ code, title: '另一个盒子' }), custodian);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('DUPLICATE_CODE');
        expect(result.error.issues?.map((i) => i.path)).toEqual([['code']]);
      }
    }
    expect(state()).toEqual(before);
  });
});

describe('box codes as typed', () => {
  it('stores a code typed full-width, with other dashes, spaces or invisible characters as the plain code', async () => {
    const typed: [string, string][] = [
      ['ＲＳ－２０２３－０００１', 'RS-2023-0001'],
      ['RS\u20132023\u20130002', 'RS-2023-0002'], // en dash
      ['RS\u20142023\u20140003', 'RS-2023-0003'], // em dash
      ['RS\u22122023\u22120004', 'RS-2023-0004'], // minus sign
      ['RS\u20102023\u20110005', 'RS-2023-0005'], // hyphen, non-breaking hyphen
      ['RS-2023 -0006', 'RS-2023-0006'],
      ['RS-\u200B2023-00\u202E07\uFEFF', 'RS-2023-0007'],
      ['rs-2023-0008\u3000', 'RS-2023-0008'],
      ['RS。2023。0009', 'RS.2023.0009'], // the Chinese full stop
    ];
    for (const [code, stored] of typed) expect((await createBox(app, { code })).code).toBe(stored);
    // Typed again in another form, it is the same code.
    expect(errorCode(await app.call('box-create', validBoxInput({ code: 'ＲＳ\u200B-2023-0001' }), custodian))).toBe('DUPLICATE_CODE');
  });

  it('finds, scans, lends, lists and filters a box by its code typed in any of those forms', async () => {
    const box = await createBox(app, { code: 'RS-2023-0001', retentionClass: 'y30', retentionStart: '1990-01-01' });
    const typed = 'ｒｓ－２０２３\u200B\u20130001 ';
    expect(await app.ok('box-find-by-code', { code: typed }, custodian)).toEqual({ id: box.id, code: 'RS-2023-0001', formerCode: null });
    const inspection = await app.ok('inspection-start', {}, custodian);
    expect((await app.ok('inspection-scan', { inspectionId: inspection.id, code: typed }, custodian)).boxId).toBe(box.id);
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: typed }), custodian);
    expect(loan.boxId).toBe(box.id);
    await app.ok('loan-cancel', { id: loan.id }, custodian);
    const transfer = await app.ok(
      'transfer-create',
      { boxCodes: [typed], fromDepartment: '运营部', toDepartment: '行政人事部', reason: '移交', personnelMoveDate: null },
      custodian,
    );
    expect(transfer.boxes.map((b) => b.boxId)).toEqual([box.id]);
    await app.ok('transfer-cancel', { id: transfer.id }, custodian);
    const destruction = await app.ok('destruction-propose', { boxCodes: [typed], reason: '保管期限已满' }, custodian);
    expect(destruction.boxes.map((b) => b.boxId)).toEqual([box.id]);
    const audit = await app.ok('audit-list', { boxCode: typed, limit: 50 }, await app.as('auditor'));
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(new Set(audit.rows.map((r) => r.boxCode))).toEqual(new Set([box.code]));
  });

  it('refuses one box listed twice in two forms of its code', async () => {
    const box = await createBox(app, { code: 'RS-2023-0001', retentionClass: 'y30', retentionStart: '1990-01-01' });
    const before = state();
    const twice = [box.code, 'ＲＳ－２０２３－０００１'];
    const messages = (result: { ok: boolean; error?: { issues?: { message: string }[] } }) => result.error?.issues?.map((i) => i.message);
    expect(
      messages(
        await app.call(
          'transfer-create',
          { boxCodes: twice, fromDepartment: '运营部', toDepartment: '行政人事部', reason: '移交', personnelMoveDate: null },
          custodian,
        ),
      ),
    ).toEqual(['v.boxTwice']);
    expect(messages(await app.call('destruction-propose', { boxCodes: twice, reason: '保管期限已满' }, custodian))).toEqual(['v.boxTwice']);
    expect(state()).toEqual(before);
  });

  it('names the existing codes a new one differs from only by O/0 or I/L/1', async () => {
    await createBox(app, { code: 'RS-2023-0001' });
    await createBox(app, { code: 'RS-2023-0010' });
    await createBox(app, { code: 'QT-BOX-O1' });
    const lookAlikes = async (code: string) => (await app.ok('box-code-lookalikes', { code }, custodian)).codes;
    expect(await lookAlikes('RS-2023-OOO1')).toEqual(['RS-2023-0001']);
    expect(await lookAlikes('rs-2o23-000l')).toEqual(['RS-2023-0001']);
    expect(await lookAlikes('RS-2023-00I0')).toEqual(['RS-2023-0010']);
    expect(await lookAlikes('QT-BOX-01')).toEqual(['QT-BOX-O1']);
    // The code itself is a duplicate, refused on saving; an unrelated code has none.
    expect(await lookAlikes('RS-2023-0001')).toEqual([]);
    expect(await lookAlikes('RS-2023-0002')).toEqual([]);
    expect(errorCode(await app.call('box-code-lookalikes', { code: 'RS-2023-0001' }, await app.as('clerk')))).toBe('FORBIDDEN');
  });
});

describe('one owner, one box', () => {
  it('refuses a second volume 1 for the same owner, accepts volume 2', async () => {
    const ownerId = await createOwner(app);
    await createBox(app, { kind: 'tenant', ownerId });
    const before = state();
    const second = await app.call('box-create', validBoxInput({ kind: 'tenant', ownerId, title: '第二盒' }), custodian);
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('OWNER_HAS_VOLUME');
      expect(second.error.issues?.map((i) => i.path)).toEqual([['volume']]);
    }
    expect(state()).toEqual(before);
    const volume2 = await app.ok('box-create', validBoxInput({ kind: 'tenant', ownerId, volume: 2, title: '第二卷' }), custodian);
    expect(volume2.box.volume).toBe(2);
    expect((await app.ok('owner-get', { id: ownerId }, custodian)).boxes.map((b) => b.volume)).toEqual([1, 2]);
  });

  it('refuses moving a box onto an owner volume that is taken', async () => {
    const ownerId = await createOwner(app);
    await createBox(app, { kind: 'tenant', ownerId });
    const other = await app.ok('box-create', validBoxInput({ kind: 'tenant', ownerId, volume: 2 }), custodian);
    const before = state();
    expect(errorCode(await app.call('box-update', boxUpdateFrom(other.box, { volume: 1 }), custodian))).toBe('OWNER_HAS_VOLUME');
    expect(state()).toEqual(before);
  });

  it('requires an owner for tenant and customer boxes', async () => {
    const before = state();
    for (const kind of ['tenant', 'customer'] as const) {
      const result = await app.call('box-create', validBoxInput({ kind, ownerId: null }), custodian);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['ownerId'] }] });
    }
    expect(errorCode(await app.call('box-create', validBoxInput({ kind: 'tenant', ownerId: 999 }), custodian))).toBe('NOT_FOUND');
    expect(state()).toEqual(before);
  });
});

describe('location history', () => {
  it('records the first placement, refuses an unexplained move, records an explained one', async () => {
    const [c01, c07] = [await positionAt(app, '一号档案室', 'C01', 2, 5), await positionAt(app, '一号档案室', 'C07', 2, 5)];
    const created = await app.ok('box-create', validBoxInput({ locationId: c01 }), custodian);
    const custodianUser = (await app.ok('session-current', {}, custodian))!;
    expect(created.moves).toHaveLength(1);
    expect(created.moves[0]).toMatchObject({
      fromLocation: null,
      toLocation: { room: '一号档案室', cabinet: 'C01', shelf: '第2层', position: '05' },
      movedBy: custodianUser.id,
      movedByName: custodianUser.displayName,
    });

    const before = state();
    const unexplained = await app.call('box-update', boxUpdateFrom(created.box, { locationId: c07, moveReason: '' }), custodian);
    expect(unexplained.ok).toBe(false);
    if (!unexplained.ok) expect(unexplained.error).toEqual({ code: 'VALIDATION', issues: [{ path: ['moveReason'], message: 'v.moveReason' }] });
    expect(state()).toEqual(before);
    expect((await getBox(created.box.id)).box.cabinet).toBe('C01');

    const moved = await app.ok('box-update', boxUpdateFrom(created.box, { locationId: c07, moveReason: '柜体维修' }), custodian);
    expect(moved.box.cabinet).toBe('C07');
    expect(moved.moves).toHaveLength(2);
    expect(moved.moves[0]).toMatchObject({
      fromLocation: { room: '一号档案室', cabinet: 'C01', shelf: '第2层', position: '05' },
      toLocation: { room: '一号档案室', cabinet: 'C07', shelf: '第2层', position: '05' },
      reason: '柜体维修',
      movedBy: custodianUser.id,
    });

    // An edit that leaves the location alone needs no reason and records no move.
    const retitled = await app.ok('box-update', boxUpdateFrom(moved.box, { title: '新标题', moveReason: '' }), custodian);
    expect(retitled.box.title).toBe('新标题');
    expect(retitled.moves).toHaveLength(2);
  });

  it('box-move moves a box and records it', async () => {
    const { id } = await createBox(app, { locationId: await positionAt(app, '一号档案室', 'C01', 1, 1) });
    const d02 = await positionAt(app, '二号档案室', 'D02', 3, 4);
    const moved = await app.ok('box-move', { id, locationId: d02, reason: '库房调整' }, custodian);
    expect(moved.box).toMatchObject({ room: '二号档案室', cabinet: 'D02', shelf: '第3层', position: '04', locationId: d02 });
    expect(moved.moves[0]).toMatchObject({
      fromLocation: { room: '一号档案室', cabinet: 'C01', shelf: '第1层', position: '01' },
      toLocation: { room: '二号档案室', cabinet: 'D02', shelf: '第3层', position: '04' },
      reason: '库房调整',
    });
    expect(errorCode(await app.call('box-move', { id, locationId: d02, reason: '' }, custodian))).toBe('VALIDATION');
    expect(errorCode(await app.call('box-move', { id: 9999, locationId: d02, reason: '整理' }, custodian))).toBe('NOT_FOUND');
    expect(await codesOf({ room: '二号档案室' })).toEqual([moved.box.code]);
  });
});

describe('contents', () => {
  it('adds, updates and removes documents, listed newest first', async () => {
    const { id } = await createBox(app);
    await app.ok('box-document-add', validDocumentInput(id, { docDate: '2024-01-10', title: '一月' }), custodian);
    await app.ok('box-document-add', validDocumentInput(id, { docDate: '2025-06-01', title: '六月' }), custodian);
    const third = await app.ok('box-document-add', validDocumentInput(id, { docDate: '2023-03-15', title: '三月' }), custodian);
    expect(third.documents.map((d) => d.title)).toEqual(['六月', '一月', '三月']);

    const march = third.documents.find((d) => d.title === '三月')!;
    const updated = await app.ok(
      'box-document-update',
      { id: march.id, docDate: '2026-02-01', title: '二月', category: 'f', pages: 9, note: '补充' },
      custodian,
    );
    expect(updated.documents.map((d) => d.title)).toEqual(['二月', '六月', '一月']);
    expect(updated.documents[0]).toMatchObject({ docDate: '2026-02-01', category: 'f', pages: 9, note: '补充', boxId: id });

    const removed = await app.ok('box-document-remove', { id: march.id }, custodian);
    expect(removed.documents.map((d) => d.title)).toEqual(['六月', '一月']);
    expect(errorCode(await app.call('box-document-remove', { id: march.id }, custodian))).toBe('NOT_FOUND');
    expect(errorCode(await app.call('box-document-add', validDocumentInput(9999), custodian))).toBe('NOT_FOUND');
    expect(errorCode(await app.call('box-document-add', validDocumentInput(id, { docDate: '2025-13-01' }), custodian))).toBe('VALIDATION');
  });

  it('checks a non-catering tenant box for a–d and a catering one for a–e', async () => {
    const shop = await createOwner(app, { name: '服装店', businessType: 'non_catering' });
    const restaurant = await createOwner(app, { name: '火锅店', businessType: 'catering' });
    const shopBox = await createBox(app, { kind: 'tenant', ownerId: shop });
    const restaurantBox = await createBox(app, { kind: 'customer', ownerId: restaurant });

    const expected = async (id: number) => (await getBox(id)).checklist!.filter((c) => c.expected).map((c) => c.category);
    expect(await expected(shopBox.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(await expected(restaurantBox.id)).toEqual(['a', 'b', 'c', 'd', 'e']);

    for (const category of ['a', 'a', 'c', 'e', 'g'] as const) await app.ok('box-document-add', validDocumentInput(restaurantBox.id, { category }), custodian);
    const detail = await getBox(restaurantBox.id);
    expect(Object.fromEntries(detail.checklist!.map((c) => [c.category, c.count]))).toEqual({ a: 2, b: 0, c: 1, d: 0, e: 1, f: 0, g: 1 });
    expect((await getBox(shopBox.id)).checklist!.every((c) => c.count === 0)).toBe(true);
  });

  it('has no checklist for a personnel box', async () => {
    const { id } = await createBox(app, { kind: 'personnel' });
    await app.ok('box-document-add', validDocumentInput(id), custodian);
    expect((await getBox(id)).checklist).toBeNull();
  });
});

describe('search and filters', () => {
  /** Six boxes with Chinese owners and titles; codes ZH-<year>-0001…0004, RS-…-0001, FW-…-0001. */
  async function catalogue() {
    const o1 = await createOwner(app, { name: '万达影城', unitNo: 'L1-001', floor: 'L1', contactPerson: '李明', businessType: 'non_catering' });
    const o2 = await createOwner(app, { name: '万象城餐饮管理有限公司', unitNo: 'L2-015', floor: 'L2', contactPerson: '王芳', businessType: 'catering' });
    const o3 = await createOwner(app, { name: '星巴克咖啡', unitNo: 'L1-020', floor: 'L1', contactPerson: '张伟', businessType: 'catering' });
    const o4 = await createOwner(app, { name: '海底捞火锅', unitNo: 'B1-003', floor: 'B1', contactPerson: '赵强', businessType: 'catering' });
    // Each box at position 1 of its shelf: a shelf counts up per box, so no two share a position.
    let shelf = 0;
    const at = async (room: string, cabinet: string) => positionAt(app, room, cabinet, ++shelf, 1);
    const tenant = async (ownerId: number, room: string, cabinet: string) =>
      createBox(app, { kind: 'tenant', ownerId, title: '租户档案', locationId: await at(room, cabinet) });
    const A = await tenant(o1, '一号档案室', 'C01');
    const B = await tenant(o2, '一号档案室', 'C02');
    const C = await tenant(o3, '二号档案室', 'C01');
    const D = await tenant(o4, '二号档案室', 'C03');
    const E = await createBox(app, { kind: 'personnel', title: '张三人事档案', locationId: await at('一号档案室', 'C09') });
    const F = await createBox(app, { kind: 'letters', title: '2025年对外发函', locationId: await at('二号档案室', 'C05') });
    return { owners: { o1, o2, o3, o4 }, A: A.code, B: B.code, C: C.code, D: D.code, E: E.code, F: F.code };
  }

  it('finds boxes by 1- to 4-character Chinese queries, codes, units and several terms', async () => {
    const { A, B, C, D, E, F } = await catalogue();
    expect([A, B, C, D]).toEqual([autoCode(1), autoCode(2), autoCode(3), autoCode(4)]);
    const cases: [string, string[]][] = [
      ['万', [A, B]],
      ['张', [C, E]], // a contact person and a title
      ['万达', [A]],
      ['火锅', [D]],
      ['万象城', [B]],
      ['星巴克', [C]],
      ['万达影城', [A]],
      ['餐饮管理', [B]],
      ['档案', [A, B, C, D, E, F]], // titles, and the room of the letters box
      ['ZH-20', [A, B, C, D]],
      [`zh-${THIS_YEAR}-0002`, [B]],
      [autoCode(1, 'FW').toLowerCase(), [F]],
      ['L1-001', [A]],
      ['l1-020', [C]],
      ['B1-003', [D]],
      ['L1', [A, C]],
      ['万达 L1', [A]],
      ['租户 L1', [A, C]],
      ['万  L2', [B]],
      ['一号档案室 张', [E]],
      ['C01', [A, C]],
    ];
    for (const [query, expected] of cases) {
      expect({ query, codes: await codesOf({ query }) }).toEqual({ query, codes: [...expected].sort() });
      expect((await list({ query })).total).toBe(expected.length);
    }
  });

  it('returns nothing for a query that matches nothing', async () => {
    await catalogue();
    for (const query of ['不存在的商户', '鼎', 'QQ', '万达 B1', 'ZH-1999']) {
      const result = await list({ query });
      expect({ query, rows: result.rows.length, total: result.total }).toEqual({ query, rows: 0, total: 0 });
    }
  });

  it('treats FTS syntax in a query as plain text', async () => {
    const { A } = await catalogue();
    const queries = [
      '"',
      '""',
      '*',
      'OR',
      'AND',
      'NOT',
      '(',
      ')',
      '-',
      '+',
      ':',
      '^',
      'NEAR',
      'NEAR(万达 影城)',
      '万达"',
      '"万达',
      '万达*',
      '-万达',
      '万达 OR 星巴克',
      '"租户档案"',
      "'; DROP TABLE boxes; --",
      '\\',
      '%',
      '_',
      'text:万达',
      '{万达}',
    ];
    for (const query of queries) {
      const result = await app.call('box-list', { query }, custodian);
      expect({ query, ok: result.ok }).toEqual({ query, ok: true });
    }
    // OR is a search term like any other, not an operator: nothing holds "or".
    expect(await codesOf({ query: '万达 OR 星巴克' })).toEqual([]);
    expect(await codesOf({ query: '-万达' })).toEqual([]);
    expect(await codesOf({ query: '万达影' })).toEqual([A]);
    expect(await codesOf({})).toHaveLength(6);
  });

  it('re-indexes an owner’s boxes when the owner is renamed', async () => {
    const { A, owners } = await catalogue();
    const renamed = await app.ok(
      'owner-update',
      { ...validOwnerInput({ name: '大悦城影院', unitNo: 'L3-100', contactPerson: '李明' }), id: owners.o1 },
      custodian,
    );
    expect(renamed.name).toBe('大悦城影院');
    expect(await codesOf({ query: '万达' })).toEqual([]);
    expect(await codesOf({ query: '万' })).toEqual([autoCode(2)]);
    expect(await codesOf({ query: '大悦' })).toEqual([A]);
    expect(await codesOf({ query: '大悦城影院' })).toEqual([A]);
    expect(await codesOf({ query: 'L3-100' })).toEqual([A]);
    expect(await codesOf({ query: 'L1-001' })).toEqual([]);
  });

  it('re-indexes a box when its title or owner changes', async () => {
    const { C, owners } = await catalogue();
    const box = (await list({ query: C })).rows[0];
    await app.ok('box-update', boxUpdateFrom(box, { title: '咖啡店资料' }), custodian);
    expect(await codesOf({ query: '咖啡店资料' })).toEqual([C]);
    expect(await codesOf({ query: '张' })).toEqual([autoCode(1, 'RS'), C].sort());
    await app.ok('box-update', boxUpdateFrom({ ...box, title: '咖啡店资料' }, { ownerId: owners.o4, volume: 2 }), custodian);
    expect(await codesOf({ query: '星巴克' })).toEqual([]);
    expect(await codesOf({ query: '海底捞' })).toEqual([autoCode(4), C].sort());
  });

  it('filters by kind, status, floor, room, cabinet and owner, alone and with a query', async () => {
    const { A, B, C, D, E, F, owners } = await catalogue();
    app.runtime.requireDb().$client.prepare(`UPDATE boxes SET status = 'missing' WHERE code = ?`).run(F);
    const cases: [CallInput<'box-list'>, string[]][] = [
      [{ kind: 'tenant' }, [A, B, C, D]],
      [{ kind: 'personnel' }, [E]],
      [{ kind: 'work_log' }, []],
      [{ status: 'in_stock' }, [A, B, C, D, E]],
      [{ status: 'missing' }, [F]],
      [{ status: 'on_loan' }, []],
      [{ floor: 'L1' }, [A, C]],
      [{ floor: 'B1' }, [D]],
      [{ room: '一号档案室' }, [A, B, E]],
      [{ cabinet: 'C01' }, [A, C]],
      [{ ownerId: owners.o2 }, [B]],
      [{ room: '二号档案室', cabinet: 'C01' }, [C]],
      [{ kind: 'tenant', floor: 'L1', room: '一号档案室' }, [A]],
      [{ query: '租户', floor: 'L1' }, [A, C]],
      [{ query: '档案', kind: 'personnel' }, [E]],
      [{ query: '万', floor: 'L2' }, [B]],
      [{ query: '档案', status: 'missing' }, [F]],
      [{ query: '万达', ownerId: owners.o2 }, []],
      [{ query: '张', room: '一号档案室' }, [E]],
    ];
    for (const [input, expected] of cases) {
      const result = await list(input);
      expect({ input, codes: result.rows.map((r) => r.code).sort(), total: result.total }).toEqual({
        input,
        codes: [...expected].sort(),
        total: expected.length,
      });
    }
    const row = (await list({ ownerId: owners.o2 })).rows[0];
    expect(row).toMatchObject({ ownerName: '万象城餐饮管理有限公司', ownerUnit: 'L2-015', ownerFloor: 'L2' });
  });

  it('pages newest first by keyset, every box exactly once', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 12; i++) ids.push((await createBox(app, { title: `工作日志${i}`, kind: 'work_log' })).id);
    await createBox(app, { title: '其它', kind: 'other' });
    const newestFirst = [...ids].sort((a, b) => b - a);

    for (const input of [{ kind: 'work_log' as const }, { query: '日志' }]) {
      const seen: number[] = [];
      let cursor: number | undefined;
      let pages = 0;
      do {
        const page = await list({ ...input, limit: 5, cursor });
        expect(page.total).toBe(12);
        expect(page.rows.length).toBeLessThanOrEqual(5);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(newestFirst);
    }
    // A page that ends exactly at the last box says there is no more.
    const exact = await list({ kind: 'work_log', limit: 12 });
    expect(exact.rows).toHaveLength(12);
    expect(exact.nextCursor).toBeNull();
  });

  it('pages a code prefix by code, newest code first, every box exactly once; a unit number shaped like a code is still text', async () => {
    // Codes typed by hand, created out of code order: a code prefix lists by code, not by id.
    const codes = ['GZ-2019-0007', 'GZ-2019-0002', 'GZ-2019-0011', 'GZ-2018-0001', 'GZ-2019-0005', 'GZ-2019-0003', 'GZ-2019-0009'];
    for (const code of codes) await createBox(app, { code, kind: 'work_log', title: `工作日志${code}` });
    const inPrefix = codes
      .filter((c) => c.startsWith('GZ-2019'))
      .sort()
      .reverse();
    const seen: string[] = [];
    let cursor: number | undefined;
    do {
      const page = await list({ query: 'gz-2019', limit: 2, cursor });
      expect(page.total).toBe(inPrefix.length);
      seen.push(...page.rows.map((r) => r.code));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(inPrefix);
    // With a further term and a filter, the prefix still drives.
    expect((await list({ query: '日志 GZ-2019-000', kind: 'work_log' })).rows.map((r) => r.code)).toEqual([
      'GZ-2019-0009',
      'GZ-2019-0007',
      'GZ-2019-0005',
      'GZ-2019-0003',
      'GZ-2019-0002',
    ]);

    const owner = await createOwner(app, { name: '甲铺', unitNo: 'A-101', floor: 'L1' });
    const box = await createBox(app, { ownerId: owner, title: '租户档案' });
    expect((await list({ query: 'A-101' })).rows.map((r) => r.id)).toEqual([box.id]);
  });

  it('caps the match count', async () => {
    const db = app.runtime.requireDb();
    const me = (await app.ok('session-current', {}, custodian))!;
    const actor = actorOf(getUser(db, me.id));
    for (let i = 0; i < COUNT_CAP + 5; i++) createBoxService(db, actor, validBoxInput({ kind: 'work_log', title: `日志${i}` }) as BoxCreateInput);
    const all = await list({ kind: 'work_log', limit: 10 });
    expect(all).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(all.rows).toHaveLength(10);
    expect(all.nextCursor).not.toBeNull();
    const searched = await list({ query: '日志' });
    expect(searched).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // Below the cap the count is exact.
    const few = await list({ query: '日志100' });
    expect(few).toMatchObject({ total: 6, totalCapped: false }); // 日志100 … 日志1004
  });

  it('pages a floor holding more boxes than the cap through the boxes, and a small floor through its index, every box once', async () => {
    const db = app.runtime.requireDb();
    const me = (await app.ok('session-current', {}, custodian))!;
    const actor = actorOf(getUser(db, me.id));
    const big = [await createOwner(app, { name: '甲', floor: 'L3' }), await createOwner(app, { name: '乙', floor: 'L3' })];
    const small = await createOwner(app, { name: '丙', floor: 'L4' });
    const ids: Record<'L3' | 'L4', number[]> = { L3: [], L4: [] };
    const add = (ownerId: number, volume: number) => createBoxService(db, actor, validBoxInput({ kind: 'tenant', ownerId, volume }) as BoxCreateInput).box.id;
    for (let i = 0; i < COUNT_CAP + 10; i++) {
      ids.L3.push(add(big[i % 2], Math.floor(i / 2) + 1));
      if (i % 100 === 0) ids.L4.push(add(small, i / 100 + 1));
    }
    for (const [floor, expected, total] of [
      ['L3', ids.L3, COUNT_CAP],
      ['L4', ids.L4, ids.L4.length],
    ] as const) {
      const seen: number[] = [];
      let cursor: number | undefined;
      do {
        const page = await list({ floor, limit: 300, cursor });
        expect(page.total).toBe(total);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toEqual([...expected].sort((a, b) => b - a));
    }
  });
});
