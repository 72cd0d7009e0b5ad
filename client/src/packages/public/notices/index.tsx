import { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import NoticeItem from '../../../components/notice-item';
import PageShell from '../../../components/page-shell';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getNotices } from '../../../services/notices-api';

/** 信用动态: every notice of the credit centre, newest first, a page at a time. Public. */
export default function NoticesPage() {
  const list = usePagedList((cursor) => getNotices({ cursor, limit: 20 }), []);
  usePullToRefresh(list.reload);
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell
      requireAuth={false}
      loading={list.loading && list.items.length === 0}
      error={list.error}
      onRetry={list.reload}
      empty={!list.loading && !list.error && list.items.length === 0}
      emptyTitle='暂无信用动态'
      emptyDescription='信用中心发布的通知公告、政策解读和工作动态会显示在这里。'
    >
      <View className='cx-card' data-testid='notices-page'>
        {list.items.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </View>
      <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
    </PageShell>
  );
}
