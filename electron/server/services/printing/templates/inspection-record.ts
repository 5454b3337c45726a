import type { Inspection, InspectionItem } from '../../../../core/contract/inspections';
import { zh } from '../../../../core/vocabulary';
import { localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '✓' : '✗');

function itemRow(item: InspectionItem, followUp: string): SafeHtml {
  const notChecked = item.checkedAt === null;
  return html`<tr><td>${item.seq}</td><td class="nowrap">${item.code}</td><td class="left">${item.title}</td><td class="left">${item.location}</td>
<td>${yesNo(item.present)}</td><td>${notChecked ? '' : yesNo(item.complete)}</td><td>${notChecked ? '' : yesNo(item.correctlyFiled)}</td><td>${item.condition ? zh('boxCondition', item.condition) : ''}</td>
<td class="left">${item.findings.map((f) => zh('finding', f)).join('、')}${item.note && `：${item.note}`}</td><td class="left">${followUp}</td></tr>`;
}

/** 《档案检查记录》 (§4.8; domain.md "Printed forms"): month, inspector, each box's check, findings and their follow-up. */
export function inspectionRecordHtml(i: Inspection, meta: PrintMeta): string {
  const followUpOf = new Map(i.followUps.map((f) => [f.itemId, `${f.owner}·${f.status === 'closed' ? `已关闭 ${f.resolution}` : '跟进中'}`]));
  const body = html`<table class="form" style="margin-bottom:2mm">
<colgroup><col style="width:12%"><col style="width:21%"><col style="width:12%"><col style="width:21%"><col style="width:12%"><col style="width:22%"></colgroup>
<tr><th>检查月份</th><td>${i.month}</td><th>检查人</th><td>${i.startedByName}</td><th>状态</th><td>${i.status === 'completed' ? `已完成 ${localDateTime(i.completedAt)}` : '进行中'}</td></tr>
<tr><th>应查</th><td>${i.total} 盒</td><th>已查</th><td>${i.checked} 盒</td><th>有问题</th><td>${i.withFindings} 盒</td></tr>
</table>
<table class="form register">
<colgroup><col style="width:5%"><col style="width:13%"><col><col style="width:14%"><col style="width:5%"><col style="width:5%"><col style="width:6%"><col style="width:6%"><col style="width:20%"><col style="width:12%"></colgroup>
<tr><th>序号</th><th>档案编号</th><th>案卷题名</th><th>存放位置</th><th>在架</th><th>齐全</th><th>存放正确</th><th>状况</th><th>检查发现</th><th>跟进（责任人·状态）</th></tr>
${i.items.map((item) => itemRow(item, followUpOf.get(item.id) ?? ''))}
</table>
<div class="notice">检查内容：档案是否齐全，档案有无存放错误（§4.8.1）；每月自行检查一次（§4.8.2）。✓ 是　✗ 否；发现的问题由责任人跟进至关闭。</div>`;
  return formDocument(
    { title: '档案检查记录', formNo: `月份：${i.month}`, orientation: 'landscape', body, signatures: ['检查人签字', '部门负责人签字'] },
    meta,
  );
}
