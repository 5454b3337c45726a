import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { OwnerRow } from '../../../db/schema';
import {
  IMPORT_PARSED_SHOWN,
  OWNER_IMPORT_FIELDS,
  type ImportCheck,
  type ImportProblem,
  type OwnerImportField,
  type ownerImportFileInput,
  type ownerImportRunInput,
} from '../../core/contract/imports';
import { ownerKey } from '../../core/contract/owner-names';
import { ownerCreateInput, type OwnerInput } from '../../core/contract/owners';
import type { Actor } from './actor';
import type { AuditEntry } from './audit';
import { byRow, refusalOf, refuseProblems, rehearse, sheetSummary, withoutProblems } from './import-rehearsal';
import { checkEachRow, guessMapping, missingColumns, parseDate, readSheet, recordZodIssues, type Sheet } from './import-sheet';
import { mergeTargets, ownerFinder, planOwners } from './owner-keys';
import { insertOwner } from './owners';
import { mutate } from './transaction';

/** Headers of the office's list of 立档单位 (tenants and customers whose files are kept). */
const HEADER_ALIASES: Record<OwnerImportField, string[]> = {
  name: ['立档单位', '立档单位名称', '单位名称', '租户名称', '客户名称', '商户名称', '租户/客户', '户名', '名称'],
  unitNo: ['铺位号', '铺位', '商铺号', '单元号'],
  floor: ['楼层', '所在楼层'],
  businessType: ['经营类型', '业态', '经营业态'],
  contactPerson: ['联系人', '负责人'],
  phone: ['联系电话', '电话', '手机', '联系方式'],
  leaseStart: ['租赁开始日期', '起租日期', '租赁起始日期', '进场日期', '入驻日期'],
  moveOutDate: ['退租日期', '撤场日期', '离场日期'],
  note: ['备注', '说明'],
};
/** 经营类型 / 业态 as registers write it; blank is the form's default. The box import reads it too. */
export const BUSINESS_TYPE: Record<string, OwnerRow['businessType']> = {
  餐饮: 'catering',
  餐饮类: 'catering',
  非餐饮: 'non_catering',
  非餐饮类: 'non_catering',
  零售: 'non_catering',
  '': 'non_catering',
};

interface ParsedOwner {
  row: number;
  input: OwnerInput;
  key: string;
}

function checkRows(db: Db, sheet: Sheet, mapping: Partial<Record<OwnerImportField, string>>, skip: ReadonlySet<number>) {
  const parsed: ParsedOwner[] = [];
  const missing = missingColumns(sheet, mapping, ['name'], HEADER_ALIASES);
  if (missing.length > 0) return { problems: missing, parsed };
  const findOwner = ownerFinder(db);
  const namesInFile = new Map<string, number>();
  const problems = checkEachRow(sheet, mapping, skip, (sheetRow) => {
    const { row, get, problem, hasProblems } = sheetRow;
    const businessType = BUSINESS_TYPE[get('businessType').replace(/\s/g, '')];
    if (!businessType) problem('businessType', 'v.importBusinessType', get('businessType'));
    const date = (f: 'leaseStart' | 'moveOutDate') => {
      if (get(f) === '') return null;
      const d = parseDate(get(f));
      if (d === null) problem(f, 'v.importDate', get(f));
      return d;
    };
    const input = {
      name: get('name'),
      unitNo: get('unitNo'),
      floor: get('floor'),
      businessType: businessType ?? 'non_catering',
      contactPerson: get('contactPerson'),
      phone: get('phone'),
      leaseStart: date('leaseStart'),
      moveOutDate: date('moveOutDate'),
      note: get('note'),
    };
    const result = ownerCreateInput.safeParse(input);
    if (!result.success) recordZodIssues(sheetRow, result.error.issues, OWNER_IMPORT_FIELDS);
    // Owners are told apart by their name's key (the box import finds them so): a repeat is reported, never merged.
    const name = result.data?.name ?? input.name;
    const key = ownerKey(name);
    if (key) {
      const first = namesInFile.get(key);
      const existing = findOwner(key);
      if (first !== undefined) problem('name', 'v.importDuplicateInFile', `${name}@${first}`);
      else if (existing) problem('name', 'v.importOwnerExists', existing.name);
      namesInFile.set(key, first ?? row);
    }
    if (!hasProblems() && result.success) parsed.push({ row, input: result.data, key });
  });
  return { problems, parsed };
}

async function prepare(db: Db, input: z.output<typeof ownerImportFileInput>, skip: ReadonlySet<number>) {
  const sheet = await readSheet(input, HEADER_ALIASES);
  const { mapping, problems: headerProblems } = guessMapping(sheet, OWNER_IMPORT_FIELDS, HEADER_ALIASES, input.mapping);
  const { problems, parsed } = checkRows(db, sheet, mapping, skip);
  return { sheet, mapping, problems: [...headerProblems, ...problems], parsed };
}

/** The import's writes, each with its owner-create audit entry as the owner form makes; a refused one is its row's problem. */
function writeOwners(tx: Db, parsed: ParsedOwner[], mergeOwners: z.output<typeof ownerImportRunInput>['mergeOwners']) {
  const merged = mergeTargets(tx, mergeOwners);
  const audit: AuditEntry[] = [];
  const problems: ImportProblem[] = [];
  const created = parsed.filter((p) => !merged.has(p.key));
  for (const p of created) {
    try {
      audit.push(insertOwner(tx, p.input).audit);
    } catch (error) {
      problems.push(...refusalOf(p.row, error, OWNER_IMPORT_FIELDS));
    }
  }
  return { audit, problems, created: created.length };
}

/** Every check the import runs: the rows', then the import's own writes, rolled back. */
export async function checkOwnerImport(db: Db, input: z.output<typeof ownerImportFileInput>): Promise<ImportCheck> {
  const { sheet, mapping, problems, parsed } = await prepare(db, input, new Set());
  const written = rehearse(db, (tx) => writeOwners(tx, withoutProblems(parsed, problems), []));
  const plans = planOwners(
    db,
    parsed.map((p) => ({ name: p.input.name, row: p.row })),
  );
  const shown = parsed.slice(0, IMPORT_PARSED_SHOWN).map(({ row, input: o }) => ({
    row,
    values: { name: o.name, floor: o.floor, businessType: o.businessType, leaseStart: o.leaseStart ?? '', moveOutDate: o.moveOutDate ?? '' },
  }));
  return {
    ...sheetSummary(sheet),
    mapping,
    problems: byRow([...problems, ...written.problems]),
    newOwners: plans.length,
    owners: plans,
    stillOut: 0,
    parsed: shown,
  };
}

/**
 * All rows in one transaction, or none; a row the custodian merged into an existing look-alike is
 * that owner and creates nothing.
 */
export async function runOwnerImport(db: Db, actor: Actor, input: z.output<typeof ownerImportRunInput>): Promise<{ owners: number }> {
  const skip = new Set(input.skipRows);
  const { sheet, mapping, problems: found } = await prepare(db, input, skip);
  if (found.length > 0) refuseProblems(found);
  return mutate(db, actor, (tx) => {
    // Again inside the transaction: an owner made since the dry run is a duplicate now.
    const { problems, parsed } = checkRows(tx, sheet, mapping, skip);
    if (problems.length > 0) refuseProblems(problems);
    const written = writeOwners(tx, parsed, input.mergeOwners);
    if (written.problems.length > 0) refuseProblems(written.problems);
    const audit = [
      ...written.audit,
      {
        action: 'import' as const,
        entity: 'owner' as const,
        entityId: null,
        after: {
          kind: 'owners',
          file: input.fileName,
          sheet: sheet.sheet,
          headerRow: sheet.headerRow,
          rows: sheet.contentRows,
          owners: written.created,
          merged: parsed.length - written.created,
          skippedRows: input.skipRows,
        },
      },
    ];
    return { result: { owners: written.created }, audit };
  });
}
