import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApartBox } from '../../../electron/core/contract/inspections';
import { BoxStatusTag } from '../../ui/BoxStatusTag';

/** Boxes on loan or awaiting destruction: not on the shelf, listed so nobody looks for them. */
export function ApartBoxes({ boxes }: { boxes: ApartBox[] }) {
  const { t } = useTranslation('custody');
  if (boxes.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('inspection.apart', { count: boxes.length })}</Typography.Text>
      <Typography.Text type="secondary">{t('inspection.apartHint')}</Typography.Text>
      <Table<ApartBox>
        size="small"
        rowKey="boxId"
        pagination={false}
        dataSource={boxes}
        columns={[
          { key: 'code', title: t('common.boxCode'), dataIndex: 'code', width: 150, render: (c: string) => <span className="mono">{c}</span> },
          { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
          { key: 'location', title: t('inspection.location'), dataIndex: 'location', width: 220 },
          { key: 'status', width: 110, render: (_, b) => <BoxStatusTag status={b.status} /> },
        ]}
      />
    </Flex>
  );
}
