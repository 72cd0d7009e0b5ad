import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import PageShell from '../../../components/page-shell';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getAccessLog, type AccessEntry } from '../../../services/rights-api';
import { useToken } from '../../../services/session';
import { chinaDateTime } from '../../../services/time';
import '../rights/rights.scss';
import './index.scss';

const PAGE_SIZE = 20;

function EntryRow({ entry }: { entry: AccessEntry }) {
  return (
    <View className='cx-card cx-access' data-testid='access-item'>
      <View className='cx-item__head'>
        <Text className='cx-item__title' data-testid='access-org'>
          {entry.actor.orgName}
        </Text>
        <Text className='cx-tag cx-tag--info' data-testid='access-role'>
          {entry.actor.roleLabel}
        </Text>
      </View>
      <Text className='cx-item__meta' data-testid='access-at'>
        {chinaDateTime(entry.at)}
      </Text>
      <View className='cx-kv'>
        <Text className='cx-kv__label'>查询用途</Text>
        <Text className='cx-kv__value' data-testid='access-purpose'>
          {entry.purpose}
        </Text>
      </View>
      <View className='cx-kv'>
        <Text className='cx-kv__label'>查看内容</Text>
        <Text className='cx-kv__value' data-testid='access-what'>
          {entry.what}
        </Text>
      </View>
    </View>
  );
}

/** 谁查看了我的信用: every read of the subject's credit data by someone else, newest first. */
export default function AccessLogPage() {
  const token = useToken();
  const log = usePagedList((cursor) => getAccessLog({ limit: PAGE_SIZE, cursor }), [token], token !== null);
  usePullToRefresh(log.reload);
  useReachBottom(() => {
    if (log.hasMore && !log.moreError) void log.loadMore();
  });

  return (
    <PageShell
      header={
        <Text className='cx-rights-intro'>
          商户核验信用凭证、银行审批贷款、部门和信用中心查询时，都会记录是谁、在什么时间、为了什么查看了您的哪些信用信息。
        </Text>
      }
      loading={log.loading}
      error={log.error}
      onRetry={log.reload}
      empty={log.items.length === 0 && !log.hasMore}
      emptyTitle='暂无查询记录'
      emptyDescription='还没有人查看过您的信用信息。有人查看时，会记录在这里。'
    >
      <View data-testid='access-log'>
        {log.items.map((e) => (
          <EntryRow key={e.id} entry={e} />
        ))}
        <ListFoot loadingMore={log.loadingMore} moreError={log.moreError} hasMore={log.hasMore} onMore={() => void log.loadMore()} testId='access-foot' />
      </View>
    </PageShell>
  );
}
