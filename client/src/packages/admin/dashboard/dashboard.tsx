import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import type { DashboardResponse, DashboardSnapshot } from '../../../services/admin-api';
import { chinaDate, chinaDateTime } from '../../../services/time';
import BarList from './bar-list';
import ColumnChart from './column-chart';
import './dashboard.scss';

const APPLICATION_TONES: Record<string, string> = {
  SUBMITTED: 'primary',
  UNDER_REVIEW: 'good',
  APPROVED: 'success',
  REJECTED: 'danger',
  DISBURSED: 'outstanding',
  WITHDRAWN: 'muted',
};

function Kpi({ label, value, tone, testId }: { label: string; value: string; tone?: 'danger'; testId: string }) {
  return (
    <View className='cx-kpi'>
      <Text className={`cx-kpi__value${tone ? ` cx-kpi__value--${tone}` : ''}`} data-testid={testId}>
        {value}
      </Text>
      <Text className='cx-kpi__label'>{label}</Text>
    </View>
  );
}

function Redemptions({ days }: { days: DashboardResponse['redemptionsPerDay'] }) {
  const total = days.reduce((s, d) => s + d.count, 0);
  return (
    <View className='cx-console-card' data-testid='dashboard-redemptions'>
      <Text className='cx-console-card__title'>近 14 天信易+ 核销（次）</Text>
      <ColumnChart columns={days.map((d) => ({ key: d.day, label: String(Number(d.day.slice(8, 10))), value: d.count }))} testId='redemptions' />
      <Text className='cx-console-card__note'>
        {days.length > 0 ? `${days[0].day} 至 ${days[days.length - 1].day}（横轴为日期），合计 ${total} 次。` : ''}
        核销数实时累计，不依赖统计任务。
      </Text>
    </View>
  );
}

/** Open and overdue objections and repairs, one row per department. */
function CasesTable({ cases }: { cases: DashboardSnapshot['cases'] }) {
  const departments = Array.from(new Set(cases.map((c) => c.department)));
  const cell = (department: string, kind: 'objection' | 'repair') => cases.find((c) => c.department === department && c.kind === kind);
  return (
    <View className='cx-console-card' data-testid='dashboard-cases'>
      <Text className='cx-console-card__title'>各部门待处理异议与修复</Text>
      {departments.length === 0 ? (
        <Text className='cx-text-secondary'>目前没有待处理的异议或修复申请。</Text>
      ) : (
        <View className='cx-table'>
          <View className='cx-table__row cx-table__row--head'>
            <Text className='cx-table__cell cx-table__cell--name'>部门</Text>
            <Text className='cx-table__cell'>异议</Text>
            <Text className='cx-table__cell'>修复</Text>
          </View>
          {departments.map((d) => {
            const o = cell(d, 'objection');
            const r = cell(d, 'repair');
            return (
              <View key={d} className='cx-table__row' data-testid='dashboard-case-row'>
                <Text className='cx-table__cell cx-table__cell--name'>{d}</Text>
                {[o, r].map((c, i) => (
                  <Text key={i} className='cx-table__cell'>
                    {c ? `${c.open} 件` : '—'}
                    {c && c.overdue > 0 ? <Text className='cx-table__overdue'>（超期 {c.overdue}）</Text> : null}
                  </Text>
                ))}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}

function Overdue({ items }: { items: DashboardSnapshot['applications']['overdue'] }) {
  return (
    <View className='cx-console-card' data-testid='dashboard-overdue'>
      <Text className='cx-console-card__title'>超期未答复的贷款申请（{items.length}）</Text>
      {items.length === 0 ? (
        <Text className='cx-text-secondary'>没有超过 10 个工作日未答复的申请。</Text>
      ) : (
        items.map((a) => (
          <View key={a.id} className='cx-overdue' data-testid='dashboard-overdue-item'>
            <Text className='cx-overdue__name'>{a.enterprise}</Text>
            <Text className='cx-overdue__meta'>
              {a.bank} · {a.product}
            </Text>
            <Text className='cx-overdue__deadline'>答复期限 {chinaDate(a.deadline)}，已超期</Text>
          </View>
        ))
      )}
    </View>
  );
}

/**
 * The credit centre's dashboard: the statistics job's latest snapshot (tiers, applications,
 * cases) and the live redemption counts. Before the job's first run only the redemptions show.
 */
export default function Dashboard({ data }: { data: DashboardResponse }) {
  const s = data.snapshot;
  const openCases = s ? s.cases.reduce((n, c) => n + c.open, 0) : 0;
  const overdueCases = s ? s.cases.reduce((n, c) => n + c.overdue, 0) : 0;

  return (
    <View data-testid='dashboard'>
      {s ? (
        <Text className='cx-dashboard__computed' data-testid='dashboard-computed-at'>
          统计时间：{chinaDateTime(s.computedAt)}（由定时统计任务计算，每隔几分钟更新）
        </Text>
      ) : (
        <View className='cx-console-card' data-testid='dashboard-empty'>
          <EmptyState
            title='统计数据尚未生成'
            description='等级分布、贷款申请和异议修复统计由定时任务计算，首次运行后即显示在这里（本地运行时启动后约几秒，之后每 5 分钟更新）。下方的核销数据实时累计。'
          />
        </View>
      )}

      {s && (
        <View className='cx-kpis'>
          <Kpi label='实名认证居民' value={String(s.residents.verified)} testId='kpi-verified' />
          <Kpi label='平均信用积分' value={String(Math.round(s.residents.averagePoints))} testId='kpi-average' />
          <Kpi label='待处理异议/修复' value={String(openCases)} testId='kpi-open-cases' />
          <Kpi label='超期事项' value={String(overdueCases + s.applications.overdue.length)} tone={overdueCases + s.applications.overdue.length > 0 ? 'danger' : undefined} testId='kpi-overdue' />
        </View>
      )}

      <View className='cx-console__grid'>
        {s && (
          <View className='cx-console-card' data-testid='dashboard-tiers'>
            <Text className='cx-console-card__title'>居民信用等级分布（人）</Text>
            <BarList bars={s.residents.byTier.map((t) => ({ key: t.code, label: t.label, value: t.count, tone: t.code }))} testId='tiers' />
          </View>
        )}
        <Redemptions days={data.redemptionsPerDay} />
        {s && (
          <View className='cx-console-card' data-testid='dashboard-applications'>
            <Text className='cx-console-card__title'>信易贷申请状态（件）</Text>
            <BarList
              bars={s.applications.byStatus.map((a) => ({ key: a.status, label: a.label, value: a.count, tone: APPLICATION_TONES[a.status] ?? 'primary' }))}
              testId='applications'
            />
          </View>
        )}
        {s && <Overdue items={s.applications.overdue} />}
        {s && (
          <View className='cx-console__wide'>
            <CasesTable cases={s.cases} />
          </View>
        )}
      </View>
    </View>
  );
}
