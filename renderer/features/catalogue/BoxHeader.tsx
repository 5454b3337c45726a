import { EditOutlined, NumberOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { useCanCall } from '../../ui/access';
import { useBoxPanels } from '../../ui/box-panels';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { BoxLabelButton } from './LabelButtons';
import { formatDate } from '../../ui/format';
import { paths } from '../../ui/paths';

/**
 * The code is what the desk reads off the label, so it is the largest thing on the page; beside it
 * what stops the box being used: on loan, pending destruction, destroyed, on hold.
 */
/** The codes the box had before a change: what an old label or register still says. */
function FormerCodes({ codes }: { codes: BoxDetail['formerCodes'] }) {
  const { t } = useTranslation('catalogue');
  if (codes.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" className="cat-former-codes" style={{ margin: '0 0 8px' }}>
      {t('codeChange.former')}：
      {codes.map((c) => (
        <span key={c.code} className="cat-former-code">
          {t('codeChange.formerLine', { code: c.code, newCode: c.newCode, at: formatDate(c.changedAt), by: c.changedByName, reason: c.reason })}
        </span>
      ))}
    </Typography.Paragraph>
  );
}

export function BoxHeader({
  box,
  formerCodes,
  onMove,
  onChangeCode,
}: {
  box: BoxDetail['box'];
  formerCodes: BoxDetail['formerCodes'];
  onMove: () => void;
  onChangeCode: () => void;
}) {
  const { t } = useTranslation(['catalogue', 'common']);
  const navigate = useNavigate();
  const { tags, actions } = useBoxPanels();
  const mayEdit = useCanCall('box-update');
  const mayMove = useCanCall('box-move');
  const mayChangeCode = useCanCall('box-code-change');
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
          <FormerCodes codes={formerCodes} />
          <Space size={4} wrap>
            <Tag>{t(`common:enums.boxKind.${box.kind}`)}</Tag>
            <Tag>{t('box.volume', { volume: box.volume })}</Tag>
          </Space>
        </div>
        <Space wrap>
          {Object.entries(actions).map(([name, Action]) => (
            <Action key={name} boxId={box.id} />
          ))}
          <BoxLabelButton box={box} />
          {mayMove && (
            <Button icon={<SwapOutlined />} onClick={onMove}>
              {t('move.action')}
            </Button>
          )}
          {mayChangeCode && (
            <Button icon={<NumberOutlined />} onClick={onChangeCode}>
              {t('codeChange.action')}
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
