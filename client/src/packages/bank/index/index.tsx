import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EntryCard from '../../../components/entry-card';
import RoleShell, { SectionError, useRoleMe } from '../../../components/loans/role-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import { BANK_PAGES, bankQueuePage } from '../../../services/loans-pages';
import { queueCounts, type QueueFilter } from '../shared/queue';
import './index.scss';

interface CountProps {
  label: string;
  value: number | undefined;
  tone: 'primary' | 'warning' | 'danger' | 'success';
  filter: QueueFilter;
  testId: string;
}

function Count({ label, value, tone, filter, testId }: CountProps) {
  return (
    <View
      role='button'
      className={`cx-bank-count cx-bank-count--${tone}`}
      hoverClass='cx-bank-count--pressed'
      data-testid={testId}
      onClick={() => void Taro.navigateTo({ url: bankQueuePage(filter) })}
    >
      <Text className='cx-bank-count__value' data-testid={`${testId}-value`}>
        {value ?? '–'}
      </Text>
      <Text className='cx-bank-count__label'>{label}</Text>
    </View>
  );
}

/** 信贷审批 首页: how many applications wait (and how many are close to or past their deadline). */
export default function BankHome() {
  const me = useRoleMe('bank');
  const counts = useRequest(() => queueCounts(), [me.user?.orgId], me.allowed);
  usePullToRefresh(async () => {
    await Promise.all([me.reload(), counts.reload()]);
  });
  // Back from a decision: the counts change.
  useReloadOnReturn(counts.reload, me.allowed);
  const c = counts.data;

  return (
    <RoleShell me={me} name='信贷审批'>
      {(user) => (
        <View data-testid='bank-home'>
          <View className='cx-bank-header'>
            <Text className='cx-bank-header__title'>信贷审批</Text>
            <Text className='cx-bank-header__org' data-testid='bank-org'>
              {user.org?.name ?? user.name}
            </Text>
          </View>

          <View className='cx-card'>
            <Text className='cx-section-title'>待办</Text>
            {counts.error !== undefined && !counts.loading ? (
              <SectionError error={counts.error} onRetry={counts.reload} testId='bank-counts-error' />
            ) : (
              <View className='cx-bank-counts'>
                <Count label='待审批' value={c?.open} tone='primary' filter='open' testId='count-open' />
                <Count label='即将超期' value={c?.dueSoon} tone='warning' filter='due' testId='count-due' />
                <Count label='已超期' value={c?.overdue} tone='danger' filter='overdue' testId='count-overdue' />
                <Count label='待放款' value={c?.approved} tone='success' filter='APPROVED' testId='count-approved' />
              </View>
            )}
            <Text className='cx-bank-note'>银行应在企业提交申请后 10 个工作日内答复；2 天内到期的列为即将超期。</Text>
          </View>

          <EntryCard
            badge='审'
            title='审批'
            description='按状态和期限筛选申请，查看企业授权的信用报告'
            testId='entry-queue'
            onClick={() => void Taro.navigateTo({ url: BANK_PAGES.queue })}
          />
          <EntryCard
            badge='品'
            tone='accent'
            title='产品管理'
            description='发布、修改和下架本行的信易贷产品'
            testId='entry-products'
            onClick={() => void Taro.navigateTo({ url: BANK_PAGES.products })}
          />
        </View>
      )}
    </RoleShell>
  );
}
