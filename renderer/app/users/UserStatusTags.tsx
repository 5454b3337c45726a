import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../electron/core/contract/app';

/** 启用 / 停用 / 锁定至…, and a reminder when the user has yet to replace an assigned password. */
export function UserStatusTags({ user }: { user: Pick<PublicUser, 'disabled' | 'lockedUntil' | 'mustChangePassword'> }) {
  const { t } = useTranslation('app');
  const lockedUntil = user.lockedUntil ? dayjs(user.lockedUntil) : null;
  const locked = lockedUntil?.isAfter(dayjs());
  return (
    <>
      {user.disabled ? (
        <Tag color="default">{t('users.statusDisabled')}</Tag>
      ) : locked && lockedUntil ? (
        <Tag color="orange">{t('users.statusLocked', { time: lockedUntil.format(lockedUntil.isSame(dayjs(), 'day') ? 'HH:mm' : 'YYYY-MM-DD HH:mm') })}</Tag>
      ) : (
        <Tag color="green">{t('users.statusEnabled')}</Tag>
      )}
      {user.mustChangePassword && !user.disabled && <Tag color="blue">{t('users.mustChange')}</Tag>}
    </>
  );
}
