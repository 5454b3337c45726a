import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorText } from '../../ui/forms';
import { callQuery } from '../../ui/queries';

/**
 * 新版本 x.y.z 已下载: asked once per start in the desktop app's own window (never on a desk in a
 * browser, whose quitting is not the host's). Either button agrees: 退出并安装 now, 稍后 at the next
 * quit; closing the box agrees to nothing, and the next start asks again.
 */
export function UpdatePrompt() {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [dismissed, setDismissed] = useState(false);
  const status = useQuery(callQuery('update-status', {}));
  const install = useMutation({
    mutationFn: (when: 'now' | 'quit') => call('update-install', { when }),
    onSuccess: () => setDismissed(true),
    onError: (error) => void message.error(errorText(error)),
  });
  const data = status.data;
  const open = !dismissed && data?.phase === 'downloaded' && !data.agreed;
  return (
    <Modal
      open={open}
      title={t('updates.promptTitle', { version: data?.version ?? '' })}
      onCancel={() => setDismissed(true)}
      footer={[
        <Button key="later" onClick={() => install.mutate('quit')} disabled={install.isPending}>
          {t('updates.later')}
        </Button>,
        <Button key="now" type="primary" onClick={() => install.mutate('now')} loading={install.isPending && install.variables === 'now'}>
          {t('updates.installNow')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('updates.promptBody')}</Typography.Paragraph>
    </Modal>
  );
}
