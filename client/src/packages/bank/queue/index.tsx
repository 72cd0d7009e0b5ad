import { useState } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import { EmptyState } from '../../../components/page-shell';
import RoleShell, { SectionError, useRoleMe, useStarted } from '../../../components/loans/role-shell';
import ApplicationCard from '../../../components/loans/application-card';
import Chips from '../../../components/loans/chips';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import { bankApplicationPage } from '../../../services/loans-pages';
import { isQueueFilter, QUEUE_FILTERS, queuePage, type QueueFilter } from '../shared/queue';
import './index.scss';

const EMPTY_TEXT: Record<QueueFilter, string> = {
  open: '暂无待审批的申请',
  due: '暂无即将超期的申请',
  overdue: '暂无超期的申请',
  APPROVED: '暂无待放款的申请',
  DISBURSED: '暂无已放款的申请',
  REJECTED: '暂无已拒绝的申请',
  WITHDRAWN: '暂无已撤回的申请',
  all: '暂无申请',
};

/** 审批: the bank's applications by state or deadline, each with its deadline and time left. */
export default function QueuePage() {
  const { params } = useRouter();
  const [filter, setFilter] = useState<QueueFilter>(isQueueFilter(params.filter) ? params.filter : 'open');
  const me = useRoleMe('bank');
  const list = usePagedList((cursor) => queuePage(filter, cursor), [filter, me.user?.orgId], me.allowed);
  const started = useStarted(me.allowed);
  usePullToRefresh(list.reload);
  useReachBottom(() => void list.loadMore());
  useReloadOnReturn(list.reload, me.allowed);
  const now = new Date();
  const loading = list.loading || !started;

  return (
    <RoleShell me={me} name='信贷审批'>
      {() => (
        <View data-testid='queue-page'>
          <View className='cx-bank-queue__filters'>
            <Chips options={QUEUE_FILTERS} value={filter} onChange={setFilter} testId='queue-filter' label='筛选' />
          </View>
          {loading && (
            <View className='cx-card' data-testid='queue-loading'>
              <View className='cx-skeleton cx-skeleton--title' />
              <View className='cx-skeleton' />
            </View>
          )}
          {!loading && list.error !== undefined && (
            <View className='cx-card'>
              <SectionError error={list.error} onRetry={list.reload} testId='queue-error' />
            </View>
          )}
          {!loading && list.error === undefined && list.items.length === 0 && (
            <EmptyState title={EMPTY_TEXT[filter]} description='企业提交的申请会出现在这里。' testId='queue-empty' />
          )}
          {!loading &&
            list.error === undefined &&
            list.items.map((a) => (
              <ApplicationCard
                key={a.id}
                application={a}
                viewer='bank'
                now={now}
                onOpen={() => void Taro.navigateTo({ url: bankApplicationPage(a.id) })}
              />
            ))}
          {!loading && list.error === undefined && list.items.length > 0 && (
            <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
          )}
        </View>
      )}
    </RoleShell>
  );
}
