import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EntryCard from '../../../components/entry-card';
import { useRequest } from '../../../hooks/use-request';
import { getDashboard } from '../../../services/admin-api';
import { ORG_PAGES } from '../../../services/org-pages';
import { DISCLOSURE_PAGES } from '../../../services/disclosures-api';
import type { Me } from '../../../services/api';
import { listCases, type CaseKind } from '../../../services/rights-api';
import { ADMIN_PAGES, adminCasesPage } from '../../../services/rights-pages';
import Dashboard from '../dashboard/dashboard';
import ConsoleFrame from '../shared/console';
import StateBlock from '../shared/state-block';
import '../shared/console.scss';

const QUEUE_PEEK = 100;

/** How many cases of one kind wait for this department, and how many are overdue. */
async function queueSummary(kind: CaseKind) {
  const page = await listCases(kind, { status: 'OPEN', limit: QUEUE_PEEK });
  return { open: page.items.length, overdue: page.items.filter((c) => c.overdue).length, more: page.nextCursor !== null };
}

function QueueEntry({ kind, refresh }: { kind: CaseKind; refresh: number }) {
  const summary = useRequest(() => queueSummary(kind), [kind, refresh]);
  const label = kind === 'objection' ? '异议处理' : '信用修复申请';
  const s = summary.data;
  const description = summary.error
    ? '待办数量加载失败，点击进入查看'
    : s
      ? `待处理 ${s.open}${s.more ? '+' : ''} 件${s.overdue > 0 ? `，其中已超期 ${s.overdue} 件` : ''}；须在 5 个工作日内答复`
      : '加载中…';
  return (
    <EntryCard
      badge={kind === 'objection' ? '异' : '修'}
      tone={kind === 'objection' ? 'primary' : 'accent'}
      title={label}
      description={description}
      testId={`queue-entry-${kind}`}
      onClick={() => void Taro.navigateTo({ url: adminCasesPage(kind) })}
    />
  );
}

function DepartmentHome({ refresh }: { refresh: number }) {
  return (
    <View data-testid='department-home'>
      <QueueEntry kind='objection' refresh={refresh} />
      <QueueEntry kind='repair' refresh={refresh} />
      <View className='cx-console-card'>
        <Text className='cx-console-card__title'>信用记录报送</Text>
        <Text className='cx-text-secondary'>
          信用记录通过数据接口（POST /api/credit-records）或导入工具批量报送，每条记录须对应信用规则目录中的规则。居民和企业对记录提出异议或申请修复后，会出现在上面的队列中。
        </Text>
      </View>
    </View>
  );
}

function CentreDashboard({ refresh }: { refresh: number }) {
  const dashboard = useRequest(() => getDashboard(), [refresh]);
  return (
    <View>
      <EntryCard
        badge='机'
        title='机构与人员'
        description='商户、银行、部门的建立、暂停与恢复，员工邀请与移除'
        testId='entry-orgs'
        onClick={() => void Taro.navigateTo({ url: ORG_PAGES.orgs })}
      />
      <EntryCard
        badge='假'
        title='节假日安排'
        description='国务院办公厅的放假调休通知：工作日期限按它计算，每年录入下一年'
        testId='entry-holidays'
        onClick={() => void Taro.navigateTo({ url: ADMIN_PAGES.holidays })}
      />
      <EntryCard
        badge='时'
        title='双公示及时性'
        description='各部门行政许可、行政处罚决定的按时、迟报和漏报，近 12 个月趋势'
        testId='entry-disclosure-timeliness'
        onClick={() => void Taro.navigateTo({ url: DISCLOSURE_PAGES.timeliness })}
      />
      <StateBlock loading={dashboard.loading && !dashboard.data} error={dashboard.error} onRetry={() => void dashboard.reload()} testId='dashboard-state'>
        {dashboard.data && <Dashboard data={dashboard.data} />}
      </StateBlock>
    </View>
  );
}

const isCentre = (me: Me) => me.roles.includes('admin');

/** The console's home: the credit centre's dashboard, or a department's queues. */
export default function AdminHome() {
  return (
    <ConsoleFrame
      roles={['admin', 'department']}
      nav='dashboard'
      title={(me) => (isCentre(me) ? '管理控制台' : '数据报送')}
    >
      {(me, refresh) => (isCentre(me) ? <CentreDashboard refresh={refresh} /> : <DepartmentHome refresh={refresh} />)}
    </ConsoleFrame>
  );
}
