import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionItem } from '../../../electron/core/contract/inspections';

const mark = (v: boolean | null) =>
  v === null ? '' : v ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="✓" /> : <CloseCircleTwoTone twoToneColor="#cf1322" aria-label="✗" />;

/** Where the box belongs, and where it was found when that was another cabinet. */
function ItemPlace({ item }: { item: InspectionItem }) {
  const { t } = useTranslation('custody');
  const place = item.location || t('inspection.noPlace');
  if (item.foundIn === null) return <span>{place}</span>;
  return (
    <Typography.Text type="danger">
      {t('inspection.belongsIn', { location: place })}；{t('inspection.foundIn', { foundIn: item.foundIn })}
    </Typography.Text>
  );
}

/** An inspection's boxes in walking order, each opening its check. */
export function InspectionItems({ items, onOpen, clickable }: { items: InspectionItem[]; onOpen: (item: InspectionItem) => void; clickable: boolean }) {
  const { t } = useTranslation('custody');
  return (
    <Table<InspectionItem>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      onRow={(item) => ({
        onClick: () => onOpen(item),
        onKeyDown: (e) => e.key === 'Enter' && onOpen(item),
        tabIndex: 0,
        className: clickable ? 'clickable-row' : undefined,
      })}
      columns={[
        { key: 'seq', title: t('inspection.seq'), dataIndex: 'seq', width: 60 },
        { key: 'code', title: t('common.boxCode'), dataIndex: 'code', width: 150, render: (c: string) => <span className="mono">{c}</span> },
        { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
        { key: 'location', title: t('inspection.location'), width: 220, render: (_, i) => <ItemPlace item={i} /> },
        { key: 'present', title: t('inspection.present'), width: 60, align: 'center', render: (_, i) => mark(i.present) },
        { key: 'complete', title: t('inspection.complete_'), width: 60, align: 'center', render: (_, i) => i.checkedAt && mark(i.complete) },
        { key: 'filed', title: t('inspection.correctlyFiled'), width: 80, align: 'center', render: (_, i) => i.checkedAt && mark(i.correctlyFiled) },
        { key: 'condition', title: t('inspection.condition'), width: 70, render: (_, i) => i.condition && t(`common:enums.boxCondition.${i.condition}`) },
        {
          key: 'findings',
          title: t('inspection.findings'),
          width: 220,
          render: (_, i) =>
            i.checkedAt === null ? (
              <Typography.Text type="secondary">{t('inspection.unchecked')}</Typography.Text>
            ) : (
              i.findings.map((f) => (
                <Tag key={f} color="red">
                  {t(`common:enums.finding.${f}`)}
                </Tag>
              ))
            ),
        },
      ]}
    />
  );
}
