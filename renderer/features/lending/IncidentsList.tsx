import { Button, Card, Descriptions, Empty, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/core/contract/loans';
import { useCanCall } from '../../ui/access';
import { formatAt } from '../../ui/format';
import { IncidentCloseModal } from './IncidentCloseModal';

/** The damage or loss found at return, with the people responsible (§4.5.3); the custodian or manager closes it. */
export function IncidentsList({ incidents, title }: { incidents: Incident[]; title?: string }) {
  const { t } = useTranslation('lending');
  const mayClose = useCanCall('incident-close');
  const [closing, setClosing] = useState<Incident | null>(null);
  return (
    <Card title={title ?? t('detail.incidents')} size="small">
      {incidents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noIncidents')} />
      ) : (
        <Flex vertical gap={12}>
          {incidents.map((incident) => (
            <Descriptions key={incident.id} size="small" bordered column={1} className="lend-incident">
              <Descriptions.Item label={t('fields.status')}>
                <Flex gap={8} align="center" justify="space-between">
                  <span>
                    <Tag color="red">{t(`common:enums.incidentKind.${incident.kind}`)}</Tag>
                    <Tag color={incident.status === 'open' ? 'orange' : 'green'}>{t(`common:enums.incidentStatus.${incident.status}`)}</Tag>
                  </span>
                  {incident.status === 'open' && mayClose && (
                    <Button size="small" onClick={() => setClosing(incident)}>
                      {t('incidentClose.action')}
                    </Button>
                  )}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.recorded')}>
                {t('detail.by', { name: incident.createdByName, at: formatAt(incident.createdAt) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.description')}>{incident.description}</Descriptions.Item>
              {incident.missingDocumentTitles.length > 0 && (
                <Descriptions.Item label={t('detail.missingDocuments')}>{incident.missingDocumentTitles.join('、')}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('detail.responsible')}>{incident.responsible}</Descriptions.Item>
              {incident.followUp !== '' && <Descriptions.Item label={t('detail.followUp')}>{incident.followUp}</Descriptions.Item>}
              {incident.closedAt !== null && (
                <Descriptions.Item label={t('detail.resolution')}>
                  {incident.resolution}（{formatAt(incident.closedAt)}）
                </Descriptions.Item>
              )}
            </Descriptions>
          ))}
        </Flex>
      )}
      {closing && <IncidentCloseModal incident={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}
