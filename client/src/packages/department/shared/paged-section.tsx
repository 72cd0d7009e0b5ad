import type { ReactNode } from 'react';
import { useReachBottom } from '@tarojs/taro';
import ListFoot from '../../../components/list-foot';
import { usePagedList, type Page, type PagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import SectionState from './section-state';

/**
 * A workbench list page's list: the first page on mount, the next as the page reaches the bottom,
 * the first again on a pull (the page config sets `enablePullDownRefresh`) and, when asked, on
 * coming back to the page.
 */
export function useWorkbenchList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, deps: readonly unknown[], opts: { reloadOnReturn?: boolean } = {}): PagedList<T> {
  const list = usePagedList(fetchPage, deps);
  usePullToRefresh(list.reload);
  useReloadOnReturn(() => void list.reload(), opts.reloadOnReturn ?? false);
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
  return list;
}

interface PagedSectionProps<T> {
  list: PagedList<T>;
  emptyTitle: string;
  emptyDescription: string;
  testId: string;
  children: ReactNode;
}

/** Loading, failed, empty or the items, with the list's foot (加载更多, 没有更多了). */
export function PagedSection<T>({ list, emptyTitle, emptyDescription, testId, children }: PagedSectionProps<T>) {
  return (
    <SectionState
      loading={list.loading}
      error={list.error}
      onRetry={() => void list.reload()}
      empty={list.items.length === 0}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      testId={testId}
    >
      {children}
      <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} testId={`${testId}-foot`} />
    </SectionState>
  );
}
