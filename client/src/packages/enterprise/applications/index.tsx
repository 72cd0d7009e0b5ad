import Taro, { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import RoleShell, { useRoleMe, useStarted } from '../../../components/loans/role-shell';
import ApplicationCard from '../../../components/loans/application-card';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import { getApplications } from '../../../services/loans-api';
import { enterpriseApplicationPage, LOANS_TAB } from '../../../services/loans-pages';

const PAGE_SIZE = 20;

/** 我的申请: the business's applications, newest first, each with its state and the bank's deadline. */
export default function ApplicationsPage() {
  const me = useRoleMe('enterprise');
  const list = usePagedList((cursor) => getApplications({ limit: PAGE_SIZE, cursor }), [me.user?.orgId], me.allowed);
  const started = useStarted(me.allowed);
  usePullToRefresh(list.reload);
  useReachBottom(() => void list.loadMore());
  // Coming back from an application (withdrawn meanwhile) shows its new state.
  useReloadOnReturn(list.reload, me.allowed);
  const now = new Date();

  return (
    <RoleShell
      me={me}
      name='我的申请'
      loading={list.loading || !started}
      error={list.error}
      onRetry={list.reload}
      empty={started && !list.loading && list.items.length === 0}
      emptyTitle='暂无贷款申请'
      emptyDescription='在产品市场选择符合条件的产品后提交申请，进度会显示在这里。'
      emptyAction={{ text: '去产品市场', onClick: () => void Taro.switchTab({ url: LOANS_TAB }) }}
    >
      {() => (
        <View data-testid='applications-page'>
          {list.items.map((a) => (
            <ApplicationCard
              key={a.id}
              application={a}
              viewer='enterprise'
              now={now}
              onOpen={() => void Taro.navigateTo({ url: enterpriseApplicationPage(a.id) })}
            />
          ))}
          <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
        </View>
      )}
    </RoleShell>
  );
}
