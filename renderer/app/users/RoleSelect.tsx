import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../electron/core/enums';

export function RoleSelect(props: SelectProps<Role>) {
  const { t } = useTranslation('common');
  return <Select<Role> {...props} options={ROLES.map((role) => ({ value: role, label: t(`enums.role.${role}`) }))} />;
}
