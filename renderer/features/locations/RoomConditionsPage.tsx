import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Input, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import {
  JGJ_25_2010,
  readingAddInput,
  REPORTED_RISKS,
  riskReportInput,
  roomIncidentCloseInput,
  thresholdsSchema,
  type ReadingsImportResult,
  type RoomIncident,
} from '../../../electron/core/contract/rooms';
import { call } from '../../api/client';
import { useCanCall } from '../../ui/access';
import { Field, HookForm } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { formatTimestamp } from '../../ui/format';
import { withParam } from '../../ui/listParams';
import { useErrorText, useServerErrors } from '../../ui/forms';
import { NumberInput } from '../../ui/NumberInput';
import { Page } from '../../ui/Page';
import { callQuery } from '../../ui/queries';
import { readBase64 } from '../../ui/readBase64';
import { useLocationWrite } from './queries';

/** 库房温湿度与安全记录 (§4.5.1): the range, the day's readings, a logger's file, and the room's incidents. */
export function RoomConditionsPage() {
  const { t } = useTranslation('locations');
  const tree = useQuery(callQuery('location-tree', {}));
  const rooms = (tree.data?.nodes ?? []).filter((n) => n.kind === 'room');
  // The room and the month live in the address, so the overview's room lines open that room's readings.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('room'));
  const roomId = rooms.find((r) => r.id === asked)?.id ?? rooms[0]?.id ?? null;
  const setPicked = (room: number) => setParams(withParam(params, 'room', room), { replace: true });
  return (
    <Page
      title={t('rooms.title')}
      extra={
        rooms.length > 0 && (
          <Select
            aria-label={t('rooms.room')}
            style={{ width: 200 }}
            value={roomId}
            onChange={setPicked}
            options={rooms.map((r) => ({ value: r.id, label: r.name }))}
          />
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <IncidentList />
        {roomId === null ? (
          <Empty description={t('tree.empty')} />
        ) : (
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <ReadingForm key={roomId} roomId={roomId} />
                <ThresholdsCard />
              </Space>
            </Col>
            <Col xs={24} lg={14}>
              <MonthReadings roomId={roomId} asked={params.get('month')} />
            </Col>
          </Row>
        )}
      </Space>
    </Page>
  );
}

function ThresholdsCard() {
  const { t } = useTranslation('locations');
  const thresholds = useQuery(callQuery('room-thresholds', {}));
  const canSet = useCanCall('room-thresholds-set');
  const [editing, setEditing] = useState(false);
  const v = thresholds.data ?? JGJ_25_2010;
  return (
    <Card size="small" title={t('rooms.thresholds')} extra={canSet && <Button onClick={() => setEditing(true)}>{t('rooms.setThresholds')}</Button>}>
      <Typography.Paragraph>{t('rooms.range', v)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('rooms.jgj', JGJ_25_2010)}</Typography.Paragraph>
      {editing && <ThresholdsModal values={v} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function ThresholdsModal({ values, onClose }: { values: CallInput<'room-thresholds-set'>; onClose: () => void }) {
  const { t } = useTranslation('locations');
  const form = useForm<CallInput<'room-thresholds-set'>>({ resolver: zodResolver(thresholdsSchema), defaultValues: values });
  const onError = useServerErrors(form.setError);
  const save = useLocationWrite('room-thresholds-set', () => ['thresholdsSet', {}]);
  const fields = ['minTemperature', 'maxTemperature', 'minHumidity', 'maxHumidity'] as const;
  return (
    <FormModal
      open
      title={t('rooms.setThresholds')}
      onSubmit={form.handleSubmit((v) => save.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      submitting={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('rooms.jgj', JGJ_25_2010)}</Typography.Paragraph>
      {fields.map((name) => (
        <Field key={name} control={form.control} name={name} label={t(`rooms.fields.${name}`)} required>
          {(field) => <NumberInput {...field} step={0.5} style={{ width: 160 }} />}
        </Field>
      ))}
    </FormModal>
  );
}

const nowMinute = () => dayjs().format('YYYY-MM-DD HH:mm');

/** 登记温湿度 by hand, or a logger's CSV: checked first (a dry run), then recorded. */
function ReadingForm({ roomId }: { roomId: number }) {
  const { t } = useTranslation('locations');
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const form = useForm<CallInput<'room-reading-add'>>({
    resolver: zodResolver(readingAddInput),
    defaultValues: { roomId, readAt: nowMinute(), note: '' },
  });
  const onError = useServerErrors(form.setError);
  const add = useLocationWrite('room-reading-add', (out) => [out.incidentId === null ? 'readingAdded' : 'readingOutOfRange', { at: out.reading.readAt }]);
  const canImport = useCanCall('room-readings-import');

  const importFile = async (file: File) => {
    const input = { roomId, fileName: file.name, base64: await readBase64(file) };
    try {
      const dry = await call('room-readings-import', { ...input, apply: false });
      if (dry.problems.length > 0) {
        modal.error({ title: t('rooms.importProblems', { count: dry.problems.length }), content: <ProblemList result={dry} /> });
        return;
      }
      modal.confirm({
        title: t('rooms.importCheck', { rows: dry.rows, duplicates: dry.duplicates, outOfRange: dry.outOfRange }),
        okText: t('rooms.importApply'),
        onOk: async () => {
          const done = await call('room-readings-import', { ...input, apply: true });
          void message.success(t('done.readingsImported', { rows: done.rows - done.duplicates, outOfRange: done.outOfRange }));
        },
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      size="small"
      title={t('rooms.record')}
      extra={
        canImport && (
          <Upload accept=".csv" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
            <Button>{t('rooms.import')}</Button>
          </Upload>
        )
      }
    >
      <HookForm
        onSubmit={form.handleSubmit((v) =>
          add.mutate(v, { onSuccess: () => form.reset({ roomId, readAt: nowMinute(), note: '', temperature: undefined, humidity: undefined }), onError }),
        )}
      >
        <Field control={form.control} name="readAt" label={t('rooms.fields.readAt')} required>
          {(field) => <Input {...field} autoComplete="off" />}
        </Field>
        <Row gutter={12}>
          <Col span={12}>
            <Field control={form.control} name="temperature" label={t('rooms.fields.temperature')} required>
              {(field) => <NumberInput {...field} step={0.1} style={{ width: '100%' }} addonAfter="°C" />}
            </Field>
          </Col>
          <Col span={12}>
            <Field control={form.control} name="humidity" label={t('rooms.fields.humidity')} required>
              {(field) => <NumberInput {...field} step={1} style={{ width: '100%' }} addonAfter="%" />}
            </Field>
          </Col>
        </Row>
        <Field control={form.control} name="note" label={t('rooms.fields.note')}>
          {(field) => <Input {...field} autoComplete="off" />}
        </Field>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('rooms.save')}
        </Button>
      </HookForm>
    </Card>
  );
}

function ProblemList({ result }: { result: ReadingsImportResult }) {
  const { t } = useTranslation();
  return (
    <ul>
      {result.problems.slice(0, 20).map((p) => (
        <li key={`${p.row}-${p.message}`}>{`第 ${p.row} 行：${t(p.message, { value: p.value })}${p.value ? `（${p.value}）` : ''}`}</li>
      ))}
    </ul>
  );
}

function MonthReadings({ roomId, asked }: { roomId: number; asked: string | null }) {
  const { t } = useTranslation('locations');
  const [month, setMonth] = useState(asked && /^\d{4}-\d{2}$/.test(asked) ? asked : dayjs().format('YYYY-MM'));
  const valid = /^\d{4}-\d{2}$/.test(month);
  const readings = useQuery({ ...callQuery('room-readings', { roomId, month }), enabled: valid });
  const s = readings.data?.summary;
  return (
    <Card
      size="small"
      title={t('rooms.month')}
      extra={<Input aria-label={t('rooms.monthLabel')} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 110 }} />}
    >
      {s ? (
        <Typography.Paragraph>{t('rooms.summary', s)}</Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('rooms.noReadings')}</Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="id"
        loading={readings.isLoading}
        dataSource={readings.data?.readings ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { key: 'readAt', title: t('rooms.fields.readAt'), dataIndex: 'readAt', width: 150 },
          { key: 'temperature', title: t('rooms.fields.temperature'), render: (_, r) => `${r.temperature} °C` },
          { key: 'humidity', title: t('rooms.fields.humidity'), render: (_, r) => `${r.humidity} %` },
          { key: 'state', title: '', render: (_, r) => (r.outOfRange ? <Tag color="red">{t('rooms.outOfRange')}</Tag> : null) },
          { key: 'source', title: t('rooms.fields.source'), render: (_, r) => t(`common:enums.readingSource.${r.source}`) },
          { key: 'by', title: t('rooms.fields.by'), dataIndex: 'recordedByName' },
        ]}
      />
    </Card>
  );
}

/** The rooms' incidents, open ones first: report a danger, close one with its follow-up. */
function IncidentList() {
  const { t } = useTranslation('locations');
  const incidents = useQuery(callQuery('room-incidents', {}));
  const canReport = useCanCall('room-risk-report');
  const canClose = useCanCall('room-incident-close');
  const [reporting, setReporting] = useState(false);
  const [closing, setClosing] = useState<RoomIncident | null>(null);
  const rows = incidents.data?.incidents ?? [];
  const open = rows.filter((i) => i.status === 'open');
  return (
    <Card
      size="small"
      title={t('rooms.incidents')}
      extra={
        canReport && (
          <Button danger onClick={() => setReporting(true)}>
            {t('rooms.report')}
          </Button>
        )
      }
    >
      {open.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('rooms.openIncidents', { count: open.length })} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 5 }}
        locale={{ emptyText: t('rooms.noIncidents') }}
        columns={[
          { key: 'room', title: t('rooms.room'), dataIndex: 'roomName', width: 110 },
          {
            key: 'risk',
            title: t('rooms.fields.risk'),
            width: 130,
            render: (_, i) => <Tag color={i.status === 'open' ? 'red' : undefined}>{t(`common:enums.roomRisk.${i.risk}`)}</Tag>,
          },
          { key: 'description', title: t('rooms.fields.description'), dataIndex: 'description' },
          { key: 'opened', title: t('rooms.fields.opened'), width: 170, render: (_, i) => `${formatTimestamp(i.openedAt)} ${i.openedByName}` },
          {
            key: 'status',
            title: t('rooms.fields.followUp'),
            render: (_, i) =>
              i.status === 'closed' ? (
                i.followUp
              ) : canClose ? (
                <Button size="small" onClick={() => setClosing(i)}>
                  {t('rooms.close')}
                </Button>
              ) : (
                t('rooms.waiting')
              ),
          },
        ]}
      />
      {reporting && <ReportModal onClose={() => setReporting(false)} />}
      {closing && <CloseModal incident={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}

function ReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('locations');
  const tree = useQuery(callQuery('location-tree', {}));
  const rooms = (tree.data?.nodes ?? []).filter((n) => n.kind === 'room');
  const form = useForm<CallInput<'room-risk-report'>>({ resolver: zodResolver(riskReportInput), defaultValues: { description: '', roomId: rooms[0]?.id } });
  const onError = useServerErrors(form.setError);
  const report = useLocationWrite('room-risk-report', (i) => ['reported', { room: i.roomName }]);
  return (
    <FormModal
      open
      title={t('rooms.report')}
      onSubmit={form.handleSubmit((v) => report.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      submitting={report.isPending}
    >
      <Typography.Paragraph type="secondary">{t('rooms.reportHint')}</Typography.Paragraph>
      <Field control={form.control} name="roomId" label={t('rooms.room')} required>
        {(field) => <Select {...field} options={rooms.map((r) => ({ value: r.id, label: r.name }))} />}
      </Field>
      <Field control={form.control} name="risk" label={t('rooms.fields.risk')} required>
        {(field) => <Select {...field} options={REPORTED_RISKS.map((r) => ({ value: r, label: t(`common:enums.roomRisk.${r}`) }))} />}
      </Field>
      <Field control={form.control} name="description" label={t('rooms.fields.description')} required>
        {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 5 }} />}
      </Field>
    </FormModal>
  );
}

function CloseModal({ incident, onClose }: { incident: RoomIncident; onClose: () => void }) {
  const { t } = useTranslation('locations');
  const form = useForm<CallInput<'room-incident-close'>>({ resolver: zodResolver(roomIncidentCloseInput), defaultValues: { id: incident.id, followUp: '' } });
  const onError = useServerErrors(form.setError);
  const close = useLocationWrite('room-incident-close', (i) => ['incidentClosed', { room: i.roomName }]);
  return (
    <FormModal
      open
      title={t('rooms.closeTitle', { room: incident.roomName })}
      onSubmit={form.handleSubmit((v) => close.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      submitting={close.isPending}
    >
      <Typography.Paragraph>{incident.description}</Typography.Paragraph>
      <Field control={form.control} name="followUp" label={t('rooms.fields.followUp')} required>
        {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 5 }} />}
      </Field>
    </FormModal>
  );
}
