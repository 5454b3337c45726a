import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** A PDF's pages as images at a resolution (a scanner's, a printer's), drawn by poppler into a fresh folder under `work`. */
export function pdfPages(pdf: Buffer | string, dpi: number, work: string): PNG[] {
  const dir = mkdtempSync(join(work, 'pages-'));
  const file = join(dir, 'print.pdf');
  writeFileSync(file, typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

/** The image cut to one region (a label), so each decoder sees a single code. */
export function crop(png: PNG, x: number, y: number, w: number, h: number): PNG {
  const out = new PNG({ width: w, height: h });
  PNG.bitblt(png, out, x, y, w, h, 0, 0);
  return out;
}

/** The Code 128 in an image; `upright` for bars that run down the page (a spine), read turned a quarter. */
export function code128(png: PNG, upright = false): string {
  const grey = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return (png.data[i]! * 299 + png.data[i + 1]! * 587 + png.data[i + 2]! * 114) / 1000;
  };
  const [width, height] = upright ? [png.height, png.width] : [png.width, png.height];
  const luminance = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) luminance[y * width + x] = upright ? grey(y, x) : grey(x, y);
  const reader = new MultiFormatReader();
  reader.setHints(
    new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]),
  );
  return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
}

export const qr = (png: PNG) => jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;

/** A PDF's page sizes in whole millimetres ('40x30'): Chromium rounds a CSS page size to its own pixels (113.04 pt for 40 mm). */
export function pageSizesMm(pdf: Buffer | string, work: string): string[] {
  const file = join(mkdtempSync(join(work, 'info-')), 'print.pdf');
  writeFileSync(file, typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf);
  const info = execFileSync('pdfinfo', ['-l', '999', file]).toString();
  const mm = (pt: string) => Math.round((Number(pt) * 25.4) / 72);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${mm(m[1]!)}x${mm(m[2]!)}`);
}
