import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Radio, Segmented, Select, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  type ImportCheck,
  type ImportField,
  type ImportKind,
  type ImportParsedRow,
  type ImportProblem,
  type OwnerPlan,
} from '../../../electron/core/contract/imports';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { templateCsvBase64 } from './templates';
import { readBase64 } from '../../ui/readBase64';

interface PickedFile {
  fileName: string;
  base64: string;
}
type Mapping = Partial<Record<ImportField, string>>;
/** The sheet and header row the custodian picked; absent, the server's own choice. */
interface Layout {
  sheet?: string;
  headerRow?: number;
}
type CheckInput = PickedFile & Layout & { mapping?: Mapping };
/** Per new owner with look-alikes (by its name in the file): the existing owner to merge into, or 'new' to keep it apart. */
type OwnerChoices = Record<string, number | 'new'>;

/** Each kind's dry run and import; the inputs differ only in which fields the mapping may name. */
const check = (kind: ImportKind, input: CheckInput): Promise<ImportCheck> =>
  kind === 'loans'
    ? call('import-loans-check', input as CallInput<'import-loans-check'>)
    : kind === 'owners'
      ? call('import-owners-check', input as CallInput<'import-owners-check'>)
      : call('import-boxes-check', input as CallInput<'import-boxes-check'>);

async function run(
  kind: ImportKind,
  input: PickedFile & Layout & { mapping: Mapping; skipRows: number[]; mergeOwners: { name: string; into: number }[] },
): Promise<{ text: [string, Record<string, number>]; to: string }> {
  if (kind === 'loans') {
    const { mergeOwners: _none, ...loanInput } = input;
    return { text: ['doneLoans', await call('import-loans-run', loanInput as CallInput<'import-loans-run'>)], to: '/lending' };
  }
  if (kind === 'owners') return { text: ['doneOwners', await call('import-owners-run', input as CallInput<'import-owners-run'>)], to: '/owners' };
  return { text: ['done', await call('import-boxes-run', input as CallInput<'import-boxes-run'>)], to: '/boxes' };
}

const isKind = (v: string | null): v is ImportKind => IMPORT_KINDS.includes(v as ImportKind);

/** Choose what → upload → columns → dry run with every row's problems → import all (or skip the bad rows). */
export function ImportPage() {
  const { t } = useTranslation('import');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = isKind(params.get('kind')) ? (params.get('kind') as ImportKind) : 'boxes';
  const [file, setFile] = useState<PickedFile | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [choices, setChoices] = useState<OwnerChoices>({});
  const checking = useMutation({
    mutationFn: (input: CheckInput) => check(kind, input),
    onSuccess: (result) => {
      setMapping(result.mapping);
      setSkip(new Set());
      setChoices({});
    },
  });
  const running = useMutation({
    // The sheet and header row the dry run read, so the import reads the same rows.
    mutationFn: () =>
      run(kind, {
        ...file!,
        sheet: checking.data?.sheet || undefined,
        headerRow: checking.data?.headerRow,
        mapping: fullMapping(kind, mapping),
        skipRows: [...skip],
        mergeOwners: merges(choices),
      }),
    onSuccess: ({ text: [key, counts], to }) => {
      void message.success(t(key, counts));
      void navigate(to);
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const choose = (next: ImportKind) => {
    setFile(null);
    setMapping({});
    setSkip(new Set());
    checking.reset();
    setParams(next === 'boxes' ? {} : { kind: next }, { replace: true });
  };
  const pick = async (picked: File) => {
    const next = { fileName: picked.name, base64: await readBase64(picked) };
    setFile(next);
    checking.mutate(next);
  };
  const downloadTemplate = () =>
    saveExportFile({ fileName: `${t(`template.${kind}`)}.csv`, mimeType: 'text/csv;charset=utf-8', base64: templateCsvBase64(kind) });

  const result = checking.data;
  return (
    <Page title={t('title')}>
      <Flex vertical gap={16}>
        <Flex align="center" gap={16} wrap>
          <Typography.Text strong>{t('what')}</Typography.Text>
          <Segmented<ImportKind> value={kind} onChange={choose} options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('templateDownload')}
          </Button>
        </Flex>
        <Upload.Dragger accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(f) => (void pick(f), false)} multiple={false}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('pick', { what: t(`kinds.${kind}`) })}</p>
          <p className="ant-upload-hint">{t(`pickHint.${kind}`)}</p>
        </Upload.Dragger>
        {checking.isError && <Alert type="error" showIcon title={errorText(checking.error)} />}
        {file && result && (
          <>
            <Typography.Text>
              {t('file', { name: file.fileName, rows: result.rows, encoding: t(`encoding.${result.encoding}`) })}
              {result.newOwners > 0 && ` · ${t('newOwners', { count: result.newOwners })}`}
              {result.stillOut > 0 && ` · ${t('stillOut', { count: result.stillOut })}`}
              {result.footerRows > 0 && ` · ${t('footerRows', { count: result.footerRows })}`}
            </Typography.Text>
            {/* Another sheet or header row is read afresh: its columns are matched again. */}
            <LayoutCard
              result={result}
              onPick={(layout) => checking.mutate({ ...file, sheet: result.sheet || undefined, headerRow: result.headerRow, ...layout })}
              checking={checking.isPending}
            />
            <MappingCard
              kind={kind}
              headers={result.headers}
              hiddenHeaders={result.hiddenHeaders}
              mapping={mapping}
              onChange={setMapping}
              onRecheck={() => checking.mutate({ ...file, sheet: result.sheet || undefined, headerRow: result.headerRow, mapping: fullMapping(kind, mapping) })}
              checking={checking.isPending}
            />
            <Problems kind={kind} result={result} skip={skip} onSkip={setSkip} />
            {result.parsed.length > 0 && <ParsedRows kind={kind} result={result} />}
            {result.owners.length > 0 && <OwnerPlans plans={result.owners} choices={choices} onChoose={setChoices} />}
            <Flex justify="end">
              <Button
                type="primary"
                size="large"
                loading={running.isPending}
                disabled={!allHandled(result, skip) || !allChosen(result, choices) || importable(result, skip) === 0}
                onClick={() => running.mutate()}
              >
                {t('run', { count: importable(result, skip), what: t(`kinds.${kind}`) })}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Page>
  );
}

/** Every field named, '' for "not imported", so the server does not guess a column back in. */
const fullMapping = (kind: ImportKind, m: Mapping) => Object.fromEntries(IMPORT_FIELDS[kind].map((f) => [f, m[f] ?? ''])) as Record<ImportField, string>;
const problemRows = (result: ImportCheck) => new Set(result.problems.map((p) => p.row));
/** A problem on the header row or above is a column's: it is fixed by the mapping, never skipped. */
const isDataRow = (result: ImportCheck, row: number) => row > result.headerRow;
const allHandled = (result: ImportCheck, skip: Set<number>) => [...problemRows(result)].every((r) => isDataRow(result, r) && skip.has(r));
const importable = (result: ImportCheck, skip: Set<number>) => Math.max(0, result.rows - skip.size);
const needsChoice = (plan: OwnerPlan) => plan.existing === null && plan.lookAlikes.length > 0;
/** A new owner one character from an existing one is merged or kept apart only as the custodian says. */
const allChosen = (result: ImportCheck, choices: OwnerChoices) => result.owners.filter(needsChoice).every((p) => choices[p.name] !== undefined);
const merges = (choices: OwnerChoices) => Object.entries(choices).flatMap(([name, into]) => (into === 'new' ? [] : [{ name, into }]));

/**
 * The owners the import will create, by name, each with the existing owners a character apart and
 * the custodian's choice; and those it found under another spelling, which it uses as they are.
 */
function OwnerPlans({ plans, choices, onChoose }: { plans: OwnerPlan[]; choices: OwnerChoices; onChoose: (c: OwnerChoices) => void }) {
  const { t } = useTranslation('import');
  const sorted = useMemo(() => [...plans].sort((a, b) => Number(needsChoice(b)) - Number(needsChoice(a)) || a.row - b.row), [plans]);
  const open = plans.filter(needsChoice).length;
  return (
    <Card size="small" title={t('owners.title', { count: plans.filter((p) => p.existing === null).length })}>
      {open > 0 && <Typography.Paragraph type="warning">{t('owners.chooseHint', { count: open })}</Typography.Paragraph>}
      <Table<OwnerPlan>
        size="small"
        rowKey="name"
        dataSource={sorted}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('row'), dataIndex: 'row', width: 80 },
          { title: t('owners.name'), dataIndex: 'name' },
          {
            title: t('owners.existing'),
            render: (_, p) =>
              p.existing
                ? t('owners.matched', { name: p.existing.name })
                : p.lookAlikes.length
                  ? t('owners.lookAlike', { names: p.lookAlikes.map((o) => `“${o.name}”`).join('、') })
                  : '',
          },
          {
            title: t('owners.action'),
            render: (_, p) =>
              needsChoice(p) ? (
                <Radio.Group
                  aria-label={t('owners.choiceFor', { name: p.name })}
                  value={choices[p.name]}
                  onChange={(e) => onChoose({ ...choices, [p.name]: e.target.value as number | 'new' })}
                >
                  <Flex vertical gap={4}>
                    {p.lookAlikes.map((o) => (
                      <Radio key={o.id} value={o.id}>
                        {t('owners.merge', { name: o.name })}
                      </Radio>
                    ))}
                    <Radio value="new">{t('owners.keepApart')}</Radio>
                  </Flex>
                </Radio.Group>
              ) : p.existing ? (
                t('owners.useExisting')
              ) : (
                t('owners.create')
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The sheet read (of the workbook's, hidden ones marked) and the row taken as the header, each with a way to pick another. */
function LayoutCard({ result, onPick, checking }: { result: ImportCheck; onPick: (layout: Layout) => void; checking: boolean }) {
  const { t } = useTranslation('import');
  // A title merged across the columns is read into each of them: shown once.
  const rowText = (cells: string[] | undefined) =>
    (cells ?? [])
      .filter((c, i, all) => c !== '' && c !== all[i - 1])
      .join(' | ')
      .slice(0, 80) || t('layout.blankRow');
  return (
    <Card size="small" title={t('layout.title')}>
      <Flex vertical gap={8}>
        <Typography.Text>{t('layout.taken', { row: result.headerRow, cells: rowText(result.top[result.headerRow - 1]) })}</Typography.Text>
        <Flex gap={16} wrap align="center">
          {result.sheets.length > 0 && (
            <label className="import-mapping-row">
              <span>{t('layout.sheet')}</span>
              <Select
                aria-label={t('layout.sheet')}
                size="small"
                value={result.sheet}
                disabled={checking}
                style={{ width: 200 }}
                options={result.sheets.map((s) => ({ value: s.name, label: s.hidden ? t('layout.hiddenSheet', { name: s.name }) : s.name }))}
                onChange={(sheet: string) => onPick({ sheet, headerRow: undefined })}
              />
            </label>
          )}
          <label className="import-mapping-row">
            <span>{t('layout.headerRow')}</span>
            <Select
              aria-label={t('layout.headerRow')}
              size="small"
              value={result.headerRow}
              disabled={checking}
              style={{ width: 420 }}
              options={result.top.map((cells, i) => ({ value: i + 1, label: t('layout.rowOption', { row: i + 1, cells: rowText(cells) }) }))}
              onChange={(headerRow: number) => onPick({ headerRow })}
            />
          </label>
        </Flex>
      </Flex>
    </Card>
  );
}

/** The first rows as the import will save them: dates as the day read, codes as cleaned, the place split. */
function ParsedRows({ kind, result }: { kind: ImportKind; result: ImportCheck }) {
  const { t } = useTranslation('import');
  const fields = IMPORT_FIELDS[kind].filter((f: ImportField) => result.parsed.some((p) => p.values[f] !== undefined && p.values[f] !== ''));
  const shown = (f: ImportField, v: string | undefined) => (f === 'businessType' && v ? t(`common:enums.businessType.${v}`) : (v ?? ''));
  return (
    <Card size="small" title={t('parsed.title', { count: result.parsed.length })}>
      <Table<ImportParsedRow>
        size="small"
        rowKey="row"
        dataSource={result.parsed}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('row'), dataIndex: 'row', width: 70 },
          ...fields.map((f: ImportField) => ({ title: t(`fields.${kind}.${f}`), key: f, render: (_: unknown, p: ImportParsedRow) => shown(f, p.values[f]) })),
        ]}
      />
    </Card>
  );
}

function MappingCard(props: {
  kind: ImportKind;
  headers: string[];
  hiddenHeaders: string[];
  mapping: Mapping;
  onChange: (m: Mapping) => void;
  onRecheck: () => void;
  checking: boolean;
}) {
  const { t } = useTranslation('import');
  const options = [
    { value: '', label: t('notImported') },
    ...props.headers.filter((h) => h).map((h) => ({ value: h, label: props.hiddenHeaders.includes(h) ? t('hiddenColumn', { name: h }) : h })),
  ];
  return (
    <Card
      size="small"
      title={t('mapping')}
      extra={
        <Button onClick={props.onRecheck} loading={props.checking}>
          {t('recheck')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('mappingHint')}</Typography.Paragraph>
      <div className="import-mapping">
        {IMPORT_FIELDS[props.kind].map((field: ImportField) => (
          <label key={field} className="import-mapping-row">
            <span>{t(`fields.${props.kind}.${field}`)}</span>
            <Select
              aria-label={t(`fields.${props.kind}.${field}`)}
              size="small"
              value={props.mapping[field] ?? ''}
              options={options}
              onChange={(v) => props.onChange({ ...props.mapping, [field]: v })}
              style={{ width: 160 }}
            />
          </label>
        ))}
      </div>
    </Card>
  );
}

function Problems({ kind, result, skip, onSkip }: { kind: ImportKind; result: ImportCheck; skip: Set<number>; onSkip: (s: Set<number>) => void }) {
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
    <Card
      size="small"
      title={t('problems', { count: result.problems.length, rows: rows.size, total: result.rows })}
      extra={<Button onClick={() => onSkip(new Set([...rows].filter((r) => isDataRow(result, r))))}>{t('skipAll')}</Button>}
    >
      <Table<ImportProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
        dataSource={result.problems}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('row'), dataIndex: 'row', width: 80 },
          { title: t('column'), width: 140, render: (_, p) => (p.field ? (result.mapping[p.field] ?? t(`fields.${kind}.${p.field}`)) : '') },
          { title: t('problem'), render: (_, p) => tc(p.message, { value: p.value }) },
          {
            title: t('skip'),
            width: 80,
            render: (_, p) =>
              isDataRow(result, p.row) && (
                <Checkbox aria-label={`${t('skip')} ${p.row}`} checked={skip.has(p.row)} onChange={(e) => toggle(p.row, e.target.checked)} />
              ),
          },
        ]}
      />
    </Card>
  );
}
