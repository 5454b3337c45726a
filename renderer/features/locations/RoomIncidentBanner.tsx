import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { callQuery } from '../../ui/queries';
import { ROOM_CONDITIONS_PATH } from './routes';

/**
 * On every screen of those who close room incidents (the manager, the custodian): an open one,
 * named by room and kind, so a danger is seen at once (§4.5.1) until its follow-up closes it.
 */
export function RoomIncidentBanner() {
  const { t } = useTranslation('locations');
  const incidents = useQuery(callQuery('room-incidents', { status: 'open' }));
  const onPage = useLocation().pathname === ROOM_CONDITIONS_PATH;
  const open = incidents.data?.incidents ?? [];
  if (onPage || open.length === 0) return null;
  const named = open
    .slice(0, 3)
    .map((i) => `${i.roomName} ${t(`common:enums.roomRisk.${i.risk}`)}`)
    .join('、');
  return <Alert type="error" showIcon banner title={<Link to={ROOM_CONDITIONS_PATH}>{t('rooms.banner', { count: open.length, named })}</Link>} />;
}
