import type { Destruction } from '../../../../core/contract/destructions';
import { retentionText, zh } from '../../../../core/vocabulary';
import { yearsText } from './custody-format';
import { localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

const MIN_ROWS = 6;

function boxRows(d: Destruction): SafeHtml {
  const count = Math.max(MIN_ROWS, d.boxes.length);
  return html`${Array.from({ length: count }, (_, i) => {
    const b = d.boxes[i];
    return b
      ? html`<tr><td>${i + 1}</td><td class="nowrap">${b.code}</td><td class="left">${b.title}</td><td>${yearsText(b)}</td><td>${retentionText(b, 'zh-CN')}</td><td>${b.retentionEnd}</td><td>${b.itemCount}</td><td class="left">${d.reason}</td></tr>`
      : html`<tr><td>${i + 1}</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>`;
  })}`;
}

const methodText = (d: Destruction) => (d.method ? `${zh('destructionMethod', d.method)}${d.methodNote ? `（${d.methodNote}）` : ''}` : '');

/**
 * 《档案销毁清册》 (§4.9; domain.md "Printed forms"): the list, the approval, the method, the date,
 * the executor and two supervisors 监销人, each with a line to sign.
 */
export function destructionRegisterHtml(d: Destruction, meta: PrintMeta): string {
  const [s1, s2] = d.supervisors ?? ['', ''];
  const body = html`<table class="form register">
<colgroup><col style="width:5%"><col style="width:15%"><col><col style="width:10%"><col style="width:9%"><col style="width:11%"><col style="width:6%"><col style="width:17%"></colgroup>
<tr><th>序号</th><th>档案编号</th><th>案卷题名</th><th>起止年度</th><th>保管期限</th><th>期满日期</th><th>件数</th><th>销毁原因</th></tr>
${boxRows(d)}
<tr><td colspan="6" class="left">合计：${d.boxes.length} 盒</td><td>${d.boxes.reduce((n, b) => n + b.itemCount, 0)}</td><td></td></tr>
</table>
<table class="form" style="margin-top:3mm">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
<tr><th>提出人</th><td>${d.proposedByName}</td><th>提出时间</th><td>${localDateTime(d.proposedAt)}</td></tr>
<tr><th>批准人</th><td>${d.decidedByName ?? ''}</td><th>批准日期</th><td>${localDateTime(d.decidedAt).slice(0, 10)}</td></tr>
<tr><th>销毁方式</th><td>${methodText(d)}</td><th>销毁日期</th><td>${d.destroyedOn ?? ''}</td></tr>
<tr><th>执行人</th><td>${d.executorName ?? ''}</td><th>登记人</th><td>${d.executedByName ?? ''}</td></tr>
<tr><th>监销人（一）</th><td>${s1}</td><th>监销人（二）</th><td>${s2}</td></tr>
</table>
<div class="notice">档案销毁须经部门负责人批准并做好记录（§4.9）；销毁时由两名监销人现场监督并签字。已销毁档案的目录记录永久保留，指向本清册。</div>`;
  return formDocument(
    {
      title: '档案销毁清册',
      formNo: `编号：${d.registerNo}`,
      orientation: 'landscape',
      body,
      signatures: ['批准人签字', '执行人签字', '监销人签字', '监销人签字'],
    },
    meta,
  );
}
