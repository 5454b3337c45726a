import type { CallInput } from '../../electron/core/contract';

type ImportCall = 'import-loans-check' | 'import-loans-run' | 'import-owners-check' | 'import-owners-run' | 'import-recent';

/** One valid payload per loan and owner import call, and the recent-imports list (spread into validPayloads). */
export const importPayloads: { [N in ImportCall]: CallInput<N> } = {
  'import-loans-check': { fileName: '借阅登记.xlsx', base64: 'UEsDBA==', mapping: { boxCode: '盒号', returnedDate: '' } },
  'import-loans-run': { fileName: '借阅登记.csv', base64: '5qGj5qGI57yW5Y+3', mapping: { borrowerName: '借阅人' }, skipRows: [2, 5] },
  'import-owners-check': { fileName: '立档单位.csv', base64: '5qGj5qGI57yW5Y+3', mapping: { name: '单位名称' } },
  'import-owners-run': { fileName: '立档单位.xlsx', base64: 'UEsDBA==', skipRows: [], mergeOwners: [{ name: '翠鸟（成都）餐饮管理有限公可', into: 1 }] },
  'import-recent': { kind: 'loans' },
};
