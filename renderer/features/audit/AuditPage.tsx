import { FileExcelOutlined, FileTextOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import type { AuditListRow } from '../../../electron/core/contract/audit';
import { useErrorText } from '../../ui/forms';
import { useCallProgress } from '../../ui/callProgress';
import { Page } from '../../ui/Page';
import { InfiniteTable } from '../../ui/InfiniteTable';
import { withParam } from '../../ui/listParams';
import './audit.css';
import { useAuditColumns } from './auditColumns';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditFilters, type FilterParams } from './AuditFilters';
import { auditFiltersFromParams } from './auditParams';
import { useAuditEntries, useExportAudit, useVerifyChain } from './queries';
import { VerifyResult } from './VerifyResult';

type ExportFormat = CallInput<'audit-export'>['format'];

/** 审计日志: every recorded change, newest first, with the chain check and exports of what is filtered. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => auditFiltersFromParams(params), [params]);
  const { list, rows, loadMore } = useAuditEntries(filters);
  const columns = useAuditColumns();
  const [selected, setSelected] = useState<AuditListRow | null>(null);
  const verify = useVerifyChain();
  const exportAudit = useExportAudit();

  const setFilters = (values: FilterParams) =>
    setParams((p) => Object.entries(values).reduce((next, [key, value]) => withParam(next, key, value), p), { replace: true });
  const runVerify = () => verify.mutate(undefined, { onError: (error) => void message.error(errorText(error)) });
  const runExport = (format: ExportFormat) =>
    exportAudit.mutate(
      { ...filters, format },
      {
        onSuccess: (file) => void message.success(t('export.done', { fileName: file.fileName })),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  const exporting = (format: ExportFormat) => exportAudit.isPending && exportAudit.variables.format === format;
  const progress = useCallProgress('audit-export', exportAudit.isPending);
  const verifying = useCallProgress('audit-verify', verify.isPending);

  return (
    <Page
      title={t('title')}
      extra={
        <Space size={8}>
          <Tooltip title={tc('actions.refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={tc('actions.refresh')} loading={list.isRefetching} onClick={() => void list.refetch()} />
          </Tooltip>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={runVerify}>
            {verifying ?? t('verify.action')}
          </Button>
          <Button icon={<FileTextOutlined />} loading={exporting('csv')} onClick={() => runExport('csv')} title={t('export.hint')}>
            {(exporting('csv') && progress) || t('export.csv')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={exporting('xlsx')} onClick={() => runExport('xlsx')} title={t('export.hint')}>
            {(exporting('xlsx') && progress) || t('export.xlsx')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        {verify.data && <VerifyResult result={verify.data} onClose={() => verify.reset()} />}
        <AuditFilters filters={filters} onChange={setFilters} />
        {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
        <InfiniteTable
          className="audit-table"
          rows={rows}
          columns={columns}
          loading={list.isFetching}
          hasMore={list.hasNextPage}
          onLoadMore={loadMore}
          onOpen={setSelected}
          resetKey={JSON.stringify(filters)}
          emptyText={t('list.empty')}
        />
      </Flex>
      <AuditEntryDrawer entry={selected} onClose={() => setSelected(null)} />
    </Page>
  );
}
