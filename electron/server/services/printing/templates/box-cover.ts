import { retentionText, zh } from '../../../../core/vocabulary';
import { qr, thermalCode128 } from './barcodes';
import { html, trusted, type SafeHtml } from './html';
import { FONTS, type LabelBox, type LabelLayout, yearsText } from './label-box';

/**
 * 档案盒封面, one A4 page a box, pasted on the box's face. domain.md § Printed forms gives a box's
 * label (code, title, owner, unit, years, retention) and § What is kept its confidentiality and
 * volume (§4.3.1: one box per tenant, volume 2, 3… as it grows); the digest has no cover of its
 * own, so the cover adds what the usual Chinese box cover (DA/T 22's 档案盒) carries beside those:
 * 立档单位 (the site name of 系统设置), 件数 (documents in the 卷内目录) and 盒号 (the volume).
 */
const BAR_ROOM_MM = 120;

const STYLE = `${FONTS}
@page { size: A4 portrait; margin: 0; }
.cover { width: 210mm; height: 297mm; padding: 28mm 25mm 20mm; display: flex; flex-direction: column; align-items: center; }
.cover + .cover { break-before: page; }
.unit { font-size: 16pt; letter-spacing: 0.1em; text-align: center; }
h1 { font-size: 40pt; letter-spacing: 0.6em; margin: 14mm 0 12mm; padding-left: 0.6em; }
table { width: 100%; border-collapse: collapse; font-size: 14pt; }
th, td { border: 1pt solid #000; padding: 4mm 4mm; text-align: left; vertical-align: middle; }
th { width: 34mm; font-weight: 400; letter-spacing: 0.2em; white-space: nowrap; }
td.code { font: 700 18pt "DejaVu Sans Mono", "Consolas", monospace; }
td.title { font-size: 16pt; font-weight: 700; line-height: 1.4; }
.codes { margin-top: auto; display: flex; align-items: flex-end; gap: 10mm; }
.bar { height: 16mm; display: block; }
.qr { width: 26mm; height: 26mm; }
`;

function cover(box: LabelBox, siteName: string): SafeHtml {
  const bars = thermalCode128(box.code);
  const owner = box.ownerName ? `${box.ownerName}${box.unitNo ? ` · ${box.unitNo}` : ''}` : '—';
  return html`<div class="cover">
    <div class="unit">立档单位：${siteName}</div>
    <h1>档案盒</h1>
    <table>
      <tr><th>档号</th><td class="code">${box.code}</td></tr>
      <tr><th>题名</th><td class="title">${box.title}</td></tr>
      <tr><th>租户/客户</th><td>${owner}</td></tr>
      <tr><th>起止年度</th><td>${yearsText(box)}</td></tr>
      <tr><th>保管期限</th><td>${retentionText(box, 'zh-CN')}</td></tr>
      <tr><th>密级</th><td>${zh('confidentiality', box.confidentiality)}</td></tr>
      <tr><th>件数</th><td>${box.itemCount}</td></tr>
      <tr><th>盒号</th><td>第 ${box.volume} 盒</td></tr>
    </table>
    <div class="codes">
      <img class="bar" alt="" src="${bars.url}" style="width: ${bars.lengthMm}mm" />
      <img class="qr" alt="" src="${qr(box.code)}" />
    </div>
  </div>`;
}

export const boxCover: LabelLayout = {
  size: 'cover',
  barRoomMm: BAR_ROOM_MM,
  vertical: false,
  html: (boxes, siteName) =>
    html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>档案盒封面</title><style>${trusted(STYLE)}</style></head>
<body>${boxes.map((b) => cover(b, siteName))}</body></html>`.value,
};
