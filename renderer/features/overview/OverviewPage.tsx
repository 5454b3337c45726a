import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Result, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Overview } from '../../../electron/core/contract/overview';
import { useCanCall } from '../../ui/access';
import { formatTimestamp } from '../../ui/format';
import { Page } from '../../ui/Page';
import { callQuery } from '../../ui/queries';
import { QueryState } from '../../ui/QueryState';
import { BackupAge, BoxesByFloor, BoxesByStatus, InspectionProgress, LoansByMonth, OverdueByDepartment, RetentionByMonth, RoomReadings } from './figures';
import { overviewLinks } from './links';
import './overview.css';

/** 概览: open room incidents first, then each figure the role may open the list of, each clicking through to it. */
export function OverviewPage() {
  const { t } = useTranslation('overview');
  const overview = useQuery(callQuery('overview', {}));
  return (
    <Page
      title={t('title')}
      extra={overview.data && <Typography.Text type="secondary">{`${t('asOf', { today: overview.data.today })} · ${t('clickHint')}`}</Typography.Text>}
    >
      <QueryState query={overview}>{(data) => <Figures data={data} />}</QueryState>
    </Page>
  );
}

function Figures({ data }: { data: Overview }) {
  const empty = data.boxTotal === 0;
  // Each figure is null for a role that may not open its list; an empty archive has no box figures to draw.
  const cards = [
    !empty && data.loansByMonth && <LoansByMonth key="loans" months={data.loansByMonth} />,
    !empty && data.overdueByDepartment && <OverdueByDepartment key="overdue" departments={data.overdueByDepartment} />,
    !empty && data.boxesByStatus && <BoxesByStatus key="status" statuses={data.boxesByStatus} />,
    !empty && data.boxesByFloor && <BoxesByFloor key="floor" figure={data.boxesByFloor} />,
    !empty && data.retentionByMonth && <RetentionByMonth key="retention" months={data.retentionByMonth} />,
    !empty && data.inspection && <InspectionProgress key="inspection" figure={data.inspection} />,
    data.backups && <BackupAge key="backups" figure={data.backups} />,
  ].filter(Boolean);
  return (
    <Flex vertical gap={16}>
      <RoomIncidents incidents={data.roomIncidents} />
      {empty && <EmptyArchive />}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={(card as { key: string }).key} xs={24} xl={12}>
            {card}
          </Col>
        ))}
        {data.rooms && (
          <Col xs={24}>
            <RoomReadings figure={data.rooms} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

/** A danger in a room is the first thing on the screen, each with the way to its record (§4.5.1). */
function RoomIncidents({ incidents }: { incidents: Overview['roomIncidents'] }) {
  const { t } = useTranslation(['overview', 'common']);
  if (incidents.length === 0) return <Alert type="success" showIcon title={t('incidents.none')} />;
  return (
    <Alert
      type="error"
      showIcon
      className="overview-incidents"
      title={<strong>{t('incidents.title', { count: incidents.length })}</strong>}
      description={
        <ul className="overview-incident-list">
          {incidents.map((i) => (
            <li key={i.id}>
              <Typography.Text strong>{t('incidents.item', { room: i.roomName, risk: t(`common:enums.roomRisk.${i.risk}`) })}</Typography.Text>
              {i.description && <span className="overview-incident-text">{i.description}</span>}
              <Typography.Text type="secondary">{t('incidents.opened', { at: formatTimestamp(i.openedAt), by: i.openedByName })}</Typography.Text>
              <Link to={overviewLinks.roomReadings(i.roomId)}>{t('incidents.handle')}</Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function EmptyArchive() {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const mayCreate = useCanCall('box-create');
  const mayImport = useCanCall('import-boxes-run');
  return (
    <Card>
      <Result
        status="info"
        title={t('empty.title')}
        subTitle={t('empty.description')}
        extra={
          <Flex gap={8} justify="center">
            {mayCreate && (
              <Button type="primary" onClick={() => void navigate('/boxes/new')}>
                {t('empty.addBox')}
              </Button>
            )}
            {mayImport && <Button onClick={() => void navigate('/boxes/import?kind=boxes')}>{t('empty.importBoxes')}</Button>}
          </Flex>
        }
      />
    </Card>
  );
}
