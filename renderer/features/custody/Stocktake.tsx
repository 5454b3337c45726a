import { Alert, App, Button, Card, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp, StocktakeStatus } from '../../../electron/core/contract/inspections';
import { useCanCall } from '../../ui/access';
import { Confirm } from '../../ui/Confirm';
import { formatDate } from '../../ui/format';
import { useErrorText } from '../../ui/forms';
import { useCustodyWrite } from './queries';
import { followUpText } from './follow-up-text';

/**
 * 全面盘点, at least once a year besides the monthly checks: when the last one was (a warning when
 * never or over a year ago), what it found, and the button that starts the next.
 */
export function Stocktake({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const start = useCustodyWrite('inspection-start');
  const mayStart = useCanCall('inspection-start') && status.open === null;
  const [byCabinet, setByCabinet] = useState(false);
  const { last } = status;
  const when = last
    ? t('stocktake.last', { date: formatDate(last.completedAt), by: last.completedByName, total: last.total, findings: last.withFindings })
    : t('stocktake.never');
  return (
    <Card
      size="small"
      title={t('stocktake.title')}
      className="custody-stocktake"
      extra={
        mayStart && (
          <Flex gap={8} align="center">
            <Checkbox checked={byCabinet} onChange={(e) => setByCabinet(e.target.checked)}>
              {t('inspection.byCabinetTag')}
            </Checkbox>
            <Confirm
              title={t('stocktake.startConfirm')}
              onConfirm={() => start.mutate({ kind: 'full', byCabinet }, { onError: (e) => void message.error(errorText(e)) })}
            >
              <Button type={status.due ? 'primary' : 'default'} loading={start.isPending}>
                {t('stocktake.start')}
              </Button>
            </Confirm>
          </Flex>
        )
      }
    >
      <Flex vertical gap={12}>
        <Alert
          showIcon
          type={status.due ? 'warning' : 'success'}
          message={when}
          description={status.due ? t(last ? 'stocktake.overdue' : 'stocktake.neverDue') : undefined}
          data-testid="stocktake-last"
        />
        {status.open && (
          <Typography.Text>{t('stocktake.inProgress', { month: status.open.month, checked: status.open.checked, total: status.open.total })}</Typography.Text>
        )}
        {last && (
          <Table<FollowUp>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={status.findings}
            locale={{ emptyText: t('stocktake.nothingFound') }}
            title={() => t('stocktake.found')}
            columns={[
              {
                key: 'code',
                title: t('common.boxCode'),
                width: 150,
                render: (_, f) => (
                  <Link to={`/boxes/${f.boxId}`} className="mono">
                    {f.boxCode}
                  </Link>
                ),
              },
              { key: 'title', title: t('common.boxTitle'), dataIndex: 'boxTitle', ellipsis: true },
              {
                key: 'findings',
                title: t('inspection.findings'),
                render: (_, f) => followUpText(t, f),
              },
              { key: 'owner', title: t('inspection.owner'), dataIndex: 'owner', width: 100 },
              {
                key: 'status',
                width: 90,
                render: (_, f) => <Tag color={f.status === 'open' ? 'red' : 'green'}>{t(`common:enums.followUpStatus.${f.status}`)}</Tag>,
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
