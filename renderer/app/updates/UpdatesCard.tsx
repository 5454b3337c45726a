import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Radio, Skeleton, Space, Typography } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { updateSourceInput, type UpdateSource, type UpdateStatus } from '../../../electron/core/contract/updates';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { formatAt } from '../../ui/format';
import { useErrorText, useServerErrors } from '../../ui/forms';
import { callQuery } from '../../ui/queries';

/** The form's flat values: both fields kept while the administrator switches between kinds. */
interface SourceForm {
  kind: UpdateSource['kind'];
  path: string;
  url: string;
}

const toSource = (v: SourceForm): unknown =>
  v.kind === 'folder' ? { kind: 'folder', path: v.path } : v.kind === 'host' ? { kind: 'host', url: v.url } : { kind: 'none' };

/** The contract's own check, its issues put on the form's fields. */
const sourceForm = z.object({ kind: z.enum(['none', 'folder', 'host']), path: z.string(), url: z.string() }).superRefine((v, ctx) => {
  const parsed = updateSourceInput.safeParse(toSource(v));
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.slice(-1), message: issue.message });
});

const formOf = (source: UpdateSource): SourceForm => ({
  kind: source.kind,
  path: source.kind === 'folder' ? source.path : '',
  url: source.kind === 'host' ? source.url : '',
});

/** While a check or download runs, the card asks again: its end is not a write anyone else hears of. */
const BUSY_POLL_MS = 1500;

/**
 * 系统设置 → 软件更新 (issue #16): the version running, where new versions come from (none, the
 * office's update folder, or the archive host), 检查更新, and how the last check went.
 */
export function UpdatesCard() {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const status = useQuery({
    ...callQuery('update-status', {}),
    refetchInterval: (query) => (query.state.data?.phase === 'checking' || query.state.data?.phase === 'downloading' ? BUSY_POLL_MS : false),
  });
  return (
    <Card size="small" title={t('updates.title')} className="settings-card">
      {status.isError && <Alert type="error" showIcon title={errorText(status.error)} />}
      {status.isPending && <Skeleton active />}
      {status.data && <UpdateDetails status={status.data} />}
    </Card>
  );
}

function PhaseText({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation('app');
  const { t: tc, i18n } = useTranslation('common');
  if (status.phase === 'error' && status.error) {
    const key = i18n.exists(`common:errors.${status.error}`) ? status.error : 'UPDATE_FAILED';
    return (
      <Typography.Text type="danger" role="alert">
        {tc(`errors.${key}`)}
      </Typography.Text>
    );
  }
  const text = t(`updates.phases.${status.phase}`, { version: status.version ?? '' });
  if (status.waitingForWork) return <Typography.Text type="warning">{`${text}：${t('updates.waiting')}`}</Typography.Text>;
  return (
    <Typography.Text type={status.phase === 'downloaded' ? 'success' : undefined}>{status.agreed ? `${text}，${t('updates.agreed')}` : text}</Typography.Text>
  );
}

function UpdateDetails({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { control, handleSubmit, setError, reset } = useForm<SourceForm>({ resolver: zodResolver(sourceForm), defaultValues: formOf(status.source) });
  const kind = useWatch({ control, name: 'kind' });
  const onError = useServerErrors(setError, {});
  const save = useMutation({
    mutationFn: (values: SourceForm) => call('update-source-set', toSource(values) as UpdateSource),
    onSuccess: (saved) => {
      reset(formOf(saved.source));
      void message.success(t('updates.saved'));
    },
    onError,
  });
  const check = useMutation({ mutationFn: () => call('update-check', {}), onError: (error) => void message.error(errorText(error)) });
  const busy = status.phase === 'checking' || status.phase === 'downloading';

  return (
    <Space orientation="vertical" size={16} className="full-width">
      {!status.available && <Alert type="info" showIcon title={t('updates.unavailable')} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('updates.currentVersion')}>{status.currentVersion ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('updates.lastCheck')}>
          <Space orientation="vertical" size={2}>
            <PhaseText status={status} />
            {status.checkedAt && <Typography.Text type="secondary">{formatAt(status.checkedAt)}</Typography.Text>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <HookForm onSubmit={handleSubmit((values) => save.mutate(values))}>
        <Field control={control} name="kind" label={t('updates.source')}>
          {(field) => (
            <Radio.Group
              {...field}
              options={(['none', 'folder', 'host'] as const).map((value) => ({ value, label: t(`updates.sources.${value}`) }))}
              optionType="button"
            />
          )}
        </Field>
        {kind === 'folder' && (
          <Field control={control} name="path" label={t('updates.folder')} required extra={t('updates.folderHint')}>
            {(field) => <Input {...field} className="mono" spellCheck={false} placeholder="\\server\share\ArchiveDeskUpdates" />}
          </Field>
        )}
        {kind === 'host' && (
          <Field control={control} name="url" label={t('updates.hostUrl')} required extra={t('updates.hostUrlHint')}>
            {(field) => <Input {...field} className="mono" spellCheck={false} placeholder="https://192.168.1.10:8443" />}
          </Field>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('updates.save')}
          </Button>
          <Button onClick={() => check.mutate()} loading={check.isPending || busy} disabled={status.source.kind === 'none' || !status.available}>
            {t('updates.check')}
          </Button>
        </Space>
      </HookForm>
    </Space>
  );
}
