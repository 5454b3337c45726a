import { CloudUploadOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Checkbox, Col, Input, Row, Skeleton, Switch, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { backupSettingsSchema, type BackupOverview, type BackupSettings, type FolderStatus } from '../../../electron/core/contract/backups';
import { Field, HookForm } from '../../ui/field';
import { useErrorText, useServerErrors } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { canCall } from '../../ui/permissions';
import { useSession } from '../../api/session-store';
import { BackupList, megabytes } from './BackupList';
import { KeyCards } from './KeyCards';
import { JobProgress } from './JobProgress';
import { useBackupOverview, useBackupWrite, useJobStatus } from './queries';
import { RestoreModal } from './RestoreModal';
import { NumberInput } from '../../ui/NumberInput';

export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 备份与恢复: where backups go, when, how each place fared, and restoring one. */
export function BackupsPage() {
  const { t } = useTranslation('backups');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const overview = useBackupOverview();
  const user = useSession((s) => s.user);
  const mayWrite = canCall(user, 'backup-run');
  const run = useBackupWrite('backup-run', (results) => {
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) void message.warning(t('partlyFailed', { failed }));
    else void message.success(t('backedUp', { ok: results.length }));
    const cleaned = results.flatMap((r) => r.cleanedUp.files);
    if (cleaned.length > 0)
      void message.info(t('cleanedUp', { count: cleaned.length, size: megabytes(results.reduce((sum, r) => sum + r.cleanedUp.bytes, 0)) }));
  });
  const [restoreFile, setRestoreFile] = useState<string | null | undefined>(undefined);
  const job = useJobStatus();
  const running = job.data?.running ?? null;
  // Another long job (a scheduled backup, a re-key, someone else's backup) holds the archive: say which.
  const busy = running && !run.isPending ? t('job.busy', { job: tc(`jobs.${running.job}`) }) : null;

  return (
    <Page
      title={t('title')}
      extra={
        mayWrite && (
          <>
            <Button onClick={() => setRestoreFile(null)}>{t('restore.other')}</Button>
            <Tooltip title={busy}>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={run.isPending}
                disabled={busy !== null}
                onClick={() => run.mutate({}, { onError: (e) => void message.error(errorText(e)) })}
              >
                {t('backUpNow')}
              </Button>
            </Tooltip>
          </>
        )
      }
    >
      {running && <JobProgress running={running} reason={busy} />}
      {overview.isError && <Alert type="error" showIcon title={errorText(overview.error)} />}
      {overview.isPending && <Skeleton active />}
      {overview.data && (
        <div className="backup-cards">
          <Summary overview={overview.data} />
          <FolderTable folders={overview.data.folders} mayRestore={mayWrite} onRestore={setRestoreFile} />
          {mayWrite && <SettingsCard settings={overview.data.settings} />}
          <KeyCards />
        </div>
      )}
      {restoreFile !== undefined && <RestoreModal file={restoreFile} onClose={() => setRestoreFile(undefined)} />}
    </Page>
  );
}

function Summary({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation('backups');
  if (overview.overdue)
    return (
      <Alert
        type="warning"
        showIcon
        title={t(overview.lastGoodAt ? 'overdue' : 'neverBackedUp')}
        description={overview.lastGoodAt ? t('lastGoodAt', { at: formatTime(overview.lastGoodAt) }) : undefined}
      />
    );
  return <Alert type="success" showIcon title={overview.lastGoodAt ? t('lastGoodAt', { at: formatTime(overview.lastGoodAt) }) : t('never')} />;
}

function FolderTable({ folders, mayRestore, onRestore }: { folders: FolderStatus[]; mayRestore: boolean; onRestore: (file: string) => void }) {
  const { t } = useTranslation('backups');
  const { t: tc } = useTranslation('common');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card size="small" title={t('folders.title')}>
      <Table<FolderStatus>
        size="small"
        rowKey="folder"
        pagination={false}
        dataSource={folders}
        columns={[
          { title: t('folders.folder'), dataIndex: 'folder', render: (f: string) => <span className="backup-folder">{f}</span> },
          {
            title: t('folders.lastGood'),
            render: (_, r) => (r.lastGood ? formatTime(r.lastGood.at) : <Typography.Text type="secondary">{t('folders.none')}</Typography.Text>),
          },
          {
            title: t('folders.lastError'),
            render: (_, r) =>
              r.lastError ? (
                <Typography.Text type="danger">{`${formatTime(r.lastError.at)} ${tc(`errors.${r.lastError.code}`, { folder: r.folder })}`}</Typography.Text>
              ) : (
                '—'
              ),
          },
          ...(mayRestore
            ? [
                {
                  title: '',
                  width: 110,
                  render: (_: unknown, r: FolderStatus) => (
                    <Button size="small" onClick={() => setOpen(open === r.folder ? null : r.folder)}>
                      {t('folders.show')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && <BackupList folder={open} onRestore={onRestore} />}
    </Card>
  );
}

function SettingsCard({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset } = useForm({ resolver: zodResolver(backupSettingsSchema), defaultValues: settings });
  const onError = useServerErrors(setError);
  const save = useBackupWrite('backup-settings-update', (saved) => {
    reset(saved);
    void message.success(t('settings.saved'));
  });
  return (
    <Card size="small" title={t('settings.title')}>
      <HookForm onSubmit={handleSubmit((input) => save.mutate(input, { onError }))}>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Field control={control} name="folders" label={t('settings.folders')} extra={t('settings.foldersHint')}>
              {({ value, onChange, ...field }) => (
                <Input.TextArea
                  {...field}
                  rows={3}
                  className="backup-folder"
                  value={value.join('\n')}
                  onChange={(e) =>
                    onChange(
                      e.target.value
                        .split('\n')
                        .map((l) => l.trim())
                        .filter((l, i, all) => l !== '' || i === all.length - 1),
                    )
                  }
                  onBlur={() => onChange(value.filter((l) => l !== ''))}
                />
              )}
            </Field>
          </Col>
          <Col xs={24} xl={12}>
            <Field control={control} name="keep" label={t('settings.keep')} required>
              {(field) => <NumberInput {...field} />}
            </Field>
            <Field control={control} name="dailyAt" label={t('settings.dailyAt')}>
              {({ value, onChange, ...field }) => (
                <span>
                  <Input
                    {...field}
                    value={value ?? ''}
                    disabled={value === null}
                    onChange={(e) => onChange(e.target.value)}
                    style={{ width: 100 }}
                    placeholder="18:00"
                  />{' '}
                  <Checkbox checked={value === null} onChange={(e) => onChange(e.target.checked ? null : '18:00')}>
                    {t('settings.dailyOff')}
                  </Checkbox>
                </span>
              )}
            </Field>
            <Field control={control} name="onClose" label={null}>
              {({ value, onChange, id }) => (
                <span>
                  <Switch id={id} checked={value} onChange={onChange} /> <label htmlFor={id}>{t('settings.onClose')}</label>
                </span>
              )}
            </Field>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </HookForm>
    </Card>
  );
}
