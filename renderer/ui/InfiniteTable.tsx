import { Table, type TableColumnsType, type TableRef } from 'antd';
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type HTMLAttributes, type KeyboardEvent, type UIEvent } from 'react';
import { useFillHeight } from './useFillHeight';

/** Start fetching the next page this far before the last row comes into view. */
const LOAD_AHEAD_PX = 600;
const HEADER_PX = 40;
/** A small table's row in this theme; measured again once the first row is on screen. */
const ROW_PX = 36;
/** The rendered window moves in steps of this many rows, with a step's margin above and below the view. */
const STEP_ROWS = 5;
const SPACER_CLASS = 'infinite-table-spacer';

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
    if (next instanceof HTMLElement && !next.classList.contains(SPACER_CLASS)) next.focus();
  }
}

/** The rows [start, end) of `count` that cover the view at `scrollTop`, with a step to spare each side. */
function windowAt(scrollTop: number, viewPx: number, rowPx: number, count: number) {
  const first = Math.floor(scrollTop / rowPx);
  const start = Math.max(0, (Math.floor(first / STEP_ROWS) - 1) * STEP_ROWS);
  const end = Math.min(count, start + Math.ceil(viewPx / rowPx) + 3 * STEP_ROWS);
  return { start, end };
}

/**
 * rows[start, end), as the same array while it holds the same rows: a page appended below the view
 * leaves the table's data untouched, so antd does not render the rows in view again.
 */
function useSameRows<T>(rows: T[], start: number, end: number): T[] {
  const last = useRef<T[]>([]);
  const prev = last.current;
  const same = prev.length === end - start && prev.every((row, i) => row === rows[start + i]);
  if (!same) last.current = rows.slice(start, end);
  return last.current;
}

/** Heights of the rows above and below the rendered window, which stand in for them. */
const SpacerContext = createContext({ above: 0, below: 0, columns: 1 });

/** Spans exactly the table's columns: a wider cell would add columns that take the width of the unsized ones. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden className={SPACER_CLASS} style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

function SpacedBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  const { above, below, columns } = useContext(SpacerContext);
  return (
    <tbody {...props}>
      <Spacer height={above} columns={columns} />
      {props.children}
      <Spacer height={below} columns={columns} />
    </tbody>
  );
}
const COMPONENTS = { body: { wrapper: SpacedBody } };

/**
 * A table over keyset pages that renders only the rows in view: antd is handed the screenful in view
 * and a few rows either side, and spacer rows stand in for the rest, so a frame costs the same with
 * 100 or 100,000 rows loaded (antd's own virtual table walks every row on each scroll and each page
 * appended). Rows are one line each (columns ellipsis), so their height is measured once. The next
 * page is asked for when the user scrolls near the end of what has been loaded.
 */
export function InfiniteTable<T extends { id: number }>(props: InfiniteTableProps<T>) {
  const { rows, columns, loading, hasMore, onLoadMore, onOpen, resetKey, emptyText, className } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const height = useFillHeight(wrapper);
  const viewPx = height - HEADER_PX;
  const [rowPx, setRowPx] = useState(ROW_PX);
  const [scrollTop, setScrollTop] = useState(0);
  const { start, end } = windowAt(scrollTop, viewPx, rowPx, rows.length);
  const shown = useSameRows(rows, start, end);
  const spacers = useMemo(
    () => ({ above: start * rowPx, below: (rows.length - end) * rowPx, columns: columns.length }),
    [start, end, rows.length, rowPx, columns.length],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger (another list), not a value read
  useEffect(() => {
    table.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [resetKey]);

  // Measured once: reading a height forces a layout, which on every window change would cost a frame.
  const measured = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured when rows are first shown, read from the DOM
  useLayoutEffect(() => {
    const row = measured.current ? null : wrapper.current?.querySelector<HTMLElement>('.ant-table-row');
    if (!row?.offsetHeight) return;
    measured.current = true;
    setRowPx(row.offsetHeight);
  }, [shown]);

  /**
   * Moves the window to where the view is (only a change of window re-renders: scrolling within the
   * rendered rows costs nothing here), and asks for the next page when the view nears the end.
   */
  const follow = (el: HTMLElement) => {
    const next = windowAt(el.scrollTop, viewPx, rowPx, rows.length);
    if (next.start !== start || next.end !== end) setScrollTop(el.scrollTop);
    if (hasMore && !loading && el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) onLoadMore();
  };
  // The table's handlers read the latest props through a ref, so they stay the same functions.
  const latest = useRef({ follow, onOpen });
  latest.current = { follow, onOpen };
  // New rows (a page, another list) can arrive with the view anywhere, and no scroll event follows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are the triggers; follow reads the rest when it runs
  useLayoutEffect(() => {
    const body = wrapper.current?.querySelector<HTMLElement>('.ant-table-body');
    if (body) follow(body);
  }, [rows, viewPx, rowPx, loading, hasMore]); // not on scrollTop: scrolling itself is followed in onScroll

  const tableLoading = loading && rows.length === 0;
  /**
   * antd renders every row of its data again whenever the table renders (rc-table's rows follow a
   * mark bumped on each render), so the table is rendered only when what it shows changes: not for a
   * page loaded out of view, nor for the list's fetching state. The spacers follow through context.
   */
  const tableView = useMemo(
    () => (
      <Table<T>
        ref={table}
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        components={COMPONENTS}
        pagination={false}
        loading={tableLoading}
        scroll={{ y: viewPx }}
        onScroll={(event: UIEvent<HTMLDivElement>) => latest.current.follow(event.currentTarget)}
        locale={{ emptyText }}
        // One tab stop for the whole table (the arrows move within it), so Tab leaves the list at once.
        onRow={(row, index) => ({
          tabIndex: index === 0 ? 0 : -1,
          style: { cursor: 'pointer' },
          onClick: () => latest.current.onOpen(row),
          onKeyDown: (event) => {
            onRowKey(event, row, latest.current.onOpen);
            // Focus has scrolled the view already: move the window now, not at the next frame's
            // scroll event, so a held arrow key always finds the next row rendered.
            const body = wrapper.current?.querySelector<HTMLElement>('.ant-table-body');
            if (body) latest.current.follow(body);
          },
        })}
      />
    ),
    [columns, shown, tableLoading, viewPx, emptyText],
  );

  return (
    <div ref={wrapper} className={className}>
      <SpacerContext value={spacers}>{tableView}</SpacerContext>
    </div>
  );
}
