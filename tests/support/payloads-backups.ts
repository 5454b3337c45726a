import type { CallInput } from '../../electron/core/contract';
import type { backupCalls } from '../../electron/core/contract/backups';
import type { labelCalls } from '../../electron/core/contract/labels';

type ImportBoxCall = 'import-boxes-check' | 'import-boxes-run';

/** One valid payload per backup and label call (spread into validPayloads). */
export const backupPayloads: { [N in keyof typeof backupCalls | keyof typeof labelCalls | ImportBoxCall]: CallInput<N> } = {
  'backup-overview': {},
  'backup-settings-update': { folders: ['/media/usb/档案备份', 'D:\\备份'], keep: 30, dailyAt: '18:00', onClose: true },
  'backup-run': {},
  'job-status': {},
  'backup-list': { folder: '/media/usb/档案备份' },
  'backup-inspect': { file: '/media/usb/档案备份/archive-desk-20260101-180000.db' },
  'backup-restore': { file: '/media/usb/档案备份/archive-desk-20260101-180000.db', passphrase: '一个足够长的恢复口令-abc', confirm: true },
  'passphrase-change': { current: '一个足够长的恢复口令-abc', next: '另一个足够长的恢复口令-xyz', nextConfirm: '另一个足够长的恢复口令-xyz' },
  'database-rekey': { passphrase: '一个足够长的恢复口令-abc', confirm: true },
  'box-labels-pdf': { ids: [1] },
  'box-export': { query: '万达', kind: 'tenant', status: 'in_stock', floor: 'L1', ownerId: 1, room: '一号档案室', cabinet: 'C01', format: 'xlsx' },
  'import-boxes-check': { fileName: '档案目录.xlsx', base64: 'UEsDBA==', mapping: { title: '题名' } },
  'import-boxes-run': {
    fileName: '档案目录.csv',
    base64: '5qGj5qGI57yW5Y+3',
    mapping: { title: '题名' },
    skipRows: [3],
    mergeOwners: [{ name: '翠鸟（成都）餐饮管理有限公可', into: 1 }],
  },
  'app-restore': { file: '/media/usb/档案备份/archive-desk-20260101-180000.db', passphrase: '一个足够长的恢复口令-abc' },
};
