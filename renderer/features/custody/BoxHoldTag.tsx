import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBoxCustody } from './queries';

/** 冻结中 and why, for the box page's header: a hold matters before anything else on the page. */
export function BoxHoldTag({ boxId }: { boxId: number }) {
  const { t } = useTranslation('custody');
  const active = useBoxCustody(boxId).data?.holds.find((h) => h.liftedAt === null);
  if (!active) return null;
  return (
    <Tooltip title={`${t('holds.reason')}：${active.reason}`}>
      <Tag color="red" className="cat-box-hold">
        {t('holds.active')}：{active.reason}
      </Tag>
    </Tooltip>
  );
}
