import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { Confirm } from '../../ui/Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxDocumentRow } from '../../../electron/core/rows';
import { useErrorText } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { DocumentFormModal } from './DocumentFormModal';
import { formatDate, orDash } from '../../ui/format';
import { useRemoveDocument } from './queries';

function RowActions({ document, onEdit }: { document: BoxDocumentRow; onEdit: () => void }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useRemoveDocument();
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('common:actions.edit')} />
      <Confirm
        title={t('contents.removeConfirm', { title: document.title })}
        okText={t('common:actions.remove')}
        okButtonProps={{ danger: true, loading: remove.isPending }}
        cancelText={t('common:actions.cancel')}
        onConfirm={() => remove.mutateAsync({ id: document.id }).catch((error: unknown) => void message.error(errorText(error)))}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.remove')} />
      </Confirm>
    </Space>
  );
}

function useContentsColumns(mayEdit: boolean, onEdit: (document: BoxDocumentRow) => void): TableColumnsType<BoxDocumentRow> {
  const { t } = useTranslation(['catalogue', 'common']);
  const columns: TableColumnsType<BoxDocumentRow> = [
    { key: 'date', title: t('contents.date'), width: 110, render: (_, d) => formatDate(d.docDate) },
    { key: 'title', title: t('contents.docTitle'), dataIndex: 'title' },
    { key: 'category', title: t('contents.category'), width: 200, ellipsis: true, render: (_, d) => t(`common:enums.docCategory.${d.category}`) },
    { key: 'pages', title: t('contents.pages'), width: 70, align: 'right', dataIndex: 'pages' },
    { key: 'note', title: t('fields.note'), ellipsis: true, render: (_, d) => orDash(d.note) },
  ];
  if (mayEdit) columns.push({ key: 'actions', width: 80, render: (_, d) => <RowActions document={d} onEdit={() => onEdit(d)} /> });
  return columns;
}

/** 卷内目录, newest first as box-get returns it (004 篇二 §4), with add / correct / remove for the custodian. */
export function ContentsTable({ boxId, documents }: { boxId: number; documents: BoxDocumentRow[] }) {
  const { t } = useTranslation('catalogue');
  const mayEdit = useCanCall('box-document-update');
  const mayAdd = useCanCall('box-document-add');
  // undefined: no dialog; null: a new entry; a row: correcting that entry.
  const [editing, setEditing] = useState<BoxDocumentRow | null | undefined>(undefined);
  const columns = useContentsColumns(mayEdit, setEditing);
  const pages = documents.reduce((sum, d) => sum + d.pages, 0);
  return (
    <Card
      title={t('contents.title')}
      extra={
        <Space>
          <span className="cat-muted">{t('contents.summary', { count: documents.length, pages })}</span>
          {mayAdd && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('contents.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<BoxDocumentRow> size="small" rowKey="id" columns={columns} dataSource={documents} pagination={false} locale={{ emptyText: t('contents.empty') }} />
      {editing !== undefined && <DocumentFormModal boxId={boxId} document={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
