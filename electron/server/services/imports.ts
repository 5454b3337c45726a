import { eq } from 'drizzle-orm';
import { RETENTION_MINIMUMS, retentionBelowMinimum } from '../../core/retention-minimums';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes } from '../../../db/schema';
import { boxCreateInput, type BoxCreateInput } from '../../core/contract/boxes';
import {
  BOX_IMPORT_FIELDS,
  IMPORT_PARSED_SHOWN,
  type BoxImportField,
  type ImportCheck,
  type ImportProblem,
  type importFileInput,
  type importRunInput,
} from '../../core/contract/imports';
import { locationPath, writtenPlace } from '../../core/contract/locations';
import { ownerKey } from '../../core/contract/owner-names';
import { ownerCreateInput, type OwnerInput } from '../../core/contract/owners';
import type { Actor } from './actor';
import type { AuditEntry } from './audit';
import { boxByFormerCode } from './box-former-codes';
import { insertBox } from './boxes';
import { splitLocation } from './box-location-text';
import { byRow, refusalOf, refuseProblems, rehearse, sheetSummary, withoutProblems } from './import-rehearsal';
import { checkEachRow, guessMapping, missingColumns, readSheet, recordZodIssues, type Sheet } from './import-sheet';
import { BUSINESS_TYPE } from './owner-import';
import { mergeTargets, ownerFinder, planOwners } from './owner-keys';
import { placeFinder } from './locations';
import { insertOwner } from './owners';
import { mutate } from './transaction';

export { decodeCsv } from './import-sheet';

/** Headers the office's Excel registers use (seed 003), matched after removing spaces and brackets. */
const HEADER_ALIASES: Record<BoxImportField, string[]> = {
  code: ['档案编号', '档号', '编号', '盒号', '档案盒编号'],
  kind: ['类别', '档案类别', '档案类型', '类型'],
  title: ['题名', '案卷题名', '档案名称', '名称', '标题'],
  ownerName: ['租户', '租户名称', '客户', '客户名称', '租户/客户', '商户名称', '单位名称', '户名'],
  unitNo: ['铺位号', '铺位', '商铺号', '单元号'],
  floor: ['楼层', '所在楼层'],
  businessType: ['经营类型', '业态', '经营业态'],
  volume: ['卷号', '卷', '第几卷'],
  // 起止日期 holds both years (2019–2023): see yearsOf.
  yearFrom: ['起始年度', '起始年份', '年度', '开始年度', '起止日期', '起止年度', '起止年份', '起止时间', '年度起止'],
  yearTo: ['截止年度', '结束年度', '终止年度'],
  confidentiality: ['密级', '保密等级'],
  retention: ['保管期限', '保存期限', '期限'],
  location: ['存放位置', '存放地点', '存放处', '库位'],
  room: ['库房', '档案室'],
  cabinet: ['柜号', '档案柜'],
  shelf: ['层', '层号', '架层'],
  position: ['位置', '格', '位'],
  note: ['备注', '说明'],
};

const KIND: Record<string, BoxCreateInput['kind']> = {
  租户档案: 'tenant',
  租户: 'tenant',
  客户档案: 'customer',
  客户: 'customer',
  人事档案: 'personnel',
  人事: 'personnel',
  工作日志: 'work_log',
  日志: 'work_log',
  '对外发函/通知': 'letters',
  发函: 'letters',
  通知: 'letters',
  其它: 'other',
  其他: 'other',
};
const CONFIDENTIALITY: Record<string, BoxCreateInput['confidentiality']> = {
  公开: 'public',
  内部: 'internal',
  秘密: 'secret',
  机密: 'confidential',
  '': 'internal',
};

function retention(value: string): Pick<BoxCreateInput, 'retentionClass' | 'retentionYears'> | null {
  const v = value.replace(/\s/g, '');
  if (v === '永久' || v === '长期') return { retentionClass: 'permanent', retentionYears: null };
  const years = /^(?:定期)?(\d{1,3})年?$/.exec(v);
  if (!years) return null;
  const n = Number(years[1]);
  if (n === 30) return { retentionClass: 'y30', retentionYears: null };
  if (n === 10) return { retentionClass: 'y10', retentionYears: null };
  return { retentionClass: 'custom', retentionYears: n };
}

interface ParsedRow {
  row: number;
  input: BoxCreateInput;
  /** The tree's path of the row's place, as it will be saved ('' for none). */
  place: string;
  ownerName: string;
  /** ownerKey of the owner's name: rows of one key are one owner. */
  ownerKey: string;
  /** The owner to create when none of that key exists yet, as the owner form would. */
  newOwner: OwnerInput | null;
}

/** An owner a box row names and the archive lacks: its name, unit, floor and business type, checked by the owner form's schema. */
const newOwnerInput = (name: string, unitNo: string, floor: string, businessType: OwnerInput['businessType']) =>
  ownerCreateInput.safeParse({ name, unitNo, floor, businessType, contactPerson: '', phone: '', leaseStart: null, moveOutDate: null, note: '导入' });

/** A year range as registers write it in one cell (2019–2023, 2019-2023, 2019.01至2023.12, 2019年~2023年): both years. */
const YEAR_RANGE = /^(\d{4})年?(?:[./-]\d{1,2}(?:[./-]\d{1,2})?)?\s*(?:[–—~～至到]|--?)\s*(\d{4})年?(?:[./-]\d{1,2}(?:[./-]\d{1,2})?)?$/;

/** Each row checked on its own and against the file and the archive: every problem, in sheet order. */
function checkRows(db: Db, sheet: Sheet, mapping: Partial<Record<BoxImportField, string>>, skip: ReadonlySet<number>) {
  const parsed: ParsedRow[] = [];
  const missing = missingColumns(sheet, mapping, ['title', 'kind'], HEADER_ALIASES);
  if (missing.length > 0) return { problems: missing, parsed };

  const findOwner = ownerFinder(db);
  const findPlace = placeFinder(db);
  const codesInFile = new Map<string, number>();
  const volumesInFile = new Map<string, number>();
  const problems = checkEachRow(sheet, mapping, skip, (sheetRow) => {
    const { row, get, problem } = sheetRow;
    const kind = KIND[get('kind').replace(/\s/g, '')];
    if (!kind) problem('kind', get('kind') ? 'v.importUnknownValue' : 'v.required', get('kind'));
    const confidentiality = CONFIDENTIALITY[get('confidentiality')];
    if (!confidentiality) problem('confidentiality', 'v.importUnknownValue', get('confidentiality'));
    // A blank 保管期限 is the kind's minimum (国家档案局令第10号); a shorter one is the row's problem.
    const kept = get('retention') === '' ? { retentionClass: RETENTION_MINIMUMS[kind ?? 'other'], retentionYears: null } : retention(get('retention'));
    if (!kept) problem('retention', 'v.importUnknownValue', get('retention'));
    else if (retentionBelowMinimum({ ...kept, kind: kind ?? 'other' })) problem('retention', 'v.retentionMinimum', get('retention'));
    const year = (f: 'yearFrom' | 'yearTo') => {
      const v = get(f).replace(/年$/, '');
      if (v === '') return null;
      if (/^\d{4}$/.test(v)) return Number(v);
      problem(f, 'v.importYear', get(f));
      return null;
    };
    const range = YEAR_RANGE.exec(get('yearFrom'));
    const yearFrom = range ? Number(range[1]) : year('yearFrom');
    const yearTo = year('yearTo') ?? (range ? Number(range[2]) : yearFrom);
    const volume = get('volume') === '' ? 1 : Number(get('volume'));
    const businessType = BUSINESS_TYPE[get('businessType').replace(/\s/g, '')];
    if (!businessType) problem('businessType', 'v.importBusinessType', get('businessType'));
    // A 存放位置 cell fills the place; a column of its own (库房、柜号…) wins over its part.
    const split = get('location') === '' ? { room: '', cabinet: '', shelf: '', position: '' } : splitLocation(get('location'));
    if (!split) problem('location', 'v.importLocation', get('location'));
    const place = (f: 'room' | 'cabinet' | 'shelf' | 'position') => get(f) || (split?.[f] ?? '');
    const written = writtenPlace.safeParse({ room: place('room'), cabinet: place('cabinet'), shelf: place('shelf'), position: place('position') });
    if (!written.success) recordZodIssues(sheetRow, written.error.issues, BOX_IMPORT_FIELDS);
    const blank = written.success && !written.data.room && !written.data.cabinet && !written.data.shelf && !written.data.position;
    // The place must be one the custodian has set up: an unknown one is reported, never made.
    const found = !written.success || blank ? null : findPlace(written.data);
    if (split && written.success && !blank && !found) problem(get('location') ? 'location' : 'cabinet', 'v.importLocationUnknown', locationPath(written.data));
    const owner = get('ownerName') ? newOwnerInput(get('ownerName'), get('unitNo'), get('floor'), businessType ?? 'non_catering') : null;
    // Looked up by the key of the name the owner form would save: 翠鸟(成都) finds 翠鸟（成都）.
    const ownerName = owner?.data?.name ?? get('ownerName');
    const key = ownerKey(ownerName);
    const existing = key ? findOwner(key) : null;
    const newOwner = owner && !existing ? owner : null;
    // The owner's name and unit are its columns of the box row.
    if (newOwner && !newOwner.success) recordZodIssues(sheetRow, newOwner.error.issues, BOX_IMPORT_FIELDS, { name: 'ownerName' });
    const input = {
      code: get('code'),
      kind: kind ?? 'other',
      title: get('title'),
      // Owners are looked up (or made) at import; a stand-in id lets the box rules check the rest.
      ownerId: ownerName ? (existing?.id ?? Number.MAX_SAFE_INTEGER) : null,
      volume,
      yearFrom,
      yearTo,
      confidentiality: confidentiality ?? 'internal',
      ...(kept ?? { retentionClass: RETENTION_MINIMUMS[kind ?? 'other'], retentionYears: null }),
      retentionStart: null,
      locationId: found?.node.id ?? null,
      note: get('note'),
    };
    const result = boxCreateInput.safeParse(input);
    if (!result.success) {
      // ownerId is made from the owner's name and retentionYears from 保管期限: their issues belong on those columns.
      recordZodIssues(sheetRow, result.error.issues, BOX_IMPORT_FIELDS, { ownerId: 'ownerName', retentionYears: 'retention' });
      return;
    }
    if ((newOwner && !newOwner.success) || !businessType || !split) return;
    const code = result.data.code;
    if (code) {
      const first = codesInFile.get(code);
      if (first !== undefined) problem('code', 'v.importDuplicateInFile', `${code}@${first}`);
      else if (db.select({ id: boxes.id }).from(boxes).where(eq(boxes.code, code)).get() || boxByFormerCode(db, code)) problem('code', 'v.codeTaken', code);
      codesInFile.set(code, first ?? row);
    }
    if (ownerName) {
      const ownerVolume = `${key}\u0000${volume}`;
      if (volumesInFile.has(ownerVolume)) problem('volume', 'v.importDuplicateInFile', `${volume}@${volumesInFile.get(ownerVolume)}`);
      volumesInFile.set(ownerVolume, row);
    }
    parsed.push({ row, input: result.data, place: found ? locationPath(found.place) : '', ownerName, ownerKey: key, newOwner: newOwner?.data ?? null });
  });
  return { problems, parsed };
}

/** The sheet read and mapped, and its rows checked: what the dry run and the import both start from. */
async function prepare(db: Db, input: z.output<typeof importFileInput>, skip: ReadonlySet<number>) {
  const sheet = await readSheet(input, HEADER_ALIASES);
  const { mapping, problems: headerProblems } = guessMapping(sheet, BOX_IMPORT_FIELDS, HEADER_ALIASES, input.mapping, 'code');
  const { problems, parsed } = checkRows(db, sheet, mapping, skip);
  return { sheet, mapping, problems: [...headerProblems, ...problems], parsed };
}

/**
 * The import's writes, row by row: owners named but not yet known are created first, unless the
 * custodian merged them into an existing look-alike (an owner is found by its name's key), then
 * the box. A write a domain rule refuses is its row's problem. The dry run runs this rolled back.
 */
function writeBoxes(tx: Db, actor: Actor, parsed: ParsedRow[], mergeOwners: z.output<typeof importRunInput>['mergeOwners']) {
  const audit: AuditEntry[] = [];
  const problems: ImportProblem[] = [];
  const codes = new Map<number, string>();
  const merged = mergeTargets(tx, mergeOwners);
  const findOwner = ownerFinder(tx);
  const ownerIds = new Map<string, number>();
  let newOwners = 0;
  for (const row of parsed) {
    try {
      let ownerId: number | null = null;
      if (row.ownerKey) {
        ownerId = ownerIds.get(row.ownerKey) ?? merged.get(row.ownerKey)?.id ?? findOwner(row.ownerKey)?.id ?? null;
        if (ownerId === null && row.newOwner) {
          const created = insertOwner(tx, row.newOwner);
          ownerId = created.row.id;
          newOwners += 1;
          audit.push(created.audit);
        }
        if (ownerId !== null) ownerIds.set(row.ownerKey, ownerId);
      }
      // A register may name only a room and cabinet: the box stands there until it is scanned onto a position.
      const box = insertBox(tx, actor, { ...row.input, ownerId }, '导入', 'any-node');
      codes.set(row.row, box.audit.boxCode ?? '');
      audit.push(box.audit);
    } catch (error) {
      problems.push(...refusalOf(row.row, error, BOX_IMPORT_FIELDS));
    }
  }
  return { audit, problems, codes, newOwners };
}

/** The first rows as they will be saved: the code as cleaned (or as it will be numbered), the years and place read. */
const shownRows = (parsed: ParsedRow[], codes: Map<number, string>) =>
  parsed
    .filter((p) => codes.has(p.row))
    .slice(0, IMPORT_PARSED_SHOWN)
    .map(({ row, input, place, ownerName, newOwner }) => ({
      row,
      values: {
        code: codes.get(row)!,
        ownerName,
        ...(newOwner ? { floor: newOwner.floor, businessType: newOwner.businessType } : {}),
        volume: String(input.volume),
        yearFrom: input.yearFrom === null ? '' : String(input.yearFrom),
        yearTo: input.yearTo === null ? '' : String(input.yearTo),
        location: place,
      },
    }));

/** Every check the import runs: the rows', then the import's own writes, rolled back. */
export async function checkBoxImport(db: Db, actor: Actor, input: z.output<typeof importFileInput>): Promise<ImportCheck> {
  const { sheet, mapping, problems, parsed } = await prepare(db, input, new Set());
  const written = rehearse(db, (tx) => writeBoxes(tx, actor, withoutProblems(parsed, problems), []));
  const plans = planOwners(
    db,
    parsed.filter((p) => p.ownerName).map((p) => ({ name: p.ownerName, row: p.row })),
  );
  const newOwners = plans.filter((p) => p.existing === null).length;
  return {
    ...sheetSummary(sheet),
    mapping,
    problems: byRow([...problems, ...written.problems]),
    newOwners,
    owners: plans,
    stillOut: 0,
    parsed: shownRows(parsed, written.codes),
  };
}

/**
 * All rows in one transaction, or none: a row with a problem that was not skipped refuses the
 * whole import, naming its rows.
 */
export async function runBoxImport(db: Db, actor: Actor, input: z.output<typeof importRunInput>): Promise<{ boxes: number; owners: number }> {
  const { sheet, problems, parsed } = await prepare(db, input, new Set(input.skipRows));
  if (problems.length > 0) refuseProblems(problems);
  return mutate(db, actor, (tx) => {
    const written = writeBoxes(tx, actor, parsed, input.mergeOwners);
    if (written.problems.length > 0) refuseProblems(written.problems);
    const audit = [
      ...written.audit,
      {
        action: 'import' as const,
        entity: 'box' as const,
        entityId: null,
        after: {
          kind: 'boxes',
          file: input.fileName,
          sheet: sheet.sheet,
          headerRow: sheet.headerRow,
          rows: sheet.contentRows,
          boxes: parsed.length,
          owners: written.newOwners,
          skippedRows: input.skipRows,
        },
      },
    ];
    return { result: { boxes: parsed.length, owners: written.newOwners }, audit };
  });
}
