import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../electron/core/contract/backups';
import { megabytes } from './BackupList';

/**
 * The long job under way: a backup's bar (bytes copied of the current folder) and its phase
 * (复制/校验); `reason`, when the job is not this screen's own, says why 立即备份 waits.
 */
export function JobProgress({ running, reason }: { running: NonNullable<JobStatus['running']>; reason: string | null }) {
  const { t } = useTranslation('backups');
  const { t: tc } = useTranslation('common');
  if (running.job !== 'backup') return <Alert type="info" showIcon title={t('job.busy', { job: tc(`jobs.${running.job}`) })} />;
  const percent = running.totalBytes > 0 ? Math.floor((running.doneBytes / running.totalBytes) * 100) : 0;
  const where =
    running.folderCount > 1 ? t('job.folderOf', { n: running.folderIndex + 1, count: running.folderCount, folder: running.folder }) : (running.folder ?? '');
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      title={t(`job.phase.${running.phase}`)}
      description={
        <>
          <div className="backup-folder">{where}</div>
          <Progress percent={running.phase === 'prepare' ? 0 : percent} status="active" aria-label={t('job.progress')} />
          {running.phase !== 'prepare' && <div>{t('job.bytes', { done: megabytes(running.doneBytes), total: megabytes(running.totalBytes) })}</div>}
          {reason && <div>{reason}</div>}
        </>
      }
    />
  );
}
