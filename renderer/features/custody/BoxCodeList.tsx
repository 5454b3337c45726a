import { Button, Input, Table, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanBoxCode } from '../../../electron/core/contract/box-code-text';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { call } from '../../api/client';
import { useErrorText } from '../../ui/forms';
import { BoxStatusTag } from '../../ui/BoxStatusTag';

export type ListedBox = Pick<BoxDetail['box'], 'id' | 'code' | 'title' | 'status'>;

/**
 * Scan to add: the scanner types a code and presses Enter; the box is looked up at once, so a
 * wrong code or a box that cannot go is said beside the scan box, not after submitting.
 */
export function BoxCodeList({
  boxes,
  onChange,
  error,
  acceptable,
}: {
  boxes: ListedBox[];
  onChange: (boxes: ListedBox[]) => void;
  error?: string;
  acceptable: (box: ListedBox) => string | null;
}) {
  const { t } = useTranslation(['custody', 'app']);
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    // Cleaned as the server will, so a box typed again in another form (full-width, other dashes) is seen as listed.
    const scanned = cleanBoxCode(code);
    if (!scanned || busy) return;
    if (boxes.some((b) => b.code === scanned)) {
      setCode('');
      return;
    }
    setBusy(true);
    try {
      const { box } = await call('box-get', { id: (await call('box-find-by-code', { code: scanned })).id });
      const refusal = acceptable(box);
      if (refusal) setProblem(refusal);
      else {
        onChange([...boxes, box]);
        setProblem(null);
        setCode('');
      }
    } catch (e) {
      setProblem(`${scanned}：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };
  const shown = problem ?? error;
  return (
    <div className="custody-box-list">
      <Input
        aria-label={t('common.scan')}
        placeholder={t('common.scan')}
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        onKeyDown={onKeyDown}
        className="mono"
        size="large"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        status={shown ? 'error' : undefined}
        suffix={
          <Button size="small" onClick={() => void add()} loading={busy}>
            {t('common.add')}
          </Button>
        }
      />
      {shown && (
        <Typography.Text type="danger" role="alert">
          {shown}
        </Typography.Text>
      )}
      <Table<ListedBox>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={boxes}
        locale={{ emptyText: t('transfer.noBoxes') }}
        columns={[
          { key: 'n', title: '#', width: 48, render: (_, __, i) => i + 1 },
          { key: 'code', title: t('common.boxCode'), dataIndex: 'code', width: 160, render: (c: string) => <span className="mono">{c}</span> },
          { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
          { key: 'status', title: t('common.status'), width: 100, render: (_, b) => <BoxStatusTag status={b.status} /> },
          {
            key: 'remove',
            width: 80,
            render: (_, b) => (
              <Button type="link" size="small" onClick={() => onChange(boxes.filter((x) => x.id !== b.id))}>
                {t('common.remove')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
