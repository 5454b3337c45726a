import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInspection } from '../../../electron/core/contract/backups';
import { call } from '../../api/client';
import { useErrorText } from '../../ui/forms';
import { formatTime } from './BackupsPage';
import { JobProgress } from './JobProgress';
import { useJobStatus } from './queries';

/**
 * Restore: the backup's facts first (date, counts, whether it needs the passphrase of another
 * install), then an explicit confirmation. A null file asks for a path first.
 */
export function RestoreModal({ file, onClose }: { file: string | null; onClose: () => void }) {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [path, setPath] = useState(file ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const inspect = useMutation({ mutationFn: (f: string) => call('backup-inspect', { file: f }) });
  const restore = useMutation({
    mutationFn: (seen: BackupInspection) => call('backup-restore', { file: seen.file, confirm: true, ...(seen.sameKey ? {} : { passphrase }) }),
    onSuccess: () => {
      void message.success(t('restore.done'));
      // The restore signed everyone out: start over at the sign-in screen.
      setTimeout(() => window.location.reload(), 800);
    },
  });
  // The restore's steps (check, copy, re-key, check), shown here: the modal covers the page's own bar.
  const running = useJobStatus().data?.running ?? null;
  const seen = inspect.data;
  const { mutate: inspectFile } = inspect;
  useEffect(() => {
    if (file) inspectFile(file);
  }, [file, inspectFile]);

  return (
    <Modal open title={t('restore.title')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Flex vertical gap={12}>
        {!file && (
          <Flex gap={8}>
            <Input
              aria-label={t('restore.file')}
              placeholder={t('restore.file')}
              value={path}
              onChange={(e) => setPath(e.target.value)}
              onPressEnter={() => inspect.mutate(path.trim())}
            />
            <Button onClick={() => inspect.mutate(path.trim())} loading={inspect.isPending}>
              {t('restore.inspect')}
            </Button>
          </Flex>
        )}
        {inspect.isError && <Alert type="error" showIcon title={errorText(inspect.error)} />}
        {seen && (
          <>
            <Descriptions size="small" column={1} bordered className="backup-restore-facts">
              <Descriptions.Item label={t('restore.file')}>
                <span className="backup-folder">{seen.file}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('restore.site')}>{seen.manifest.siteName}</Descriptions.Item>
              <Descriptions.Item label={t('restore.createdAt')}>{formatTime(seen.manifest.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('restore.version')}>{seen.manifest.appVersion}</Descriptions.Item>
              <Descriptions.Item label={t('restore.counts')}>
                {t('restore.countsText', {
                  boxes: seen.manifest.counts.boxes ?? 0,
                  owners: seen.manifest.counts.owners ?? 0,
                  loans: seen.manifest.counts.loans ?? 0,
                  audit: seen.manifest.audit.entries,
                })}
              </Descriptions.Item>
            </Descriptions>
            {!seen.sameKey && (
              <>
                <Alert type="info" showIcon title={t('restore.otherKey')} />
                <Input.Password
                  aria-label={t('restore.passphrase')}
                  placeholder={t('restore.passphrase')}
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                />
              </>
            )}
            <Alert type="warning" showIcon title={t('restore.warning')} />
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
              {t('restore.confirm')}
            </Checkbox>
            {restore.isPending && running?.job === 'restore' && <JobProgress running={running} reason={null} />}
            {restore.isError && <Alert type="error" showIcon title={errorText(restore.error)} />}
            <Flex justify="end" gap={8}>
              <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
              <Button
                type="primary"
                danger
                disabled={!confirmed || (!seen.sameKey && passphrase === '')}
                loading={restore.isPending}
                onClick={() => restore.mutate(seen)}
              >
                {t('restore.run')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Modal>
  );
}
