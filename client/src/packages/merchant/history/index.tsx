import { useRef, useState, type MutableRefObject } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import ListFoot from '../../../components/list-foot';
import RedemptionRow from '../../../components/redemption-row';
import { usePagedList } from '../../../hooks/use-paged-list';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getRedemptions, isApiError, type Me } from '../../../services/api';
import { chinaToday } from '../../../services/time';
import { MerchantShell, useMerchantMe } from '../shared/merchant';
import { customRange, QUICK_RANGES, quickRange, rangeText, type DateRange } from './date-range';
import './index.scss';

const PAGE_SIZE = 20;

function DateField({ label, value, end, testId, onPick }: { label: string; value?: string; end: string; testId: string; onPick: (d: string) => void }) {
  return (
    <View className='cx-history__date-wrap' data-testid={testId}>
      <Picker mode='date' value={value ?? end} end={end} onChange={(e) => onPick(String(e.detail.value))}>
        <View className='cx-history__date'>
          <Text className='cx-history__date-label'>{label}</Text>
          <Text className='cx-history__date-value'>{value ?? '不限'}</Text>
        </View>
      </Picker>
    </View>
  );
}

interface HistoryProps {
  user: Me;
  /** Set to this content's reload, for the page's pull-to-refresh. */
  reloadRef: MutableRefObject<(() => Promise<void>) | null>;
}

/** The history itself, mounted once the merchant is known, so its first page starts out loading. */
function History({ user, reloadRef }: HistoryProps) {
  const [range, setRange] = useState<DateRange>(() => quickRange('week'));
  const [todayCount, setTodayCount] = useState<number | null>(null);
  const list = usePagedList(
    async (cursor) => {
      const page = await getRedemptions({ limit: PAGE_SIZE, cursor, from: range.from, to: range.to });
      if (page.todayCount !== undefined) setTodayCount(page.todayCount);
      return page;
    },
    [range.from, range.to, user.id],
  );
  reloadRef.current = list.reload;
  useReachBottom(() => {
    if (list.hasMore && !list.moreError) void list.loadMore();
  });
  const today = chinaToday();

  return (
    <View data-testid='merchant-history'>
      <View className='cx-card cx-history__today'>
        <View>
          <Text className='cx-history__today-label'>今日核销</Text>
          <Text className='cx-history__org'>{user.org?.name}</Text>
        </View>
        <Text className='cx-history__today-count' data-testid='history-today-count'>
          {todayCount ?? '–'}
        </Text>
      </View>

      <View className='cx-card cx-history__filter'>
        <View className='cx-history__chips'>
          {QUICK_RANGES.map((r) => (
            <View
              key={r.key}
              role='button'
              aria-pressed={range.key === r.key}
              className={`cx-history__chip${range.key === r.key ? ' cx-history__chip--active' : ''}`}
              data-testid={`range-${r.key}`}
              onClick={() => setRange(quickRange(r.key))}
            >
              <Text>{r.label}</Text>
            </View>
          ))}
        </View>
        <View className='cx-history__dates'>
          <DateField label='开始' value={range.from} end={today} testId='range-from' onPick={(d) => setRange(customRange(d, range.to))} />
          <Text className='cx-history__dash'>—</Text>
          <DateField label='结束' value={range.to} end={today} testId='range-to' onPick={(d) => setRange(customRange(range.from, d))} />
        </View>
        <Text className='cx-history__range' data-testid='history-range'>
          显示：{rangeText(range)}
        </Text>
      </View>

      {list.loading && (
        <View className='cx-card' data-testid='history-loading'>
          <View className='cx-skeleton' />
          <View className='cx-skeleton cx-skeleton--short' />
          <Text className='cx-text-secondary'>加载中…</Text>
        </View>
      )}
      {!list.loading && list.error !== undefined && (
        <EmptyState
          testId='history-error'
          title='加载失败'
          description={isApiError(list.error) ? list.error.message : '请稍后重试'}
          action={{ text: '重试', onClick: () => void list.reload() }}
        />
      )}
      {!list.loading && !list.error && list.items.length === 0 && (
        <EmptyState testId='history-empty' title='这段时间没有核销记录' description='换个日期范围看看。' />
      )}
      {!list.loading && !list.error && list.items.length > 0 && (
        <View>
          <View className='cx-card'>
            {list.items.map((r) => (
              <RedemptionRow key={r.id} item={r} viewer='merchant' />
            ))}
          </View>
          <ListFoot loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} onMore={() => void list.loadMore()} />
        </View>
      )}
    </View>
  );
}

/** 核销记录 of the merchant's organisation: today's count, a date filter, newest first, page by page. */
export default function MerchantHistoryPage() {
  const me = useMerchantMe();
  const reloadRef = useRef<(() => Promise<void>) | null>(null);
  // Registered by the page itself, so a pull works in its loading and error states too.
  usePullToRefresh(async () => {
    await Promise.all([me.reload(), reloadRef.current?.()]);
  });
  return (
    <MerchantShell me={me} name='核销记录'>
      {(user) => <History user={user} reloadRef={reloadRef} />}
    </MerchantShell>
  );
}
