import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { LocationNode } from '../../../electron/core/contract/locations';
import { useCanCall } from '../../ui/access';
import { Page } from '../../ui/Page';
import { paths } from '../../ui/paths';
import { callQuery } from '../../ui/queries';
import { CabinetGrid } from './CabinetGrid';
import { ConvertModal } from './ConvertModal';
import { CabinetsCreateModal, RenameModal, RoomCreateModal } from './LocationModals';
import { ROOM_CONDITIONS_PATH } from './routes';
import { ScanMove } from './ScanMove';

type Dialog = { kind: 'room' } | { kind: 'cabinets'; roomId: number } | { kind: 'rename'; node: LocationNode } | { kind: 'convert' } | null;

/** 库位管理: rooms and their cabinets on the left, the chosen cabinet's grid and the scanner on the right. */
export function LocationsPage() {
  const { t } = useTranslation('locations');
  const navigate = useNavigate();
  const cabinetId = Number(useParams().id) || null;
  const tree = useQuery(callQuery('location-tree', {}));
  const canEdit = useCanCall('location-cabinets-create');
  const canScan = useCanCall('box-place');
  const [dialog, setDialog] = useState<Dialog>(null);
  // Rooms are open unless folded, a room made just now included.
  const [folded, setFolded] = useState<string[]>([]);
  const nodes = tree.data?.nodes ?? [];
  const rooms = nodes.filter((n) => n.kind === 'room');
  const cabinetsOf = (roomId: number) => nodes.filter((n) => n.parentId === roomId && n.kind === 'cabinet');

  return (
    <Page
      title={t('title')}
      extra={
        <Space>
          <Button onClick={() => navigate(ROOM_CONDITIONS_PATH)}>{t('rooms.title')}</Button>
          {canEdit && (
            <>
              <Button onClick={() => setDialog({ kind: 'convert' })}>{t('convert.open')}</Button>
              <Button type="primary" onClick={() => setDialog({ kind: 'room' })}>
                {t('room.create')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <div className="locations-layout">
        <Card size="small" title={t('tree.title')}>
          {rooms.length === 0 ? (
            <Empty description={t('tree.empty')} />
          ) : (
            <Tree
              blockNode
              expandedKeys={rooms.map((r) => String(r.id)).filter((key) => !folded.includes(key))}
              onExpand={(open) => setFolded(rooms.map((r) => String(r.id)).filter((key) => !open.includes(key)))}
              selectedKeys={cabinetId ? [String(cabinetId)] : []}
              onSelect={([key]) => {
                const node = nodes.find((n) => String(n.id) === key);
                if (node?.kind === 'cabinet') navigate(paths.locations(node.id));
              }}
              treeData={rooms.map((room) => ({
                key: String(room.id),
                selectable: false,
                title: (
                  <Space size={0} wrap>
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      {room.name}
                    </Typography.Text>
                    {canEdit && (
                      <>
                        <Button size="small" type="link" onClick={() => setDialog({ kind: 'cabinets', roomId: room.id })}>
                          {t('cabinet.create')}
                        </Button>
                        <Button size="small" type="link" onClick={() => setDialog({ kind: 'rename', node: room })}>
                          {t('actions.rename')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
                children: cabinetsOf(room.id).map((c) => ({ key: String(c.id), title: c.name, isLeaf: true })),
              }))}
            />
          )}
        </Card>
        <Space direction="vertical" size={16} style={{ width: '100%', minWidth: 0 }}>
          {canScan && <ScanMove />}
          {cabinetId ? <CabinetGrid key={cabinetId} cabinetId={cabinetId} /> : <Empty description={t('grid.pick')} />}
        </Space>
      </div>
      {dialog?.kind === 'room' && <RoomCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'cabinets' && <CabinetsCreateModal roomId={dialog.roomId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <RenameModal node={dialog.node} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'convert' && <ConvertModal onClose={() => setDialog(null)} />}
    </Page>
  );
}
