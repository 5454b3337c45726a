import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { OwnerRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import { OWNER_IMPORT_FIELDS, type ImportCheck, type OwnerImportField, type ownerImportFileInput, type ownerImportRunInput } from '../../core/contract/imports';
import { ownerKey } from '../../core/contract/owner-names';
import { ownerCreateInput, type OwnerInput } from '../../core/contract/owners';
import type { Actor } from './actor';
import type { AuditEntry } from './audit';
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
const BUSINESS_TYPE: Record<string, OwnerRow['businessType']> = { 餐饮: 'catering', 餐饮类: 'catering', 非餐饮: 'non_catering', 非餐饮类: 'non_catering', 零售: 'non_catering', '': 'non_catering' };

function checkRows(db: Db, sheet: Sheet, mapping: Partial<Record<OwnerImportField, string>>, skip: ReadonlySet<number>) {
  const parsed: { row: number; input: OwnerInput; key: string }[] = [];
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

export async function checkOwnerImport(db: Db, input: z.output<typeof ownerImportFileInput>): Promise<ImportCheck> {
  const sheet = await readSheet(input);
  const mapping = guessMapping(OWNER_IMPORT_FIELDS, HEADER_ALIASES, sheet.headers, input.mapping);
  const { problems, parsed } = checkRows(db, sheet, mapping, new Set());
  const plans = planOwners(db, parsed.map((p) => ({ name: p.input.name, row: p.row })));
  return { encoding: sheet.encoding, headers: sheet.headers, mapping, rows: sheet.rows.length, footerRows: sheet.footerRows, problems, newOwners: plans.length, owners: plans, stillOut: 0 };
}

/**
 * All rows in one transaction, or none, each with its owner-create audit entry as the owner form
 * makes; a row the custodian merged into an existing look-alike is that owner and creates nothing.
 */
export async function runOwnerImport(db: Db, actor: Actor, input: z.output<typeof ownerImportRunInput>): Promise<{ owners: number }> {
  const sheet = await readSheet(input);
  const mapping = guessMapping(OWNER_IMPORT_FIELDS, HEADER_ALIASES, sheet.headers, input.mapping);
  const skip = new Set(input.skipRows);
  const checked = checkRows(db, sheet, mapping, skip);
  if (checked.problems.length > 0) throw new AppError('IMPORT_HAS_PROBLEMS', { params: { count: checked.problems.length } });
  return mutate(db, actor, (tx) => {
    // Again inside the transaction: an owner made since the dry run is a duplicate now.
    const { problems, parsed } = checkRows(tx, sheet, mapping, skip);
    if (problems.length > 0) throw new AppError('IMPORT_HAS_PROBLEMS', { params: { count: problems.length } });
    const merged = mergeTargets(tx, input.mergeOwners);
    const created = parsed.filter((p) => !merged.has(p.key));
    const audit: AuditEntry[] = created.map(({ input: values }) => insertOwner(tx, values).audit);
    audit.push({ action: 'import', entity: 'owner', entityId: null, after: { kind: 'owners', file: input.fileName, rows: sheet.rows.length, owners: created.length, merged: parsed.length - created.length, skippedRows: input.skipRows } });
    return { result: { owners: created.length }, audit };
  });
}
