import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { TestApp } from './support/app';
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

/** Page images of a PDF at a resolution a scanner would manage. */
function pages(base64: string, dpi: number): PNG[] {
  const pdf = join(work, 'labels.pdf');
  writeFileSync(pdf, Buffer.from(base64, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(work, 'page')]);
  return readdirSync(work)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(work, f))));
}

/** The image cut to one region (a label), so each decoder sees a single code. */
function crop(png: PNG, x: number, y: number, w: number, h: number): PNG {
  const out = new PNG({ width: w, height: h });
  PNG.bitblt(png, out, x, y, w, h, 0, 0);
  return out;
}

function code128(png: PNG): string {
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) luminance[i] = (png.data[i * 4]! * 299 + png.data[i * 4 + 1]! * 587 + png.data[i * 4 + 2]! * 114) / 1000;
  const reader = new MultiFormatReader();
  reader.setHints(
    new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]),
  );
  return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)))).getText();
}

const qr = (png: PNG) => jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;

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

    const [page] = pages(file.base64, 200);
    // 2 labels a row, 45 mm + 2 mm gap a row, 8 mm / 7 mm page margins (200 dpi: 7.874 px/mm).
    const mm = 200 / 25.4;
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
