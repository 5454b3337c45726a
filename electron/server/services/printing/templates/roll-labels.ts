import { retentionText } from '../../../../core/vocabulary';
import { DOT_MM, qr, thermalCode128 } from './barcodes';
import { html, trusted, type SafeHtml } from './html';
import { FONTS, type LabelBox, type LabelLayout, yearsText } from './label-box';

/**
 * The label printer's roll: one label a page, the page the label's own size. The edge is 8 dots
 * (1 mm), how far a roll wanders under the head; a whole number of dots keeps every bar on the
 * printer's dot grid.
 */
const EDGE_MM = 8 * DOT_MM;

const page = (widthMm: number, heightMm: number, own: string) => `${FONTS}
@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }
.label { width: ${widthMm}mm; height: ${heightMm}mm; padding: ${EDGE_MM}mm; overflow: hidden; }
.label + .label { break-before: page; }
.bar { display: block; }
.line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
${own}`;

const document = (style: string, labels: SafeHtml[]) =>
  html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>档案盒标签</title><style>${trusted(style)}</style></head>
<body>${labels}</body></html>`.value;

/** 40 × 30 mm: the code, its bars, the title on one line, the years and retention. */
const SMALL = page(
  40,
  30,
  `
.code { font: 700 10pt/1.15 "DejaVu Sans Mono", "Consolas", monospace; }
.bar { height: 12mm; margin: 0.5mm 0; }
.title { font-size: 7pt; font-weight: 700; line-height: 1.25; }
.facts { font-size: 6.5pt; line-height: 1.25; }
`,
);

function small(box: LabelBox): SafeHtml {
  const bars = thermalCode128(box.code);
  return html`<div class="label">
    <div class="code">${box.code}</div>
    <img class="bar" alt="" src="${bars.url}" style="width: ${bars.lengthMm}mm" />
    <div class="title line">${box.title}</div>
    <div class="facts line">${yearsText(box)} · ${retentionText(box, 'zh-CN')}</div>
  </div>`;
}

/** 60 × 40 mm: as the A4 label, smaller: site, code, title, owner, years, retention, QR and bars. */
const LARGE = page(
  60,
  40,
  `
.top { display: grid; grid-template-columns: 1fr 15mm; column-gap: 1.5mm; height: 22mm; }
.site { font-size: 6pt; color: #333; }
.code { font: 700 11pt/1.15 "DejaVu Sans Mono", "Consolas", monospace; }
.facts { font-size: 6.5pt; line-height: 1.3; overflow: hidden; }
.title { font-size: 7.5pt; font-weight: 700; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.qr { width: 15mm; height: 15mm; }
.bar { height: 11mm; margin-top: 1mm; }
`,
);

function large(box: LabelBox, siteName: string): SafeHtml {
  const bars = thermalCode128(box.code);
  return html`<div class="label">
    <div class="top">
      <div class="facts">
        <div class="site line">${siteName}</div>
        <div class="code">${box.code}</div>
        <div class="title">${box.title}</div>
        <div class="line">${box.ownerName ?? ''}${box.unitNo ? ` · ${box.unitNo}` : ''}</div>
        <div class="line">${yearsText(box)} · ${retentionText(box, 'zh-CN')}</div>
      </div>
      <img class="qr" alt="" src="${qr(box.code)}" />
    </div>
    <img class="bar" alt="" src="${bars.url}" style="width: ${bars.lengthMm}mm" />
  </div>`;
}

export const smallRollLabels: LabelLayout = {
  size: 'roll_40x30',
  barRoomMm: 40 - 2 * EDGE_MM,
  vertical: false,
  html: (boxes) => document(SMALL, boxes.map(small)),
};

export const largeRollLabels: LabelLayout = {
  size: 'roll_60x40',
  barRoomMm: 60 - 2 * EDGE_MM,
  vertical: false,
  html: (boxes, siteName) =>
    document(
      LARGE,
      boxes.map((b) => large(b, siteName)),
    ),
};
