import { Card, Descriptions, Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/contract/loans';
import { formatAt } from './format';

/** The damage or loss found at return, with the people responsible (§4.5.3). */
export function IncidentsList({ incidents }: { incidents: Incident[] }) {
  const { t } = useTranslation('lending');
  return (
    <Card title={t('detail.incidents')} size="small">
      {incidents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noIncidents')} />
      ) : (
        <Flex vertical gap={12}>
          {incidents.map((incident) => (
            <Descriptions key={incident.id} size="small" bordered column={1}>
              <Descriptions.Item label={t('fields.status')}>
                <Tag color="red">{t(`incidentKind.${incident.kind}`)}</Tag>
                <Tag color={incident.status === 'open' ? 'orange' : 'green'}>{t(`incidentStatus.${incident.status}`)}</Tag>
                {t('detail.by', { name: incident.createdByName, at: formatAt(incident.createdAt) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.description')}>{incident.description}</Descriptions.Item>
              {incident.missingDocumentTitles.length > 0 && <Descriptions.Item label={t('detail.missingDocuments')}>{incident.missingDocumentTitles.join('、')}</Descriptions.Item>}
              <Descriptions.Item label={t('detail.responsible')}>{incident.responsible}</Descriptions.Item>
              {incident.followUp !== '' && <Descriptions.Item label={t('detail.followUp')}>{incident.followUp}</Descriptions.Item>}
              {incident.resolution !== '' && <Descriptions.Item label={t('detail.resolution')}>{incident.resolution}</Descriptions.Item>}
            </Descriptions>
          ))}
        </Flex>
      )}
    </Card>
  );
}
