import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { useCanCall } from '../../ui/access';
import { useBoxPanels } from '../../ui/box-panels';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { BoxLabelButton } from './LabelButtons';
import { paths } from '../../ui/paths';

/**
 * The code is what the desk reads off the label, so it is the largest thing on the page; beside it
 * what stops the box being used: on loan, pending destruction, destroyed, on hold.
 */
export function BoxHeader({ box, onMove }: { box: BoxDetail['box']; onMove: () => void }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const navigate = useNavigate();
  const { tags, actions } = useBoxPanels();
  const mayEdit = useCanCall('box-update');
  const mayMove = useCanCall('box-move');
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Flex align="center" gap={8} wrap className="cat-box-heading">
            <div className="cat-box-code mono">{box.code}</div>
            <BoxStatusTag status={box.status} />
            {Object.entries(tags).map(([name, Extra]) => (
              <Extra key={name} boxId={box.id} />
            ))}
          </Flex>
          <Typography.Title level={1} className="screen-title" style={{ margin: '4px 0 8px' }}>
            {box.title}
          </Typography.Title>
          <Space size={4} wrap>
            <Tag>{t(`common:enums.boxKind.${box.kind}`)}</Tag>
            <Tag>{t('box.volume', { volume: box.volume })}</Tag>
          </Space>
        </div>
        <Space wrap>
          {Object.entries(actions).map(([name, Action]) => (
            <Action key={name} boxId={box.id} />
          ))}
          <BoxLabelButton id={box.id} />
          {mayMove && (
            <Button icon={<SwapOutlined />} onClick={onMove}>
              {t('move.action')}
            </Button>
          )}
          {mayEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(paths.editBox(box.id))}>
              {t('common:actions.edit')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
