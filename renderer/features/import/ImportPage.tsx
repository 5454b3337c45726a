import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Select, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BOX_IMPORT_FIELDS, type BoxImportField, type ImportCheck, type ImportProblem } from '../../../electron/contract/imports';
import { call } from '../../api/client';
import { useErrorText } from '../../app/forms';
import { Page } from '../../app/layout/Page';

interface PickedFile {
  fileName: string;
  base64: string;
}

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Upload → columns → dry run with every row's problems → import all (or skip the bad rows). */
export function ImportPage() {
  const { t } = useTranslation('import');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<BoxImportField, string>>>({});
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const check = useMutation({
    mutationFn: (input: PickedFile & { mapping?: Partial<Record<BoxImportField, string>> }) => call('import-boxes-check', input),
    onSuccess: (result) => {
      setMapping(result.mapping);
      setSkip(new Set());
    },
  });
  const run = useMutation({
    mutationFn: () => call('import-boxes-run', { ...file!, mapping: fullMapping(mapping), skipRows: [...skip] }),
    onSuccess: (done) => {
      void message.success(t('done', done));
      for (const key of ['box-list', 'owner-list'] as const) void queryClient.invalidateQueries({ queryKey: [key] });
      void navigate('/boxes');
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const pick = async (picked: File) => {
    const next = { fileName: picked.name, base64: await readBase64(picked) };
    setFile(next);
    check.mutate(next);
    return false;
  };

  const result = check.data;
  return (
    <Page title={t('title')}>
      <Flex vertical gap={16}>
        <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => void pick(f) as unknown as false} multiple={false}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('pick')}</p>
          <p className="ant-upload-hint">{t('pickHint')}</p>
        </Upload.Dragger>
        {check.isError && <Alert type="error" showIcon title={errorText(check.error)} />}
        {file && result && (
          <>
            <Typography.Text>
              {t('file', { name: file.fileName, rows: result.rows, encoding: t(`encoding.${result.encoding}`) })}
              {result.newOwners > 0 && ` · ${t('newOwners', { count: result.newOwners })}`}
            </Typography.Text>
            <MappingCard headers={result.headers} mapping={mapping} onChange={setMapping} onRecheck={() => check.mutate({ ...file, mapping: fullMapping(mapping) })} checking={check.isPending} />
            <Problems result={result} skip={skip} onSkip={setSkip} />
            <Flex justify="end">
              <Button type="primary" size="large" loading={run.isPending} disabled={!allHandled(result, skip)} onClick={() => run.mutate()}>
                {t('run', { count: importable(result, skip) })}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Page>
  );
}

/** Every field named, '' for "not imported", so the server does not guess a column back in. */
const fullMapping = (m: Partial<Record<BoxImportField, string>>) => Object.fromEntries(BOX_IMPORT_FIELDS.map((f) => [f, m[f] ?? ''])) as Record<BoxImportField, string>;
const problemRows = (result: ImportCheck) => new Set(result.problems.map((p) => p.row));
const allHandled = (result: ImportCheck, skip: Set<number>) => [...problemRows(result)].every((r) => r > 1 && skip.has(r));
const importable = (result: ImportCheck, skip: Set<number>) => Math.max(0, result.rows - skip.size);

function MappingCard(props: { headers: string[]; mapping: Partial<Record<BoxImportField, string>>; onChange: (m: Partial<Record<BoxImportField, string>>) => void; onRecheck: () => void; checking: boolean }) {
  const { t } = useTranslation('import');
  const options = [{ value: '', label: t('notImported') }, ...props.headers.filter((h) => h).map((h) => ({ value: h, label: h }))];
  return (
    <Card size="small" title={t('mapping')} extra={<Button onClick={props.onRecheck} loading={props.checking}>{t('recheck')}</Button>}>
      <Typography.Paragraph type="secondary">{t('mappingHint')}</Typography.Paragraph>
      <div className="import-mapping">
        {BOX_IMPORT_FIELDS.map((field) => (
          <label key={field} className="import-mapping-row">
            <span>{t(`fields.${field}`)}</span>
            <Select aria-label={t(`fields.${field}`)} size="small" value={props.mapping[field] ?? ''} options={options} onChange={(v) => props.onChange({ ...props.mapping, [field]: v })} style={{ width: 160 }} />
          </label>
        ))}
      </div>
    </Card>
  );
}

function Problems({ result, skip, onSkip }: { result: ImportCheck; skip: Set<number>; onSkip: (s: Set<number>) => void }) {
  const { t } = useTranslation('import');
  const { t: tc } = useTranslation('common');
  const rows = useMemo(() => problemRows(result), [result]);
  if (result.problems.length === 0) return <Alert type="success" showIcon title={t('noProblems', { rows: result.rows })} />;
  const toggle = (row: number, on: boolean) => {
    const next = new Set(skip);
    if (on) next.add(row);
    else next.delete(row);
    onSkip(next);
  };
  return (
    <Card size="small" title={t('problems', { count: result.problems.length, rows: rows.size })} extra={<Button onClick={() => onSkip(new Set([...rows].filter((r) => r > 1)))}>{t('skipAll')}</Button>}>
      <Table<ImportProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
        dataSource={result.problems}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('row'), dataIndex: 'row', width: 80 },
          { title: t('column'), width: 140, render: (_, p) => (p.field ? (result.mapping[p.field] ?? t(`fields.${p.field}`)) : '') },
          { title: t('problem'), render: (_, p) => tc(p.message, { value: p.value }) },
          { title: t('skip'), width: 80, render: (_, p) => p.row > 1 && <Checkbox aria-label={`${t('skip')} ${p.row}`} checked={skip.has(p.row)} onChange={(e) => toggle(p.row, e.target.checked)} /> },
        ]}
      />
    </Card>
  );
}
