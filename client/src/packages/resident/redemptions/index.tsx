import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ListFoot from '../../../components/list-foot';
import PageShell from '../../../components/page-shell';
import RedemptionRow from '../../../components/redemption-row';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getRedemptions } from '../../../services/api';
import { useToken } from '../../../services/session';
import './index.scss';

const PAGE_SIZE = 20;

/** 核销记录: where and when the resident used 信易+ benefits, newest first. */
export default function ResidentRedemptionsPage() {
  const token = useToken();
  const list = usePagedList((cursor) => getRedemptions({ limit: PAGE_SIZE, cursor }), [token], token !== null);
  usePullToRefresh(list.reload);
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });

  return (
    <PageShell
      loading={list.loading}
      error={list.error}
      onRetry={list.reload}
      empty={!list.loading && !list.error && list.items.length === 0}
      emptyTitle='暂无核销记录'
      emptyDescription='在信易+ 出示凭证并由商户核验后，记录会显示在这里。'
      emptyAction={{ text: '去信易+ 看看', onClick: () => void Taro.switchTab({ url: '/pages/incentives/index' }) }}
    >
      <View data-testid='resident-redemptions'>
        <Text className='cx-redemptions__intro'>商户核验时只能看到您是否符合条件和脱敏后的姓名，每次核验都会记入您的信用查询记录。</Text>
        <View className='cx-card'>
          {list.items.map((r) => (
            <RedemptionRow key={r.id} item={r} viewer='resident' />
          ))}
        </View>
        <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
      </View>
    </PageShell>
  );
}
