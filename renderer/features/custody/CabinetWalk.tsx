import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionItem, InspectionPart } from '../../../electron/core/contract/inspections';
import { Confirm } from '../../ui/Confirm';
import { useErrorText } from '../../ui/forms';
import { ApartBoxes } from './ApartBoxes';
import { InspectionItems } from './InspectionItems';
import { useCustodyWrite } from './queries';
import { ScanToCheck } from './ScanToCheck';

type Walk = { inspection: Inspection; mayCheck: boolean; onItem: (item: InspectionItem) => void; onOpen: (item: InspectionItem) => void };

const LOOSE = 0;
const isDone = (p: InspectionPart) => p.startedAt !== null && p.checked === p.total;

function PartStatus({ part }: { part: InspectionPart }) {
  const { t } = useTranslation('custody');
  if (part.startedAt === null) return <Tag>{t('inspection.partNotStarted')}</Tag>;
  if (isDone(part)) return <Tag color="green">{t('inspection.partDone')}</Tag>;
  return <Tag color="blue">{t('inspection.partProgress', { checked: part.checked, total: part.total })}</Tag>;
}

function StartPart({ inspection, part }: { inspection: Inspection; part: InspectionPart }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const start = useCustodyWrite('inspection-part-start');
  return (
    <Confirm
      title={t('inspection.partStartConfirm', { path: part.path })}
      onConfirm={() => start.mutate({ inspectionId: inspection.id, cabinetId: part.cabinetId }, { onError: (e) => void message.error(errorText(e)) })}
    >
      <Button type="primary" loading={start.isPending}>
        {t('inspection.partStart')}
      </Button>
    </Confirm>
  );
}

/**
 * An inspection walked one cabinet at a time: every cabinet with its progress, and the chosen
 * one's boxes to scan, its boxes away from the shelf listed apart.
 */
export function CabinetWalk({ inspection, mayCheck, onItem, onOpen }: Walk) {
  const { t } = useTranslation('custody');
  const loose = inspection.items.filter((i) => i.cabinetId === null);
  const firstOpen = inspection.parts.find((p) => !isDone(p))?.cabinetId;
  const [chosen, setChosen] = useState<number>(firstOpen ?? inspection.parts[0]?.cabinetId ?? LOOSE);
  const part = inspection.parts.find((p) => p.cabinetId === chosen);
  return (
    <Flex vertical gap={12}>
      <Table<InspectionPart>
        size="small"
        rowKey="cabinetId"
        pagination={false}
        dataSource={inspection.parts}
        scroll={{ y: 240 }}
        rowClassName={(p) => (p.cabinetId === chosen ? 'ant-table-row-selected clickable-row' : 'clickable-row')}
        onRow={(p) => ({ onClick: () => setChosen(p.cabinetId), onKeyDown: (e) => e.key === 'Enter' && setChosen(p.cabinetId), tabIndex: 0 })}
        columns={[
          { key: 'path', title: t('inspection.cabinets'), dataIndex: 'path' },
          { key: 'status', width: 160, render: (_, p) => <PartStatus part={p} /> },
          { key: 'findings', title: t('inspection.findings'), width: 90, render: (_, p) => p.withFindings || '' },
          { key: 'apart', width: 120, render: (_, p) => (p.apart.length ? t('inspection.apartShort', { count: p.apart.length }) : '') },
        ]}
        footer={
          loose.length
            ? () => (
                <Button type="link" onClick={() => setChosen(LOOSE)}>
                  {t('inspection.looseBoxes', { count: loose.length })}
                </Button>
              )
            : undefined
        }
      />
      {part ? (
        <Flex vertical gap={8}>
          <Flex gap={12} align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {part.path}
            </Typography.Title>
            <PartStatus part={part} />
            {mayCheck && part.startedAt === null && <StartPart inspection={inspection} part={part} />}
          </Flex>
          {part.startedAt !== null && mayCheck && (
            <ScanToCheck key={part.cabinetId} inspection={inspection} onItem={onItem} cabinet={{ id: part.cabinetId, path: part.path }} />
          )}
          {part.startedAt !== null && (
            <InspectionItems items={inspection.items.filter((i) => i.cabinetId === part.cabinetId)} onOpen={onOpen} clickable={mayCheck} />
          )}
          <ApartBoxes boxes={part.apart} />
        </Flex>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('inspection.looseBoxes', { count: loose.length })}
          </Typography.Title>
          {mayCheck && <ScanToCheck inspection={inspection} onItem={onItem} />}
          <InspectionItems items={loose} onOpen={onOpen} clickable={mayCheck} />
        </Flex>
      )}
    </Flex>
  );
}
