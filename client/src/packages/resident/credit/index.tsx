import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import EntryCard from '../../../components/entry-card';
import { SectionError } from '../../../components/section-error';
import PageShell, { EmptyState } from '../../../components/page-shell';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { getMyEvents, getMyPoints, getMyTrend, isApiError, type PointsResponse } from '../../../services/api';
import { RESIDENT_PAGES, eventPage } from '../../../services/resident-pages';
import { RIGHTS_PAGES } from '../../../services/rights-pages';
import { useToken } from '../../../services/session';
import { useCreditVersion } from '../rights/changes';
import DimensionChart from '../components/dimension-chart';
import EventTimeline from '../components/event-timeline';
import TierGauge from '../components/tier-gauge';
import TrendChart from '../components/trend-chart';
import { rememberEvents } from '../shared/event-cache';
import { chinaDate, chinaDateTime, signedPoints } from '../shared/format';
import './index.scss';

const BASE_POINTS = 100;
const PAGE_SIZE = 20;
// Shown by the page itself (as its empty state), so no toast for them.
const QUIET = ['REAL_NAME_REQUIRED', 'FORBIDDEN', 'CONSENT_WITHDRAWN'];

const open = (url: string) => () => void Taro.navigateTo({ url });

function SectionLoading() {
  return (
    <View className='cx-credit__section-loading'>
      <View className='cx-skeleton' />
      <View className='cx-skeleton cx-skeleton--short' />
      <Text className='cx-text-secondary'>加载中…</Text>
    </View>
  );
}

function PointsHeader({ points }: { points: PointsResponse }) {
  return (
    <View className='cx-card cx-credit__head' data-testid='credit-head'>
      <View className='cx-credit__head-top'>
        <Text className='cx-credit__caption'>我的信用积分</Text>
        <Text className={`cx-credit__tier cx-credit__tier--${points.tier.code}`} data-testid='points-tier'>
          {points.tier.label}
        </Text>
      </View>
      <View className='cx-credit__value-row'>
        <Text className='cx-credit__value' data-testid='points-value'>
          {points.points}
        </Text>
        <Text className='cx-credit__unit'>分</Text>
      </View>
      <TierGauge points={points.points} />
      <Text className='cx-credit__as-of'>数据更新于 {chinaDateTime(points.asOf)}</Text>
      {points.nextChangeAt && (
        <Text className='cx-credit__next-change' data-testid='next-change'>
          有记录将开始或停止计分，积分将于 {chinaDate(points.nextChangeAt)} 变化
        </Text>
      )}
    </View>
  );
}

function Composition({ points }: { points: PointsResponse }) {
  const sum = points.dimensions.reduce((s, d) => s + d.points, 0);
  const clamped = BASE_POINTS + sum !== points.points;
  return (
    <View className='cx-card'>
      <Text className='cx-section-title'>积分构成</Text>
      <DimensionChart dimensions={points.dimensions} />
      <Text className='cx-credit__formula' data-testid='points-formula'>
        基础分 {BASE_POINTS} ＋ 各维度合计 {signedPoints(sum)} ＝ {points.points} 分
        {clamped ? '（积分范围为 0–200 分，超出部分不计）' : ''}
      </Text>
    </View>
  );
}

/** 我的信用: points and tier, the five dimensions, 12 months of trend, and the events behind them. */
export default function CreditPage() {
  const token = useToken();
  const signedIn = token !== null;
  // An objection or repair opened on a record's page changes what the list and points show.
  const changes = useCreditVersion();
  const points = useRequest(() => getMyPoints({ quietCodes: QUIET }), [token, changes], signedIn);
  const trend = useRequest(() => getMyTrend({ quietCodes: QUIET }), [token], signedIn);
  const events = usePagedList(
    async (cursor) => {
      const page = await getMyEvents({ limit: PAGE_SIZE, cursor }, { quietCodes: QUIET });
      rememberEvents(page.items);
      return page;
    },
    [token, changes],
    signedIn,
  );

  usePullToRefresh(async () => {
    await Promise.all([points.reload(), trend.reload(), events.reload()]);
  });
  useReachBottom(() => {
    if (events.hasMore && !events.moreError) void events.loadMore();
  });

  const code = isApiError(points.error) ? points.error.code : null;
  const realNameRequired = code === 'REAL_NAME_REQUIRED';
  const notResident = code === 'FORBIDDEN';
  const withdrawn = code === 'CONSENT_WITHDRAWN';
  const data = points.data;

  return (
    <PageShell
      loading={points.loading && !data}
      error={realNameRequired || notResident || withdrawn ? undefined : points.error}
      onRetry={points.reload}
      empty={realNameRequired || notResident || withdrawn}
      emptyTitle={realNameRequired ? '请先完成实名认证' : withdrawn ? '积分已暂停' : '仅居民可查看信用积分'}
      emptyDescription={
        realNameRequired
          ? '完成实名认证并同意个人敏感信息处理授权后，即可查看您的信用积分和信用记录。'
          : withdrawn
            ? '您已撤回个人敏感信息处理授权，积分暂停计算和展示。重新授权后即可恢复。'
            : '当前账号不是居民账号。'
      }
      emptyAction={
        realNameRequired
          ? { text: '去实名认证', onClick: open(RESIDENT_PAGES.realName) }
          : withdrawn
            ? { text: '去授权管理', onClick: open(RIGHTS_PAGES.consents) }
            : undefined
      }
    >
      {data && (
        <View data-testid='credit-page'>
          <PointsHeader points={data} />
          <Composition points={data} />

          <View className='cx-card'>
            <Text className='cx-section-title'>近 12 个月走势</Text>
            {trend.loading && !trend.data && <SectionLoading />}
            {trend.error !== undefined && !trend.loading && (
              <SectionError testId='trend-error' error={trend.error} onRetry={() => void trend.reload()} />
            )}
            {trend.data && !trend.error && <TrendChart items={trend.data.items} />}
          </View>

          <View className='cx-card' data-testid='events-section'>
            <Text className='cx-section-title'>信用记录</Text>
            {events.loading && <SectionLoading />}
            {!events.loading && events.error !== undefined && (
              <SectionError testId='events-error' error={events.error} onRetry={() => void events.reload()} />
            )}
            {!events.loading && !events.error && events.items.length === 0 && (
              <EmptyState
                testId='events-empty'
                title='暂无信用记录'
                description='各部门依法报送的守信、失信记录会显示在这里。'
              />
            )}
            {!events.loading && !events.error && events.items.length > 0 && (
              <View>
                <EventTimeline events={events.items} onOpen={(e) => void Taro.navigateTo({ url: eventPage(e.id) })} />
                <View className='cx-credit__list-foot' data-testid='events-foot'>
                  {events.loadingMore && <Text className='cx-text-secondary'>加载中…</Text>}
                  {!events.loadingMore && events.moreError !== undefined && (
                    <SectionError testId='events-more-error' error={events.moreError} onRetry={() => void events.loadMore()} />
                  )}
                  {!events.loadingMore && !events.moreError && events.hasMore && (
                    <Button className='cx-btn cx-btn--secondary cx-btn--block' data-testid='events-more' onClick={() => void events.loadMore()}>
                      加载更多
                    </Button>
                  )}
                  {!events.hasMore && <Text className='cx-text-secondary'>没有更多了</Text>}
                </View>
              </View>
            )}
          </View>

          <EntryCard
            badge='规'
            tone='accent'
            title='信用规则'
            description='每类记录加减多少分、计分多久、依据哪条法规'
            testId='credit-rules-entry'
            onClick={open(RESIDENT_PAGES.rules)}
          />
        </View>
      )}
    </PageShell>
  );
}
