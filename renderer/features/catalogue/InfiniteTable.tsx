import { Table, type TableColumnsType, type TableRef } from 'antd';
import { useEffect, useRef, type KeyboardEvent, type UIEvent } from 'react';
import { useFillHeight } from './useFillHeight';

/** Start fetching the next page this far before the last row comes into view. */
const LOAD_AHEAD_PX = 600;
const HEADER_PX = 40;

interface InfiniteTableProps<T extends { id: number }> {
  rows: T[];
  columns: TableColumnsType<T>;
  loading: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
  onOpen: (row: T) => void;
  /** Changes when the search or filters change: the table goes back to the top. */
  resetKey: string;
  emptyText: string;
  className?: string;
}

/** Focus moves row to row with the arrow keys; the browser scrolls the focused row into view. */
function onRowKey<T>(event: KeyboardEvent<HTMLElement>, row: T, onOpen: (row: T) => void): void {
  const sibling = { ArrowDown: 'nextElementSibling', ArrowUp: 'previousElementSibling' } as const;
  if (event.key === 'Enter') onOpen(row);
  else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.currentTarget[sibling[event.key]];
    if (next instanceof HTMLElement) next.focus();
  }
}

/**
 * A virtual table over keyset pages: only the rows in view are rendered, and the next page is
 * asked for when the user scrolls near the end of what has been loaded.
 */
export function InfiniteTable<T extends { id: number }>(props: InfiniteTableProps<T>) {
  const { rows, columns, loading, hasMore, onLoadMore, onOpen, resetKey, emptyText, className } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const height = useFillHeight(wrapper);

  useEffect(() => {
    table.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    if (hasMore && !loading && el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) onLoadMore();
  };

  return (
    <div ref={wrapper} className={className}>
      <Table<T>
        ref={table}
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={loading && rows.length === 0}
        scroll={{ y: height - HEADER_PX }}
        onScroll={onScroll}
        locale={{ emptyText }}
        onRow={(row) => ({
          tabIndex: 0,
          style: { cursor: 'pointer' },
          onClick: () => onOpen(row),
          onKeyDown: (event) => onRowKey(event, row, onOpen),
        })}
      />
    </div>
  );
}
