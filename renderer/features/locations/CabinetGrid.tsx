import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { locationPath, type PositionCell } from '../../../electron/core/contract/locations';
import { call } from '../../api/client';
import { useCanCall } from '../../ui/access';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { callQuery } from '../../ui/queries';
import { paths } from '../../ui/paths';
import { MoveContentsModal, RenameModal, RemoveButton } from './LocationModals';
import { App } from 'antd';

const cellState = (cell: PositionCell) => (cell.boxes.length === 0 ? 'free' : cell.boxes.some((b) => b.status === 'on_loan') ? 'on-loan' : 'occupied');

/** A cabinet drawn as it stands: a row per shelf, a cell per position, free, occupied or on loan. */
export function CabinetGrid({ cabinetId }: { cabinetId: number }) {
  const { t } = useTranslation('locations');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const grid = useQuery(callQuery('location-cabinet', { id: cabinetId }));
  const canEdit = useCanCall('location-rename');
  const canPrint = useCanCall('location-labels-pdf');
  const [renaming, setRenaming] = useState(false);
  const [moving, setMoving] = useState<{ id: number; kind: 'cabinet' | 'shelf'; name: string } | null>(null);
  const [printing, setPrinting] = useState(false);

  const print = (id: number) => {
    setPrinting(true);
    call('location-labels-pdf', { id })
      .then(saveExportFile)
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setPrinting(false));
  };

  return (
    <QueryState query={grid}>
      {(g) => {
        const cells = g.shelves.flatMap((s) => s.positions);
        const taken = cells.filter((c) => c.boxes.length > 0).length;
        const path = locationPath({ room: g.room.name, cabinet: g.cabinet.name, shelf: '', position: '' });
        return (
          <Card
            title={
              <span>
                {path}{' '}
                <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                  {t('grid.summary', { shelves: g.shelves.length, taken, free: cells.length - taken })}
                </Typography.Text>
              </span>
            }
            extra={
              <Space wrap>
                {canPrint && (
                  <Button loading={printing} onClick={() => print(g.cabinet.id)}>
                    {t('grid.printLabels')}
                  </Button>
                )}
                {canEdit && <Button onClick={() => setRenaming(true)}>{t('actions.rename')}</Button>}
                {canEdit && <Button onClick={() => setMoving({ id: g.cabinet.id, kind: 'cabinet', name: path })}>{t('actions.moveCabinet')}</Button>}
                {canEdit && <RemoveButton id={g.cabinet.id} name={g.cabinet.name} onRemoved={() => navigate(paths.locations())} />}
              </Space>
            }
          >
            <div className="grid-legend" aria-hidden>
              <span>
                <span className="grid-cell free" />
                {t('grid.free')}
              </span>
              <span>
                <span className="grid-cell occupied" />
                {t('grid.occupied')}
              </span>
              <span>
                <span className="grid-cell on-loan" />
                {t('grid.onLoan')}
              </span>
            </div>
            <div style={{ overflowX: 'auto' }}>
              <table className="cabinet-grid" aria-label={t('grid.label', { path })}>
                <tbody>
                  {g.shelves.map((shelf) => (
                    <tr key={shelf.id}>
                      <th scope="row">
                        {shelf.name}
                        {canEdit && (
                          <Button size="small" type="link" onClick={() => setMoving({ id: shelf.id, kind: 'shelf', name: `${path} › ${shelf.name}` })}>
                            {t('actions.moveShelf')}
                          </Button>
                        )}
                      </th>
                      {shelf.positions.map((cell) => {
                        const state = cellState(cell);
                        return (
                          <td key={cell.id}>
                            <Tooltip title={`${cell.code}${cell.boxes[0] ? ` · ${cell.boxes[0].title}` : ''}`}>
                              <div className={`grid-cell ${state}`} data-position={cell.code}>
                                <div className="cell-name">
                                  {cell.name}
                                  <span className="sr-only">{` ${shelf.name} · ${t(`grid.${state}`)}`}</span>
                                </div>
                                {cell.boxes.map((b) => (
                                  <div key={b.id} className="cell-box">
                                    <Typography.Link onClick={() => navigate(paths.box(b.id))}>{b.code}</Typography.Link>
                                  </div>
                                ))}
                              </div>
                            </Tooltip>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {g.unplacedBoxes > 0 && <Typography.Paragraph type="warning">{t('grid.unplaced', { count: g.unplacedBoxes })}</Typography.Paragraph>}
            {renaming && <RenameModal node={{ id: g.cabinet.id, name: g.cabinet.name }} onClose={() => setRenaming(false)} />}
            {moving && <MoveContentsModal source={moving} onClose={() => setMoving(null)} />}
          </Card>
        );
      }}
    </QueryState>
  );
}
