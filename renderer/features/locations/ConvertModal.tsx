import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversionReport } from '../../../electron/core/contract/locations';
import { call } from '../../api/client';
import { useErrorText } from '../../ui/forms';

/**
 * 旧位置转入: the boxes' free-text places before the tree. Opening it runs the dry run (the
 * conversion rolled back); 执行转入 keeps the same writes.
 */
export function ConvertModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('locations');
  const errorText = useErrorText();
  const dryRun = useMutation({ mutationFn: () => call('location-convert', { apply: false }) });
  const apply = useMutation({ mutationFn: () => call('location-convert', { apply: true }) });
  const { mutate } = dryRun;
  useEffect(() => mutate(), [mutate]);
  const report: ConversionReport | undefined = apply.data ?? dryRun.data;
  return (
    <Modal
      open
      width={760}
      title={t('convert.title')}
      onCancel={onClose}
      footer={
        apply.data ? (
          <Button type="primary" onClick={onClose}>
            {t('convert.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('convert.cancel')}</Button>
            <Button type="primary" disabled={!report || report.boxes === 0} loading={apply.isPending} onClick={() => apply.mutate()}>
              {t('convert.apply', { count: report?.boxes ?? 0 })}
            </Button>
          </>
        )
      }
    >
      {(dryRun.error ?? apply.error) && <Alert type="error" showIcon message={errorText(dryRun.error ?? apply.error)} />}
      {report && (
        <>
          <Alert
            type={report.applied ? 'success' : 'info'}
            showIcon
            message={
              report.applied
                ? t('convert.done', { boxes: report.boxes, nodes: report.nodes.length })
                : t('convert.summary', { boxes: report.boxes, nodes: report.nodes.filter((n) => !n.existing).length, merged: report.merged.length })
            }
          />
          {report.merged.length > 0 && (
            <>
              <Typography.Title level={5}>{t('convert.merged')}</Typography.Title>
              <ul aria-label={t('convert.merged')}>
                {report.merged.map((m) => (
                  <li key={`${m.kind}:${m.path}`}>
                    {m.path}: {m.variants.map((v) => `“${v}”`).join('、')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Table
            size="small"
            rowKey={(n) => `${n.kind}:${n.path}`}
            dataSource={report.nodes}
            pagination={{ pageSize: 10 }}
            columns={[
              { key: 'kind', title: t('convert.kind'), width: 90, render: (_, n) => t(`common:enums.locationKind.${n.kind}`) },
              { key: 'path', title: t('convert.path'), dataIndex: 'path' },
              {
                key: 'state',
                title: '',
                width: 90,
                render: (_, n) => (n.existing ? <Tag>{t('convert.existing')}</Tag> : <Tag color="blue">{t('convert.new')}</Tag>),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
