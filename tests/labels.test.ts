import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from './support/app';
import { code128, crop, pageSizesMm, pdfPages, qr } from './support/barcodes';
import { auditRows, createBox, createOwner, createSetUpApp, errorCode } from './support/fixtures';

let app: TestApp;
let work: string;
beforeEach(async () => {
  app = await createSetUpApp();
  work = mkdtempSync(join(tmpdir(), 'labels-'));
});
afterEach(() => {
  app.close();
  rmSync(work, { recursive: true, force: true });
});

const pages = (base64: string, dpi: number) => pdfPages(base64, dpi, work);

/** The usual resolution of a thermal label printer: every label size's bars must read at it. */
const THERMAL_DPI = 203;

describe('box labels', () => {
  it('print the box code as a Code 128 barcode and a QR code that decode back to it, with title, owner and retention', async () => {
    const ownerId = await createOwner(app, { name: '星巴克咖啡有限公司', unitNo: 'L1-023' });
    const boxes = [];
    for (let i = 0; i < 3; i++)
      boxes.push(await createBox(app, { ownerId, volume: i + 1, title: `星巴克租户档案 第${i + 1}卷`, retentionClass: 'y30', yearFrom: 2020, yearTo: 2024 }));
    const custodian = await app.as('custodian');
    const file = await app.ok('box-labels-pdf', { ids: boxes.map((b) => b.id) }, custodian);
    expect(file.mimeType).toBe('application/pdf');

    const pdf = join(work, 'text.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const b of boxes) expect(text).toContain(b.code);
    expect(text).toContain('星巴克租户档案 第1卷');
    expect(text).toContain('星巴克咖啡有限公司 · L1-023');
    expect(text).toContain('保管期限 定期30年');
    expect(text).toContain('2020–2024');

    const [page] = pages(file.base64, THERMAL_DPI);
    // 2 labels a row, 45 mm + 2 mm gap a row, 8 mm / 7 mm page margins.
    const mm = THERMAL_DPI / 25.4;
    const decoded = boxes.map((_, i) => {
      const region = crop(page!, Math.round((7 + (i % 2) * 101) * mm), Math.round((8 + Math.floor(i / 2) * 47) * mm), Math.round(95 * mm), Math.round(45 * mm));
      return { bar: code128(region), qr: qr(region) };
    });
    expect(decoded).toEqual(boxes.map((b) => ({ bar: b.code, qr: b.code })));
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'print', entity: 'box' });
  }, 60_000);

  it('prints a shelf by code range and refuses an empty one', async () => {
    const ownerId = await createOwner(app);
    const codes = [];
    for (let i = 0; i < 14; i++) codes.push((await createBox(app, { ownerId, volume: i + 1 })).code);
    const clerk = await app.as('clerk');
    const file = await app.ok('box-labels-pdf', { fromCode: codes[1]!, toCode: codes[12]! }, clerk);
    const pdf = join(work, 'range.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(codes.filter((c) => text.includes(c))).toEqual(codes.slice(1, 13));
    // 12 labels fill exactly one A4 sheet.
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Pages:\s+1\b/);
    expect(errorCode(await app.call('box-labels-pdf', { fromCode: 'ZZ-0', toCode: 'ZZ-9' }, clerk))).toBe('NOT_FOUND');
    expect(errorCode(await app.call('box-labels-pdf', { ids: [1] }, await app.as('auditor')))).toBe('FORBIDDEN');
  }, 60_000);
});

function pdfText(base64: string): string {
  const pdf = join(work, 'text.pdf');
  writeFileSync(pdf, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
}

const pageSizes = (base64: string) => pageSizesMm(base64, work);

describe('label sizes at 203 dpi', () => {
  it('print one roll label a page at the roll size, each decoding to its box code', async () => {
    const ownerId = await createOwner(app, { name: '星巴克咖啡有限公司', unitNo: 'L1-023' });
    const clerk = await app.as('clerk');
    // A 40 mm label holds ten characters of code; the default ZH-2026-0001 needs the 60 mm roll.
    const short = [await createBox(app, { ownerId, volume: 1, code: 'ZH26000001' }), await createBox(app, { ownerId, volume: 2, code: 'KH20260001' })];
    const small = await app.ok('box-labels-pdf', { ids: short.map((b) => b.id), size: 'roll_40x30' }, clerk);
    expect(small.fileName).toBe('档案盒标签（40×30 毫米卷筒标签）-KH20260001_ZH26000001.pdf');
    expect(pageSizes(small.base64)).toEqual(['40x30', '40x30']);
    expect(pages(small.base64, THERMAL_DPI).map((p) => code128(p))).toEqual(['KH20260001', 'ZH26000001']);

    const usual = [await createBox(app, { ownerId, volume: 3, title: '星巴克租户档案 第3卷' }), await createBox(app, { ownerId, volume: 4 })];
    const large = await app.ok('box-labels-pdf', { ids: usual.map((b) => b.id), size: 'roll_60x40' }, clerk);
    expect(pageSizes(large.base64)).toEqual(['60x40', '60x40']);
    expect(pdfText(large.base64)).toContain('星巴克租户档案 第3卷');
    expect(pages(large.base64, THERMAL_DPI).map((p) => ({ bar: code128(p), qr: qr(p) }))).toEqual(usual.map((b) => ({ bar: b.code, qr: b.code })));
  }, 60_000);

  it('print spine strips with vertical bars and an A4 cover with the cover fields, all decoding at 203 dpi', async () => {
    const ownerId = await createOwner(app, { name: '星巴克咖啡有限公司', unitNo: 'L1-023' });
    const boxes = [];
    for (let i = 0; i < 2; i++)
      boxes.push(
        await createBox(app, { ownerId, volume: i + 1, title: `星巴克租户档案 第${i + 1}卷`, retentionClass: 'permanent', yearFrom: 2019, yearTo: 2024 }),
      );
    const custodian = await app.as('custodian');
    for (const n of [1, 2, 3])
      await app.ok(
        'box-document-add',
        { boxId: boxes[0]!.id, docDate: `2024-0${n}-01`, title: `消防验收单 ${n}`, category: 'b', pages: 2, note: '' },
        custodian,
      );

    const spine = await app.ok('box-labels-pdf', { ids: boxes.map((b) => b.id), size: 'spine' }, custodian);
    expect(spine.fileName).toMatch(/^盒脊标签-/);
    const [sheet] = pages(spine.base64, THERMAL_DPI);
    // Strips of 36 × 270 mm, 4 mm apart, inside 7 mm / 10 mm page margins; the bars (44 mm with
    // their quiet zones) end 4 mm above a strip's foot. A scanner is aimed at them, so only they are
    // read: a row through the whole strip crosses the title first.
    const mm = THERMAL_DPI / 25.4;
    const strips = boxes.map((_, i) =>
      code128(crop(sheet!, Math.round((7 + i * 40) * mm), Math.round((10 + 270 - 48) * mm), Math.round(36 * mm), Math.round(48 * mm)), true),
    );
    expect(strips).toEqual(boxes.map((b) => b.code));

    const cover = await app.ok('box-labels-pdf', { ids: boxes.map((b) => b.id), size: 'cover' }, custodian);
    expect(pageSizes(cover.base64)).toEqual(['210x297', '210x297']);
    const text = pdfText(cover.base64);
    for (const field of ['立档单位：万象广场运营部', '档号', '题名', '起止年度', '保管期限', '密级', '件数', '盒号', '第1盒', '第2盒', '2019–2024', '永久'])
      expect(text).toContain(field);
    expect(text).toMatch(/件数\s+3\b/);
    expect(pages(cover.base64, THERMAL_DPI).map((p) => ({ bar: code128(p), qr: qr(p) }))).toEqual(boxes.map((b) => ({ bar: b.code, qr: b.code })));
  }, 60_000);

  it('refuses a label too narrow for a code, names the code and prints and records nothing', async () => {
    const ownerId = await createOwner(app);
    const box = await createBox(app, { ownerId });
    const clerk = await app.as('clerk');
    const before = auditRows(app.runtime.requireDb()).length;
    const refused = await app.call('box-labels-pdf', { ids: [box.id], size: 'roll_40x30' }, clerk);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'LABEL_TOO_SMALL', params: { code: box.code, size: 'roll_40x30', needMm: '44.0', roomMm: '38.0' } },
    });
    expect(auditRows(app.runtime.requireDb())).toHaveLength(before);
    // The longest code a box may have fits none of the thermal sizes, nor the spine.
    const long = await createBox(app, { ownerId, volume: 2, code: 'ZH-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0001' });
    for (const size of ['roll_60x40', 'spine'] as const)
      expect(errorCode(await app.call('box-labels-pdf', { ids: [long.id], size }, clerk))).toBe('LABEL_TOO_SMALL');
    expect(errorCode(await app.call('box-labels-pdf', { ids: [box.id], size: 'a5' }, clerk))).toBe('VALIDATION');
  }, 60_000);
});

describe('position labels', () => {
  it('print each position of a cabinet with its path, and a Code 128 and QR of its code that a scan puts a box on', async () => {
    const custodian = await app.as('custodian');
    const room = await app.ok('location-room-create', { name: '一号库房' }, custodian);
    const { ids } = await app.ok('location-cabinets-create', { roomId: room.id, first: 'C-03', count: 1, shelves: 2, positions: 2 }, custodian);
    const grid = await app.ok('location-cabinet', { id: ids[0]! }, custodian);
    const codes = grid.shelves.flatMap((s) => s.positions.map((p) => p.code));
    const file = await app.ok('location-labels-pdf', { id: ids[0]! }, await app.as('clerk'));
    expect(file.fileName).toBe('库位标签-一号库房-C-03.pdf');

    const pdf = join(work, 'positions.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('一号库房 › C-03 › 第2层 › 02');
    for (const code of codes) expect(text).toContain(code);

    const [page] = pages(file.base64, 300);
    // 3 labels a row, 63 mm + 3 mm apart, 33 mm + 2 mm a row, 10 mm / 8 mm page margins.
    const mm = 300 / 25.4;
    const decoded = codes.map((_, i) => {
      const region = crop(page!, Math.round((8 + (i % 3) * 66) * mm), Math.round((10 + Math.floor(i / 3) * 35) * mm), Math.round(63 * mm), Math.round(33 * mm));
      return { bar: code128(region), qr: qr(region) };
    });
    expect(decoded).toEqual(codes.map((code) => ({ bar: code, qr: code })));

    // What the label's code reads is what a scan places the box by.
    const box = await createBox(app);
    expect((await app.ok('box-place', { boxCode: box.code, positionCode: decoded[3]!.bar, reason: '扫码上架' }, custodian)).path).toBe(
      '一号库房 › C-03 › 第2层 › 02',
    );
    expect(auditRows(app.runtime.requireDb()).some((r) => r.action === 'print' && r.entity === 'location')).toBe(true);
  }, 60_000);
});
