import { Button, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../electron/core/contract/errors';

/**
 * An action the rules forbid just now, where the user would look for it: its buttons disabled and,
 * beside them in plain view (a tooltip needs a hover that touch and keyboard users never make), the
 * sentence the service would refuse it with, so screen and service say the same thing.
 */
export function RefusedAction({ labels, code, params }: { labels: string[]; code: ErrorCode; params?: Record<string, string | number> }) {
  const { t } = useTranslation('common');
  const reasonId = useId();
  return (
    <Space size={8} wrap className="refused-action">
      {labels.map((label) => (
        <Button key={label} disabled aria-describedby={reasonId}>
          {label}
        </Button>
      ))}
      <Typography.Text id={reasonId} type="secondary">
        {t(`errors.${code}`, params)}
      </Typography.Text>
    </Space>
  );
}
