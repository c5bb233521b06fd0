import { FEN_PER_WAN, type BreakdownEntry } from '@techmatch/shared';
import type { EChartsCoreOption } from 'echarts/core';

/** Fen as 万元 for a chart axis (charts draw numbers; exact amounts are shown as text elsewhere). */
const wan = (fen: number) => Math.round(fen / FEN_PER_WAN);

const TEXT = '#cfe3ff';
const AXIS = { axisLabel: { color: TEXT }, axisLine: { lineStyle: { color: '#3d5a80' } } };

/** Bars of a breakdown in 万元, horizontal when the labels are long (counties, fields). */
export function barOption(
  entries: BreakdownEntry[],
  label: (key: string) => string,
  horizontal = false,
): EChartsCoreOption {
  const names = entries.map((e) => label(e.key));
  const values = entries.map((e) => wan(e.amountFen));
  const category = { type: 'category', data: names, ...AXIS };
  const value = { type: 'value', ...AXIS, splitLine: { lineStyle: { color: '#1f3350' } } };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: '#3ba0ff' }, barMaxWidth: 22 }],
  };
}

/** Shares of a breakdown (contract types); empty slices are left out. */
export function pieOption(entries: BreakdownEntry[], label: (key: string) => string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: TEXT } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '44%'],
        label: { color: TEXT },
        data: entries
          .filter((e) => e.amountFen > 0)
          .map((e) => ({ name: label(e.key), value: wan(e.amountFen) })),
      },
    ],
  };
}

/** The months of the year as a line, month by month (not cumulative). */
export function monthOption(entries: BreakdownEntry[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: entries.map((e) => e.key.slice(5)), ...AXIS },
    yAxis: { type: 'value', ...AXIS, splitLine: { lineStyle: { color: '#1f3350' } } },
    series: [
      { type: 'line', smooth: true, areaStyle: { opacity: 0.2 }, data: entries.map((e) => wan(e.amountFen)) },
    ],
  };
}

/** Share of the target reached, in percent with one decimal, capped at 100. */
export function progressPercent(amountFen: number, targetFen: number): number {
  if (targetFen <= 0) return 100;
  return Math.min(100, Math.floor((amountFen * 1000) / targetFen) / 10);
}
