import { Text, View } from '@tarojs/components';
import { useRequest } from '../../../hooks/use-request';
import { getDisclosureTimeliness, type TimelinessReport } from '../../../services/disclosures-api';
import ColumnChart from '../dashboard/column-chart';
import ConsoleFrame from '../shared/console';
import StateBlock from '../shared/state-block';
import { monthColumn, monthLabel, overall, rankedDepartments, rateText } from './figures';
import '../shared/console.scss';
import '../dashboard/charts.scss';
import './index.scss';

function Report({ report }: { report: TimelinessReport }) {
  const total = overall(report);
  const rows = rankedDepartments(report);
  return (
    <View data-testid='timeliness-report'>
      <View className='cx-console-card cx-tl-summary'>
        <View className='cx-tl-summary__stat'>
          <Text className='cx-tl-summary__num' data-testid='timeliness-rate'>
            {rateText(total.rate)}
          </Text>
          <Text className='cx-tl-summary__label'>按时率</Text>
        </View>
        <View className='cx-tl-summary__stat'>
          <Text className='cx-tl-summary__num'>{total.onTime}</Text>
          <Text className='cx-tl-summary__label'>按时</Text>
        </View>
        <View className='cx-tl-summary__stat cx-tl-summary__stat--warn'>
          <Text className='cx-tl-summary__num' data-testid='timeliness-late'>
            {total.late}
          </Text>
          <Text className='cx-tl-summary__label'>迟报</Text>
        </View>
        <View className='cx-tl-summary__stat cx-tl-summary__stat--bad'>
          <Text className='cx-tl-summary__num' data-testid='timeliness-missing'>
            {total.missing ?? '—'}
          </Text>
          <Text className='cx-tl-summary__label'>漏报</Text>
        </View>
      </View>

      <View className='cx-console-card'>
        <Text className='cx-console-card__title'>近 {report.months.length} 个月迟报数（按决定月份）</Text>
        <ColumnChart columns={report.trend.map((m) => ({ key: m.month, ...monthColumn(m.month), value: m.late }))} testId='timeliness-late-chart' />
        <Text className='cx-console-card__title cx-tl-second'>近 {report.months.length} 个月按时率</Text>
        <View className='cx-tl-rates' data-testid='timeliness-trend'>
          {report.trend.map((m) => (
            <View key={m.month} className='cx-tl-rates__cell'>
              <Text className='cx-tl-rates__month'>{monthLabel(m.month)}</Text>
              <Text className={`cx-tl-rates__rate${m.onTimeRate !== null && m.onTimeRate < 1 ? ' cx-tl-rates__rate--low' : ''}`}>{rateText(m.onTimeRate)}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='cx-console-card'>
        <Text className='cx-console-card__title'>各部门（近 {report.months.length} 个月）</Text>
        <Text className='cx-text-secondary'>决定作出后 7 个工作日内报送为按时；漏报 = 部门申报的决定总数 − 已报送数，未申报的月份不计。</Text>
        <View className='cx-tl-table' role='table' data-testid='timeliness-table'>
          <View className='cx-tl-table__row cx-tl-table__row--head' role='row'>
            <Text className='cx-tl-table__name'>部门</Text>
            <Text className='cx-tl-table__num'>按时</Text>
            <Text className='cx-tl-table__num'>迟报</Text>
            <Text className='cx-tl-table__num'>漏报</Text>
            <Text className='cx-tl-table__rate'>按时率</Text>
          </View>
          {rows.map((d) => (
            <View key={d.orgId} className='cx-tl-table__row' role='row' data-testid='timeliness-row' data-org={d.orgId}>
              <Text className='cx-tl-table__name'>{d.name}</Text>
              <Text className='cx-tl-table__num'>{d.onTime}</Text>
              <Text className={`cx-tl-table__num${d.late > 0 ? ' cx-tl-table__num--warn' : ''}`} data-testid='timeliness-row-late'>
                {d.late}
              </Text>
              <Text className={`cx-tl-table__num${(d.missing ?? 0) > 0 ? ' cx-tl-table__num--bad' : ''}`}>{d.missing ?? '—'}</Text>
              <Text className='cx-tl-table__rate'>{rateText(d.onTimeRate)}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

/** 双公示及时性: per department on time, late and missing decisions, with the 12-month trend (「漏报、迟报、瞒报全清零」). */
export default function DisclosureTimelinessPage() {
  return (
    <ConsoleFrame roles={['admin']} title={() => '双公示及时性'} subtitle={() => '行政许可、行政处罚决定 7 个工作日内公示'}>
      {(_me, refresh) => <Timeliness refresh={refresh} />}
    </ConsoleFrame>
  );
}

function Timeliness({ refresh }: { refresh: number }) {
  const report = useRequest(() => getDisclosureTimeliness(12), [refresh]);
  return (
    <StateBlock loading={report.loading && !report.data} error={report.error} onRetry={() => void report.reload()} testId='timeliness-state'>
      {report.data && <Report report={report.data} />}
    </StateBlock>
  );
}
