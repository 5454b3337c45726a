import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Overview } from '../../../electron/core/contract/overview';
import { formatTimestamp } from '../../ui/format';
import { Chart, type ChartOption } from './Chart';
import { overviewLinks } from './links';

type Figure<K extends keyof Overview> = NonNullable<Overview[K]>;

/** The colours of the box status tags (ui/BoxStatusTag), as hex for the chart. */
const STATUS_COLOURS: Record<Figure<'boxesByStatus'>[number]['status'], string> = {
  in_stock: '#52c41a',
  on_loan: '#1677ff',
  transferred: '#722ed1',
  pending_destruction: '#fa8c16',
  destroyed: '#bfbfbf',
  missing: '#f5222d',
};
const BLUE = '#1677ff';
const RED = '#f5222d';
const GREEN = '#52c41a';
const ORANGE = '#fa8c16';
const GREY = '#d9d9d9';

/** A figure's card: its title, a link to the list behind it (for the keyboard, too), and the chart or why there is none. */
export function FigureCard({
  title,
  list,
  empty,
  note,
  children,
}: {
  title: string;
  list?: string;
  empty: string | null;
  note?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('overview');
  return (
    <Card size="small" title={title} className="overview-card" extra={list ? <Link to={list}>{t('openList')}</Link> : undefined}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} className="overview-empty" /> : children}
      {note && !empty && (
        <Typography.Text type="secondary" className="overview-note">
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 'YYYY-MM' as a bar's label: 12月, with the year where one begins. */
function useMonthLabel() {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (month: string, first: boolean) => {
    const [y, m] = month.split('-').map(Number);
    if (!zh) return first || m === 1 ? `${m}/${y}` : String(m);
    return first || m === 1 ? `${y}年\n${m}月` : `${m}月`;
  };
}

/** Room left of a horizontal bar chart for its names (departments, backup folders); longer ones end in "…". */
const NAME_WIDTH = 120;

function barOption(labels: string[], values: number[], series: string, colour: string | string[], horizontal = false): ChartOption {
  // Every label: twelve months or a handful of floors fit, and a skipped one hides which bar is which.
  const category = {
    type: 'category' as const,
    data: labels,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal ? { interval: 0, width: NAME_WIDTH, overflow: 'truncate' as const } : { interval: 0 },
  };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    grid: { left: horizontal ? NAME_WIDTH + 16 : 8, right: 24, top: 24, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        name: series,
        barMaxWidth: 32,
        data: values.map((v, i) => ({ value: v, itemStyle: { color: Array.isArray(colour) ? colour[i] : colour } })),
        label: { show: true, position: horizontal ? 'right' : 'top' },
      },
    ],
  };
}

/** Twelve months as bars, each bar opening the list of its month. */
function MonthBars(props: {
  months: { month: string; count: number }[];
  texts: 'loansByMonth' | 'retention';
  list: string;
  colour: string;
  link: (month: string) => string;
}) {
  const { months, texts, list, colour, link } = props;
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const label = useMonthLabel();
  const total = months.reduce((sum, m) => sum + m.count, 0);
  return (
    <FigureCard title={t(`${texts}.title`)} list={list} empty={total === 0 ? t(`${texts}.none`) : null} note={t(`${texts}.total`, { count: total })}>
      <Chart
        label={t(`${texts}.title`)}
        option={barOption(
          months.map((m, i) => label(m.month, i === 0)),
          months.map((m) => m.count),
          t(`${texts}.series`),
          colour,
        )}
        onClick={({ dataIndex }) => void navigate(link(months[dataIndex].month))}
      />
    </FigureCard>
  );
}

export const LoansByMonth = ({ months }: { months: Figure<'loansByMonth'> }) => (
  <MonthBars months={months} texts="loansByMonth" list="/lending" colour={BLUE} link={overviewLinks.loansOfMonth} />
);

export function OverdueByDepartment({ departments }: { departments: Figure<'overdueByDepartment'> }) {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const shown = departments.slice(0, 10);
  const total = departments.reduce((sum, d) => sum + d.count, 0);
  return (
    <FigureCard
      title={t('overdue.title')}
      list={overviewLinks.overdueLoans('')}
      empty={total === 0 ? t('overdue.none') : null}
      note={t('overdue.total', { count: total })}
    >
      <Chart
        label={t('overdue.title')}
        height={Math.max(160, shown.length * 32 + 40)}
        option={barOption(
          shown.map((d) => d.department || t('overdue.noDepartment')),
          shown.map((d) => d.count),
          t('overdue.series'),
          RED,
          true,
        )}
        onClick={({ dataIndex }) => void navigate(overviewLinks.overdueLoans(shown[dataIndex].department))}
      />
    </FigureCard>
  );
}

export function BoxesByStatus({ statuses }: { statuses: Figure<'boxesByStatus'> }) {
  const { t } = useTranslation(['overview', 'common']);
  const navigate = useNavigate();
  const shown = statuses.filter((s) => s.count > 0);
  const total = shown.reduce((sum, s) => sum + s.count, 0);
  return (
    <FigureCard title={t('byStatus.title')} list="/boxes" empty={null} note={t('byStatus.total', { count: total })}>
      <Chart
        label={t('byStatus.title')}
        option={{
          tooltip: { trigger: 'item', formatter: t('sliceTooltip') },
          legend: { orient: 'vertical', right: 8, top: 'middle' },
          series: [
            {
              type: 'pie',
              radius: ['45%', '72%'],
              center: ['38%', '50%'],
              label: { formatter: '{c}' },
              data: shown.map((s) => ({ name: t(`common:enums.boxStatus.${s.status}`), value: s.count, itemStyle: { color: STATUS_COLOURS[s.status] } })),
            },
          ],
        }}
        onClick={({ dataIndex }) => void navigate(overviewLinks.boxesOfStatus(shown[dataIndex].status))}
      />
    </FigureCard>
  );
}

export function BoxesByFloor({ figure }: { figure: Figure<'boxesByFloor'> }) {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const { floors, noFloor } = figure;
  return (
    <FigureCard
      title={t('byFloor.title')}
      list="/boxes"
      empty={floors.length === 0 ? t('byFloor.none') : null}
      note={noFloor > 0 ? t('byFloor.noFloor', { count: noFloor }) : undefined}
    >
      <Chart
        label={t('byFloor.title')}
        option={barOption(
          floors.map((f) => f.floor),
          floors.map((f) => f.count),
          t('byFloor.series'),
          '#13a8a8',
        )}
        onClick={({ dataIndex }) => void navigate(overviewLinks.boxesOfFloor(floors[dataIndex].floor))}
      />
    </FigureCard>
  );
}

export const RetentionByMonth = ({ months }: { months: Figure<'retentionByMonth'> }) => (
  <MonthBars months={months} texts="retention" list="/custody/retention" colour={ORANGE} link={overviewLinks.retentionOfMonth} />
);

export function InspectionProgress({ figure }: { figure: Figure<'inspection'> }) {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const ok = figure.checked - figure.withFindings;
  const slices = [
    { name: t('inspection.checkedOk'), value: ok, colour: GREEN },
    { name: t('inspection.withFindings'), value: figure.withFindings, colour: ORANGE },
    { name: t('inspection.unchecked'), value: figure.total - figure.checked, colour: GREY },
  ].filter((s) => s.value > 0);
  const note = [
    figure.completed ? t('inspection.completed') : t('inspection.progress', figure),
    figure.openFollowUps > 0 ? t('inspection.followUps', { count: figure.openFollowUps }) : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <FigureCard
      title={t('inspection.title', { month: figure.month })}
      list={overviewLinks.inspection}
      empty={figure.started && figure.total > 0 ? null : t('inspection.notStarted')}
      note={figure.started ? note : undefined}
    >
      <Chart
        label={t('inspection.title', { month: figure.month })}
        option={{
          tooltip: { trigger: 'item', formatter: t('sliceTooltip') },
          legend: { orient: 'vertical', right: 8, top: 'middle' },
          series: [
            {
              type: 'pie',
              radius: ['45%', '72%'],
              center: ['38%', '50%'],
              label: { formatter: '{c}' },
              data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.colour } })),
            },
          ],
        }}
        onClick={() => void navigate(overviewLinks.inspection)}
      />
    </FigureCard>
  );
}

/** The last part of a folder path: what the medium is called (E:\备份 → 备份), the whole path in the tooltip. */
const mediumName = (folder: string) => folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;

export function BackupAge({ figure }: { figure: Figure<'backups'> }) {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const { media, overdueDays } = figure;
  const late = (m: (typeof media)[number]) => m.days === null || m.days > overdueDays || m.failedSince !== null;
  // A medium never backed up to stands out as the longest bar.
  const longest = Math.max(overdueDays + 1, ...media.map((m) => m.days ?? 0));
  return (
    <FigureCard
      title={t('backups.title')}
      list={overviewLinks.backups}
      empty={media.length === 0 ? t('backups.none') : null}
      note={t('backups.overdue', { days: overdueDays })}
    >
      <Chart
        label={t('backups.title')}
        height={Math.max(140, media.length * 40 + 40)}
        option={{
          grid: { left: NAME_WIDTH + 16, right: 72, top: 16, bottom: 8 },
          tooltip: {
            trigger: 'item',
            formatter: (p) => {
              const m = media[(p as { dataIndex: number }).dataIndex];
              const last = m.lastGoodAt ? formatTimestamp(m.lastGoodAt) : t('backups.never');
              return `${m.folder}<br/>${last}${m.failedSince ? `<br/>${t('backups.failed')}` : ''}`;
            },
          },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: {
            type: 'category',
            data: media.map((m) => mediumName(m.folder)),
            inverse: true,
            axisLabel: { width: NAME_WIDTH, overflow: 'truncate' },
          },
          series: [
            {
              type: 'bar',
              name: t('backups.series'),
              barMaxWidth: 24,
              // A backup made today is 0 days old: still a bar to see and click.
              barMinHeight: 4,
              data: media.map((m) => ({ value: m.days ?? longest, itemStyle: { color: late(m) ? RED : GREEN } })),
              label: {
                show: true,
                position: 'right',
                formatter: (p) => {
                  const m = media[p.dataIndex];
                  return m.days === null ? t('backups.never') : t('backups.days', { count: m.days });
                },
              },
            },
          ],
        }}
        onClick={() => void navigate(overviewLinks.backups)}
      />
    </FigureCard>
  );
}

/** The 30 days as the x axis, each room a line of its daily means; days without readings are gaps. */
function roomsOption(figure: Figure<'rooms'>, metric: 'temperature' | 'humidity', title: string, rangeName: string): ChartOption {
  const days = Array.from({ length: 30 }, (_, i) => {
    const [y, m, d] = figure.from.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
  });
  const [low, high] =
    metric === 'temperature'
      ? [figure.thresholds.minTemperature, figure.thresholds.maxTemperature]
      : [figure.thresholds.minHumidity, figure.thresholds.maxHumidity];
  return {
    grid: { left: 8, right: 16, top: 48, bottom: 8 },
    legend: { top: 0, right: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : String(v)) },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
    // The axis always spans the set range, so a reading outside it shows as outside.
    yAxis: {
      type: 'value',
      name: title,
      nameTextStyle: { align: 'left' },
      interval: 5,
      min: (v: { min: number }) => Math.floor((Math.min(v.min, low) - 1) / 5) * 5,
      max: (v: { max: number }) => Math.ceil((Math.max(v.max, high) + 1) / 5) * 5,
    },
    series: figure.rooms.map((room, i) => ({
      type: 'line' as const,
      name: room.name,
      connectNulls: false,
      symbolSize: 6,
      // A day whose lowest or highest reading of this measure left the range is marked red on its line.
      data: days.map((day) => {
        const d = room.days.find((r) => r.day === day);
        if (!d) return null;
        const [lowest, highest] = metric === 'temperature' ? [d.minTemperature, d.maxTemperature] : [d.minHumidity, d.maxHumidity];
        return lowest < low || highest > high ? { value: d[metric], itemStyle: { color: RED }, symbolSize: 9 } : d[metric];
      }),
      // The set range, once, as a band behind the lines.
      ...(i === 0
        ? { markArea: { silent: true, itemStyle: { color: 'rgba(82, 196, 26, 0.08)' }, data: [[{ name: rangeName, yAxis: low }, { yAxis: high }]] } }
        : {}),
    })),
  } as ChartOption;
}

export function RoomReadings({ figure }: { figure: Figure<'rooms'> }) {
  const { t } = useTranslation('overview');
  const navigate = useNavigate();
  const any = figure.rooms.some((r) => r.days.length > 0);
  const empty = figure.rooms.length === 0 ? t('rooms.noRooms') : any ? null : t('rooms.none');
  const from = (i: number) => {
    const [y, m, d] = figure.from.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10);
  };
  const open = ({ seriesIndex, dataIndex }: { seriesIndex: number; dataIndex: number }) => {
    const room = figure.rooms[seriesIndex];
    if (room) void navigate(overviewLinks.roomReadings(room.roomId, from(dataIndex)));
  };
  return (
    <FigureCard title={t('rooms.title')} list="/locations/conditions" empty={empty}>
      <div className="overview-rooms">
        <Chart label={t('rooms.temperature')} option={roomsOption(figure, 'temperature', t('rooms.temperature'), t('rooms.range'))} onClick={open} />
        <Chart label={t('rooms.humidity')} option={roomsOption(figure, 'humidity', t('rooms.humidity'), t('rooms.range'))} onClick={open} />
      </div>
    </FigureCard>
  );
}
