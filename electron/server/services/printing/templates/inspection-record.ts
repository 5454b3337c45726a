import type { Inspection, InspectionItem } from '../../../../core/contract/inspections';
import type { MonthConditions } from '../../../../core/contract/rooms';
import { zh } from '../../../../core/vocabulary';
import { localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

const yesNo = (v: boolean | null) => (v === null ? '' : v ? '✓' : '✗');

function itemRow(item: InspectionItem, followUp: string): SafeHtml {
  const notChecked = item.checkedAt === null;
  return html`<tr><td>${item.seq}</td><td class="nowrap">${item.code}</td><td class="left">${item.title}</td><td class="left">${item.location}${item.foundIn === null ? '' : `（在 ${item.foundIn} 发现）`}</td>
<td>${yesNo(item.present)}</td><td>${notChecked ? '' : yesNo(item.complete)}</td><td>${notChecked ? '' : yesNo(item.correctlyFiled)}</td><td>${item.condition ? zh('boxCondition', item.condition) : ''}</td>
<td class="left">${item.findings.map((f) => zh('finding', f)).join('、')}${item.note && `：${item.note}`}</td><td class="left">${followUp}</td></tr>`;
}

const range = (lo: number, hi: number, unit: string) => (lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`);

/** The month's room conditions (§4.5.1): each room's lowest and highest readings, then its incidents and their follow-up. */
function roomsSection(rooms: MonthConditions): SafeHtml {
  return html`<table class="form register" style="margin-top:3mm">
<colgroup><col style="width:16%"><col style="width:10%"><col style="width:18%"><col style="width:18%"><col></colgroup>
<tr><th colspan="5" class="left">库房温湿度与安全（§4.5.1）</th></tr>
<tr><th>库房</th><th>读数</th><th>温度（最低–最高）</th><th>相对湿度（最低–最高）</th><th>超出范围</th></tr>
${rooms.rooms.map(
  (r) =>
    html`<tr><td class="left">${r.name}</td>${
      r.summary
        ? html`<td>${r.summary.count}</td><td>${range(r.summary.minTemperature, r.summary.maxTemperature, '°C')}</td><td>${range(r.summary.minHumidity, r.summary.maxHumidity, '%')}</td><td>${r.summary.outOfRange} 次</td>`
        : html`<td colspan="4">本月无读数</td>`
    }</tr>`,
)}
<tr><th>库房</th><th>类别</th><th>报告时间</th><th>情况</th><th>处理情况</th></tr>
${
  rooms.incidents.length === 0
    ? html`<tr><td colspan="5">本月无库房安全事件</td></tr>`
    : rooms.incidents.map(
        (x) =>
          html`<tr><td class="left">${x.roomName}</td><td>${zh('roomRisk', x.risk)}</td><td class="nowrap">${localDateTime(x.openedAt)}</td><td class="left">${x.description}</td><td class="left">${x.status === 'closed' ? x.followUp : '跟进中'}</td></tr>`,
      )
}
</table>`;
}

/** The record's title: the monthly check's form, or the yearly full stocktake's. */
export const inspectionRecordTitle = (kind: Inspection['kind']): string => (kind === 'full' ? '档案全面盘点记录' : '档案检查记录');

/** What the inspection covers, said under its list. */
const scopeNote = (kind: Inspection['kind']): string =>
  kind === 'full'
    ? '全面盘点：除每月检查外每年至少一次，清点在库、待销毁及曾报丢失的全部档案，核对账实是否相符。'
    : '检查内容：档案是否齐全，档案有无存放错误（§4.8.1）；每月自行检查一次（§4.8.2）。';

/** 《档案检查记录》 (§4.8; domain.md "Printed forms"): month, inspector, each box's check, findings and their follow-up. */
export function inspectionRecordHtml(i: Inspection, rooms: MonthConditions, meta: PrintMeta): string {
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
${roomsSection(rooms)}
<div class="notice">${scopeNote(i.kind)}✓ 是　✗ 否；发现的问题由责任人跟进至关闭。</div>`;
  return formDocument(
    { title: inspectionRecordTitle(i.kind), formNo: `月份：${i.month}`, orientation: 'landscape', body, signatures: ['检查人签字', '部门负责人签字'] },
    meta,
  );
}
