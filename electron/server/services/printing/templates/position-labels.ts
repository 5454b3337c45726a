import { html, trusted, type SafeHtml } from './html';
import { code128, qr } from './barcodes';

export interface LabelPosition {
  code: string;
  /** 一号库房 › C-03 › 第2层 › 05 */
  path: string;
  /** The position's own name, printed large: what the eye looks for along a shelf. */
  name: string;
}

/** 3 × 8 small labels of 63 × 33 mm per A4 sheet, one per position, for the shelf's front edge. */
const STYLE = `
@page { size: A4 portrait; margin: 10mm 8mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif; color: #000; }
.sheet { display: grid; grid-template-columns: repeat(3, 63mm); grid-auto-rows: 33mm; gap: 2mm 3mm; }
.label { border: 0.5pt dashed #777; padding: 1.5mm 2mm; display: grid; grid-template-columns: 1fr 16mm; grid-template-rows: auto auto 1fr; column-gap: 1.5mm; break-inside: avoid; overflow: hidden; }
.path { font-size: 7.5pt; line-height: 1.25; }
.name { font-size: 16pt; font-weight: 700; line-height: 1.1; }
.qr { grid-column: 2; grid-row: 1 / 3; width: 16mm; height: 16mm; }
.bar { grid-column: 1 / 3; height: 9mm; width: 100%; object-fit: contain; object-position: left; align-self: end; }
.code { font: 8pt "DejaVu Sans Mono", "Consolas", monospace; }
`;

function label(p: LabelPosition): SafeHtml {
  return html`<div class="label">
    <div><div class="path">${p.path}</div><div class="name">${p.name}</div></div>
    <img class="qr" alt="" src="${qr(p.code)}" />
    <div class="code">${p.code}</div>
    <img class="bar" alt="" src="${code128(p.code)}" />
  </div>`;
}

export function positionLabelsHtml(positions: readonly LabelPosition[]): string {
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>库位标签</title><style>${trusted(STYLE)}</style></head>
<body><div class="sheet">${positions.map(label)}</div></body></html>`.value;
}
