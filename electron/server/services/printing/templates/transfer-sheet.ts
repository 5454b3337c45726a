import type { SignOffSide, Transfer } from '../../../../core/contract/transfers';
import { localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

/** A sheet keeps room to write in: at least this many box rows. */
const MIN_ROWS = 8;

const section = (title: string) => html`<tr class="section"><th colspan="4">${title}</th></tr>`;
const row = (l1: string, v1: SafeHtml | string, l2: string, v2: SafeHtml | string) => html`<tr><th>${l1}</th><td>${v1}</td><th>${l2}</th><td>${v2}</td></tr>`;
const wide = (label: string, value: SafeHtml | string) => html`<tr><th>${label}</th><td colspan="3">${value}</td></tr>`;

function boxRows(t: Transfer): SafeHtml {
  const count = Math.max(MIN_ROWS, t.boxes.length);
  const rows = Array.from({ length: count }, (_, i) => {
    const b = t.boxes[i];
    return b
      ? html`<tr><td>${i + 1}</td><td style="white-space:nowrap">${b.code}</td><td class="left">${b.title}</td><td>${b.itemCount}</td><td class="left">${b.remarks}</td></tr>`
      : html`<tr><td>${i + 1}</td><td></td><td></td><td></td><td></td></tr>`;
  });
  return html`<tr><td colspan="4" style="padding:0"><table class="inner">
<colgroup><col style="width:7%"><col style="width:22%"><col><col style="width:9%"><col style="width:18%"></colgroup>
<tr><th>序号</th><th>档案编号</th><th>案卷题名</th><th>件数</th><th>备注</th></tr>
${rows}
<tr><td colspan="3" class="left">合计：${t.boxes.length} 盒</td><td>${t.boxes.reduce((n, b) => n + b.itemCount, 0)}</td><td></td></tr>
</table></td></tr>`;
}

/** A signed side: the drawn signature image, or the account that confirmed with its password. */
function signedBy(side: SignOffSide | null): SafeHtml {
  if (!side) return html``;
  if (side.signature) return html`${side.name}<br><img class="sig-img" src="${side.signature}" alt="签名">`;
  return html`${side.name}<span class="muted">（账户密码确认）</span>`;
}

/** 《档案移交签收表》 (§4.7; domain.md "Printed forms"): sheet no., departments, reason, the list, approval and both signatures. */
export function transferSheetHtml(t: Transfer, meta: PrintMeta): string {
  const signedDate = t.signedAt ? localDateTime(t.signedAt) : '';
  const body = html`<style>.sig-img { height: 14mm; max-width: 60mm; display: block; margin: 0.5mm 0; } .form td.sig { height: 18mm; vertical-align: top; }</style>
<table class="form">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
${section('一、移交事项')}
${row('移出部门', t.fromDepartment, '接收部门', t.toDepartment)}
${wide('移交原因', t.reason)}
${t.personnelMoveDate && row('人员调动日期', t.personnelMoveDate, '取回期限', html`<b>${t.collectBy ?? ''}</b>（调动后一周内，§4.7.2）`)}
${section('二、移交清单')}
${boxRows(t)}
${section('三、审批与签收')}
${row('审批人', t.decidedByName ?? '', '审批时间', localDateTime(t.decidedAt))}
<tr><th>移交人</th><td class="sig">${signedBy(t.handover)}</td><th>接收人</th><td class="sig">${signedBy(t.receiver)}</td></tr>
${row('移交日期', signedDate, '接收日期', signedDate)}
${row('登记人', t.requestedByName, '登记时间', localDateTime(t.requestedAt))}
</table>
<div class="notice">移交须经部门负责人批准，由双方经办人当场签字（§4.7.1、§4.7.2）。签收后档案由接收部门保管；本表一式两份，双方各执一份。</div>`;
  // A signed sheet carries its signatures in the table; a blank one keeps lines to sign by hand.
  const signatures = t.status === 'signed' ? [] : ['移交人签字', '接收人签字', '部门负责人签字'];
  return formDocument({ title: '档案移交签收表', formNo: `编号：${t.transferNo}`, orientation: 'portrait', body, signatures }, meta);
}
