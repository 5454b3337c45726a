import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { formatLocation, formatTimestamp } from '../../ui/format';

type Move = BoxDetail['moves'][number];

function MoveLine({ move }: { move: Move }) {
  const { t } = useTranslation('catalogue');
  const to = formatLocation(move.toLocation);
  return (
    <>
      <Typography.Text type="secondary">{formatTimestamp(move.movedAt)}</Typography.Text>
      <div>{move.fromLocation ? t('moves.fromTo', { from: formatLocation(move.fromLocation), to }) : t('moves.placed', { to })}</div>
      {move.reason && <div>{t('moves.reason', { reason: move.reason })}</div>}
      <Typography.Text type="secondary">{t('moves.by', { name: move.movedByName })}</Typography.Text>
    </>
  );
}

/** 位置变更记录, newest first as box-get returns it: where the box has been, and who moved it why. */
export function MoveHistory({ moves }: { moves: BoxDetail['moves'] }) {
  const { t } = useTranslation('catalogue');
  return (
    <Card title={t('moves.title')}>
      {moves.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('moves.empty')} />
      ) : (
        <Timeline
          items={moves.map((move, index) => ({
            key: move.id,
            color: index === 0 ? 'blue' : 'gray',
            content: <MoveLine move={move} />,
          }))}
        />
      )}
    </Card>
  );
}
