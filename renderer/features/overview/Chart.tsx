import { useEffect, useRef } from 'react';
import type {
  BarSeriesOption,
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  PieSeriesOption,
  TooltipComponentOption,
} from './echarts';
import { echarts } from './echarts';
import { useReducedMotion } from '../../ui/reduced-motion';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click on a bar, slice or point says: the series and the index of the datum in it. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One ECharts instance on a div for the life of the component: the option is set whenever it
 * changes, the chart follows its box's size, and it is disposed on unmount. SVG: crisp at any
 * zoom, and its text is in the page for screen readers and tests. No entry animation where the
 * system asks for reduced motion.
 */
export function Chart({
  option,
  onClick,
  label,
  height = 260,
}: {
  option: ChartOption;
  onClick?: (click: ChartClick) => void;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clicked = useRef(onClick);
  clicked.current = onClick;
  const reduced = useReducedMotion();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }));
    const resized = new ResizeObserver(() => instance.resize());
    resized.observe(el);
    return () => {
      resized.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...option, animation: !reduced }, { notMerge: true });
  }, [option, reduced]);

  return <div ref={box} role="img" aria-label={label} className="overview-chart" style={{ height, cursor: onClick ? 'pointer' : undefined }} />;
}
