import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { signedPoints } from '../../shared/format';
import './index.scss';

export interface TrendPoint {
  month: string;
  points: number;
}

/**
 * The value axis: round bounds a little beyond the data, on a step that gives 2–5 grid intervals,
 * so small monthly changes stay visible without pretending the scale starts at 0.
 */
export function trendAxis(values: readonly number[]): { lo: number; hi: number; step: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  for (const step of [10, 20, 50]) {
    let lo = Math.max(0, Math.floor((min - step / 2) / step) * step);
    let hi = Math.min(200, Math.ceil((max + step / 2) / step) * step);
    if ((hi - lo) / step < 2) {
      if (lo > 0) lo -= step;
      else hi += step;
    }
    if ((hi - lo) / step <= 5) return { lo, hi, step };
  }
  return { lo: 0, hi: 200, step: 50 };
}

const monthNumber = (month: string) => String(Number(month.slice(5, 7)));

/** 12 months of points as columns; tap a month to read its value (the latest is shown first). */
export default function TrendChart({ items }: { items: readonly TrendPoint[] }) {
  const [selected, setSelected] = useState<number>(items.length - 1);
  if (items.length === 0) return null;
  const index = Math.min(selected, items.length - 1);
  const { lo, hi, step } = trendAxis(items.map((i) => i.points));
  const height = (v: number) => ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * 100;
  const grid: number[] = [];
  for (let v = hi; v >= lo; v -= step) grid.push(v);

  const current = items[index];
  const previous = index > 0 ? items[index - 1] : undefined;
  const change = previous ? current.points - previous.points : 0;
  const overall = items[items.length - 1].points - items[0].points;

  return (
    <View className='cx-trend' data-testid='trend-chart'>
      <View className='cx-trend__summary'>
        <Text className='cx-trend__selected' data-testid='trend-selected'>
          {current.month}：{current.points} 分
        </Text>
        {previous && (
          <Text className={`cx-trend__change cx-trend__change--${change > 0 ? 'up' : change < 0 ? 'down' : 'zero'}`}>
            较上月 {change === 0 ? '持平' : signedPoints(change)}
          </Text>
        )}
      </View>
      <View className='cx-trend__chart'>
        <View className='cx-trend__axis'>
          {grid.map((v) => (
            <Text key={v} className='cx-trend__axis-label' style={{ bottom: `${height(v)}%` }}>
              {v}
            </Text>
          ))}
        </View>
        <View className='cx-trend__plot'>
          {grid.map((v) => (
            <View key={v} className={`cx-trend__grid${v === 100 ? ' cx-trend__grid--base' : ''}`} style={{ bottom: `${height(v)}%` }} />
          ))}
          <View className='cx-trend__columns'>
            {items.map((item, i) => (
              <View
                role='button'
                key={item.month}
                className={`cx-trend__slot${i === index ? ' cx-trend__slot--selected' : ''}`}
                data-testid={`trend-col-${item.month}`}
                aria-label={`${item.month}：${item.points} 分`}
                onClick={() => setSelected(i)}
              >
                <View className='cx-trend__col' style={{ height: `${height(item.points)}%` }} />
              </View>
            ))}
          </View>
        </View>
      </View>
      <View className='cx-trend__months'>
        <View className='cx-trend__axis cx-trend__axis--unit'>
          <Text className='cx-trend__unit'>月</Text>
        </View>
        <View className='cx-trend__month-row'>
          {items.map((item, i) => (
            <Text key={item.month} className={`cx-trend__month${i === index ? ' cx-trend__month--selected' : ''}`}>
              {monthNumber(item.month)}
            </Text>
          ))}
        </View>
      </View>
      <Text className='cx-trend__note'>
        {items[0].month} 至 {items[items.length - 1].month}，
        {overall === 0 ? '积分保持不变' : `积分${overall > 0 ? '上升' : '下降'} ${Math.abs(overall)} 分`}。点按柱子查看当月积分。
      </Text>
    </View>
  );
}
