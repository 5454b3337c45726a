import { EditOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OwnerDetail } from '../../../electron/core/contract/owners';
import type { OwnerRow } from '../../../electron/core/rows';
import { useCanCall } from '../../ui/access';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { formatDate, formatTimestamp, orDash } from '../../ui/format';
import { NotFound } from '../../ui/NotFound';
import { OwnerFormModal } from './OwnerFormModal';
import { paths } from '../../ui/paths';
import { QueryState } from '../../ui/QueryState';
import { useOwner } from './queries';
import { useIdParam } from '../../ui/useIdParam';

type OwnerBox = OwnerDetail['boxes'][number];

function OwnerInfo({ owner }: { owner: OwnerRow }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const items: DescriptionsProps['items'] = [
    { key: 'unit', label: t('fields.unitNo'), children: orDash(owner.unitNo) },
    { key: 'floor', label: t('fields.floor'), children: orDash(owner.floor) },
    { key: 'contact', label: t('owners.contactPerson'), children: orDash(owner.contactPerson) },
    { key: 'phone', label: t('owners.phone'), children: orDash(owner.phone) },
    { key: 'leaseStart', label: t('owners.leaseStart'), children: formatDate(owner.leaseStart) },
    { key: 'moveOut', label: t('owners.moveOutDate'), children: formatDate(owner.moveOutDate) },
    { key: 'updated', label: t('fields.updatedAt'), children: formatTimestamp(owner.updatedAt) },
  ];
  if (owner.note) items.push({ key: 'note', label: t('fields.note'), children: <span className="cat-pre">{owner.note}</span>, span: 'filled' });
  return <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }} items={items} />;
}

function useOwnerBoxColumns(): TableColumnsType<OwnerBox> {
  const { t } = useTranslation(['catalogue', 'common']);
  return [
    { key: 'volume', title: t('fields.volume'), width: 80, render: (_, b) => t('box.volume', { volume: b.volume }) },
    { key: 'code', title: t('fields.code'), width: 160, render: (_, b) => <span className="mono">{b.code}</span> },
    { key: 'title', title: t('fields.title'), dataIndex: 'title', ellipsis: true },
    { key: 'kind', title: t('fields.kind'), width: 120, render: (_, b) => t(`common:enums.boxKind.${b.kind}`) },
    { key: 'status', title: t('fields.status'), width: 100, render: (_, b) => <BoxStatusTag status={b.status} /> },
  ];
}

/** 一户一档: the owner's file and its volumes, with a shortcut to start the next one. */
function OwnerBoxes({ detail }: { detail: OwnerDetail }) {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const mayCreate = useCanCall('box-create');
  const columns = useOwnerBoxColumns();
  return (
    <Card
      title={t('owners.boxes', { count: detail.boxes.length })}
      extra={
        <Space>
          <Button icon={<UnorderedListOutlined />} onClick={() => void navigate(paths.boxesOfOwner(detail.owner.id))}>
            {t('owners.inCatalogue')}
          </Button>
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.newBox(detail.owner.id))}>
              {t('owners.newBox')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<OwnerBox>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={detail.boxes}
        pagination={false}
        locale={{ emptyText: t('owners.noBoxes') }}
        onRow={(box) => ({ style: { cursor: 'pointer' }, onClick: () => void navigate(paths.box(box.id)) })}
      />
    </Card>
  );
}

function OwnerDetailView({ detail }: { detail: OwnerDetail }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const mayEdit = useCanCall('owner-update');
  const [editing, setEditing] = useState(false);
  const { owner } = detail;
  const movedOut = owner.moveOutDate !== null && owner.moveOutDate <= dayjs().format('YYYY-MM-DD');
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Space orientation="vertical" size={4}>
            <Typography.Title level={1} className="screen-title" style={{ margin: 0 }}>
              {owner.name}
            </Typography.Title>
            <Space size={4}>
              <Tag color={owner.businessType === 'catering' ? 'orange' : 'default'}>{t(`common:enums.businessType.${owner.businessType}`)}</Tag>
              {movedOut && <Tag color="red">{t('owners.movedOut')}</Tag>}
            </Space>
          </Space>
          {mayEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common:actions.edit')}
            </Button>
          )}
        </Flex>
        <div className="cat-owner-info">
          <OwnerInfo owner={owner} />
        </div>
      </Card>
      <OwnerBoxes detail={detail} />
      {editing && <OwnerFormModal owner={owner} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

function OwnerDetailLoader({ id }: { id: number }) {
  const query = useOwner(id);
  return <QueryState query={query}>{(detail) => <OwnerDetailView detail={detail} />}</QueryState>;
}

export function OwnerDetailPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <OwnerDetailLoader id={id} />;
}
