import { locationPath } from '../../../../core/contract/locations';
import { retentionText } from '../../../../core/vocabulary';
import { qr, thermalCode128 } from './barcodes';
import { html, trusted, type SafeHtml } from './html';
import { FONTS, type LabelBox, type LabelLayout, yearsText } from './label-box';

/** 2 × 6 labels of 95 × 45 mm per A4 sheet, for box spines and lids. */
const STYLE = `${FONTS}
@page { size: A4 portrait; margin: 8mm 7mm; }
.sheet { display: grid; grid-template-columns: repeat(2, 95mm); grid-auto-rows: 45mm; gap: 2mm 6mm; }
.label { border: 0.5pt dashed #777; padding: 2mm 2.5mm; display: grid; grid-template-columns: 1fr 22mm; grid-template-rows: auto auto 1fr; column-gap: 2mm; break-inside: avoid; overflow: hidden; }
.site { grid-column: 1 / 3; font-size: 7pt; color: #333; white-space: nowrap; overflow: hidden; }
.code { font: 700 15pt/1.15 "DejaVu Sans Mono", "Consolas", monospace; letter-spacing: 0.04em; }
.qr { grid-column: 2; grid-row: 2 / 4; width: 22mm; height: 22mm; align-self: start; }
.facts { font-size: 8pt; line-height: 1.35; }
.title { font-size: 9pt; font-weight: 700; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.place { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.bar { grid-column: 1 / 3; height: 10mm; margin-top: 1mm; }
`;

function label(box: LabelBox, siteName: string): SafeHtml {
  const bars = thermalCode128(box.code);
  return html`<div class="label">
    <div class="site">${siteName}</div>
    <div class="code">${box.code}</div>
    <img class="qr" alt="" src="${qr(box.code)}" />
    <div class="facts">
      <div class="title">${box.title}</div>
      <div>${box.ownerName ?? ''}${box.unitNo ? ` · ${box.unitNo}` : ''}</div>
      <div>年度 ${yearsText(box)} · 保管期限 ${retentionText(box, 'zh-CN')}</div>
      ${locationPath(box) ? html`<div class="place">${locationPath(box)}</div>` : ''}
    </div>
    <img class="bar" alt="" src="${bars.url}" style="width: ${bars.lengthMm}mm" />
  </div>`;
}

export const sheetLabels: LabelLayout = {
  size: 'sheet',
  // The label's width less its padding.
  barRoomMm: 95 - 2 * 2.5,
  vertical: false,
  html: (boxes, siteName) =>
    html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>档案盒标签</title><style>${trusted(STYLE)}</style></head>
<body><div class="sheet">${boxes.map((b) => label(b, siteName))}</div></body></html>`.value,
};
