import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../electron/core/contract/boxes';
import { checklistState, missingCount, type ChecklistState } from './checklist';

const ICONS: Record<ChecklistState, ReactNode> = {
  present: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  missing: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  optional: <MinusCircleOutlined style={{ color: '#8c8c8c' }} />,
};

function ChecklistLine({ item, state }: { item: ChecklistItem; state: ChecklistState }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const status = state === 'present' ? t('checklist.present', { count: item.count }) : t(`checklist.${state}`);
  return (
    <Flex gap={8} align="baseline" className={`cat-checklist-line cat-checklist-${state}`}>
      {ICONS[state]}
      <span className="cat-checklist-label">{t(`common:enums.docCategory.${item.category}`)}</span>
      <Typography.Text type={state === 'missing' ? 'danger' : 'secondary'}>{status}</Typography.Text>
    </Flex>
  );
}

/** 卷内应有材料 (§4.3.2 a–g): what this tenant or customer box holds, and what it still lacks. */
export function Checklist({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation('catalogue');
  const missing = missingCount(items);
  const lines = items.flatMap((item) => {
    const state = checklistState(item);
    return state ? [{ item, state }] : [];
  });
  return (
    <Card
      title={t('checklist.title')}
      extra={missing > 0 ? <Tag color="red">{t('checklist.summaryMissing', { count: missing })}</Tag> : <Tag color="green">{t('checklist.complete')}</Tag>}
    >
      <Flex vertical gap={6}>
        {lines.map(({ item, state }) => (
          <ChecklistLine key={item.category} item={item} state={state} />
        ))}
      </Flex>
    </Card>
  );
}
