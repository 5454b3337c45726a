import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { boxes, owners } from '../../../../db/schema';
import type { ExportFile } from '../../../core/contract/audit';
import { AppError } from '../../../core/contract/errors';
import { LABELS_CAP, type boxLabelsInput } from '../../../core/contract/labels';
import type { OutputContext } from '../output-context';
import { getSettings } from '../settings';
import { mutate } from '../transaction';
import { zh } from '../../../core/vocabulary';
import type { LabelSize } from '../../../core/enums';
import { itemCounts } from '../form-numbers';
import { thermalCode128 } from './templates/barcodes';
import type { LabelBox, LabelLayout } from './templates/label-box';
import { LABEL_LAYOUTS } from './templates/label-layouts';
import { positionLabelsHtml } from './templates/position-labels';
import { getLocation, placeOf, positionsUnder } from '../locations';
import { locationPath, positionCode } from '../../../core/contract/locations';

/** The boxes to label, in code order: those picked, or a code range (a shelf). */
function labelBoxes(ctx: OutputContext, input: z.output<typeof boxLabelsInput>): LabelBox[] {
  const where = 'ids' in input ? inArray(boxes.id, input.ids) : and(gte(boxes.code, input.fromCode), lte(boxes.code, input.toCode));
  const rows = ctx.db
    .select({
      id: boxes.id,
      code: boxes.code,
      title: boxes.title,
      volume: boxes.volume,
      confidentiality: boxes.confidentiality,
      yearFrom: boxes.yearFrom,
      yearTo: boxes.yearTo,
      retentionClass: boxes.retentionClass,
      retentionYears: boxes.retentionYears,
      room: boxes.room,
      cabinet: boxes.cabinet,
      shelf: boxes.shelf,
      position: boxes.position,
      ownerName: owners.name,
      unitNo: owners.unitNo,
    })
    .from(boxes)
    .leftJoin(owners, eq(owners.id, boxes.ownerId))
    .where(where)
    .orderBy(asc(boxes.code))
    .limit(LABELS_CAP + 1)
    .all();
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  if (rows.length > LABELS_CAP) throw new AppError('LABELS_TOO_MANY', { params: { max: LABELS_CAP } });
  const counts = itemCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map(({ id, ...box }) => ({ ...box, itemCount: counts.get(id) ?? 0 }));
}

/** Refuses the whole print when one code's bars, at two dots a module, are longer than the label has room for. */
function checkFit(list: readonly LabelBox[], layout: LabelLayout): void {
  for (const box of list) {
    const need = thermalCode128(box.code, layout.vertical).lengthMm;
    if (need > layout.barRoomMm)
      throw new AppError('LABEL_TOO_SMALL', { params: { code: box.code, size: layout.size, needMm: need.toFixed(1), roomMm: layout.barRoomMm.toFixed(1) } });
  }
}

/** The form's name in the audit log and the file name: 档案盒标签, 档案盒标签（40×30 毫米卷筒标签）, 盒脊标签, 档案盒封面. */
function formName(size: LabelSize): string {
  if (size === 'sheet') return '档案盒标签';
  if (size === 'roll_40x30' || size === 'roll_60x40') return `档案盒标签（${zh('labelSize', size)}）`;
  return zh('labelSize', size);
}

/** One PDF of labels on the chosen size; the print is recorded with the codes it covers. */
export async function boxLabelsPdf(ctx: OutputContext, input: z.output<typeof boxLabelsInput>): Promise<ExportFile> {
  const list = labelBoxes(ctx, input);
  const layout = LABEL_LAYOUTS[input.size];
  checkFit(list, layout);
  const form = formName(input.size);
  mutate(ctx.db, ctx.actor, () => ({
    result: null,
    audit: {
      action: 'print',
      entity: 'box',
      entityId: null,
      after: { form, count: list.length, first: list[0]!.code, last: list[list.length - 1]!.code },
    },
  }));
  const pdf = await ctx.printer.pdf(layout.html(list, getSettings(ctx.db).siteName));
  const name = list.length === 1 ? list[0]!.code : `${list[0]!.code}_${list[list.length - 1]!.code}`;
  return { fileName: `${form}-${name}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

/** The labels of a cabinet's or a shelf's positions, in shelf order, for scanning a box onto its place. */
export async function positionLabelsPdf(ctx: OutputContext, nodeId: number): Promise<ExportFile> {
  const node = getLocation(ctx.db, nodeId);
  const positions = positionsUnder(ctx.db, node).map((p) => {
    const row = getLocation(ctx.db, p.id);
    return { code: positionCode(row.id), name: row.name, path: locationPath(placeOf(ctx.db, row)) };
  });
  if (positions.length === 0) throw new AppError('NOT_FOUND');
  if (positions.length > LABELS_CAP) throw new AppError('LABELS_TOO_MANY', { params: { max: LABELS_CAP } });
  const path = locationPath(placeOf(ctx.db, node));
  mutate(ctx.db, ctx.actor, () => ({
    result: null,
    audit: { action: 'print', entity: 'location', entityId: node.id, after: { form: '库位标签', path, count: positions.length } },
  }));
  const pdf = await ctx.printer.pdf(positionLabelsHtml(positions));
  return { fileName: `库位标签-${path.replaceAll(' › ', '-')}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
