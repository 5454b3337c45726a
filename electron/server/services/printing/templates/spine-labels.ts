import { retentionText, zh } from '../../../../core/vocabulary';
import { thermalCode128 } from './barcodes';
import { html, trusted, type SafeHtml } from './html';
import { FONTS, type LabelBox, type LabelLayout, yearsText } from './label-box';

/**
 * 盒脊 labels: strips of 36 × 270 mm, five to an A4 sheet, for boxes 4 cm deep and more. A spine is
 * read with the box on the shelf, so the text stands in vertical Chinese (writing-mode: vertical-rl)
 * with the code's letters upright, and the bars run down the strip: a scanner reads them either way.
 */
const BAR_ROOM_MM = 90;

const STYLE = `${FONTS}
@page { size: A4 portrait; margin: 10mm 7mm; }
.sheet { display: flex; flex-wrap: wrap; gap: 4mm; }
.spine { width: 36mm; height: 270mm; border: 0.5pt dashed #777; padding: 4mm 2mm; display: flex; flex-direction: column; align-items: center; gap: 3mm; overflow: hidden; break-inside: avoid; }
.v { writing-mode: vertical-rl; }
.site { font-size: 8pt; color: #333; max-height: 40mm; overflow: hidden; }
.code { font: 700 10pt/1 "DejaVu Sans Mono", "Consolas", monospace; text-orientation: upright; letter-spacing: -0.1em; }
.title { font-size: 20pt; font-weight: 700; line-height: 1.25; flex: 1 1 0; min-height: 0; overflow: hidden; }
.facts { font-size: 9pt; line-height: 1.5; }
.bar { width: 10mm; flex: none; }
`;

function spine(box: LabelBox, siteName: string): SafeHtml {
  const bars = thermalCode128(box.code, true);
  return html`<div class="spine">
    <div class="v site">${siteName}</div>
    <div class="v code">${box.code}</div>
    <div class="v title">${box.title}</div>
    <div class="v facts">${yearsText(box)}<br />${retentionText(box, 'zh-CN')}<br />第${box.volume}盒 · ${zh('confidentiality', box.confidentiality)}</div>
    <img class="bar" alt="" src="${bars.url}" style="height: ${bars.lengthMm}mm" />
  </div>`;
}

export const spineLabels: LabelLayout = {
  size: 'spine',
  barRoomMm: BAR_ROOM_MM,
  vertical: true,
  html: (boxes, siteName) =>
    html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>盒脊标签</title><style>${trusted(STYLE)}</style></head>
<body><div class="sheet">${boxes.map((b) => spine(b, siteName))}</div></body></html>`.value,
};
