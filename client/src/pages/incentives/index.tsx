import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import FilterChip from '../../components/filter-chip';
import IncentiveStatus from '../../components/incentive-status';
import PageShell, { EmptyState } from '../../components/page-shell';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import { useAccountVersion } from '../../services/account';
import { getIncentives, type IncentiveView } from '../../services/api';
import {
  ALL_INCENTIVES,
  CATEGORY_CHIPS,
  filterIncentives,
  isPersonal,
  merchantNames,
  quotaText,
  setIncentiveFilter,
  stockText,
  useIncentiveFilter,
} from '../../services/incentives';
import { incentivePage } from '../../services/resident-pages';
import { goToLogin, useToken } from '../../services/session';
import './index.scss';

function IncentiveCard({ item }: { item: IncentiveView }) {
  const stock = stockText(item);
  return (
    <View
      role='button'
      className='cx-card cx-incentive'
      hoverClass='cx-incentive--pressed'
      data-testid='incentive-card'
      data-incentive-id={item.id}
      onClick={() => void Taro.navigateTo({ url: incentivePage(item.id) })}
    >
      <View className='cx-incentive__head'>
        <Text className='cx-incentive__category'>{item.categoryLabel}</Text>
        <Text className='cx-incentive__title' data-testid='incentive-title'>
          {item.title}
        </Text>
        <Text className='cx-incentive__chevron'>›</Text>
      </View>
      <Text className='cx-incentive__benefit'>{item.benefit}</Text>
      <Text className='cx-incentive__merchants'>{merchantNames(item)}</Text>
      <View className='cx-incentive__facts'>
        <Text className='cx-incentive__fact' data-testid='incentive-min-points'>
          积分 ≥ {item.minPoints}
        </Text>
        <Text className='cx-incentive__fact' data-testid='incentive-quota'>
          {quotaText(item.quota)}
        </Text>
        {stock && (
          <Text className='cx-incentive__fact' data-testid='incentive-stock'>
            {stock}
          </Text>
        )}
        {!item.active && <Text className='cx-incentive__fact cx-incentive__fact--off'>已暂停</Text>}
      </View>
      <IncentiveStatus item={item} />
    </View>
  );
}

/** 信易+: every scenario by category; a signed-in resident sees on each card whether they can use it and why not. */
export default function IncentivesPage() {
  const token = useToken();
  const accountVersion = useAccountVersion();
  const list = useRequest(() => getIncentives(), [token, accountVersion]);
  usePullToRefresh(list.reload);
  const filter = useIncentiveFilter();

  const all = list.data?.items;
  const personal = all ? isPersonal(all) : false;
  // Only a resident's catalogue says what is usable; anyone else sees every scenario.
  const effective = personal ? filter : { ...filter, usableOnly: false };
  const shown = useMemo(() => filterIncentives(all ?? [], effective), [all, effective.category, effective.usableOnly]);
  const usableCount = all?.filter((i) => i.eligible).length ?? 0;
  const filtered = effective.category !== 'all' || effective.usableOnly;

  return (
    <PageShell
      requireAuth={false}
      loading={list.loading && !all}
      error={list.error}
      onRetry={list.reload}
      empty={all !== undefined && all.length === 0}
      emptyTitle='暂无信易+ 场景'
      emptyDescription='参与的场馆和商户上线后会显示在这里。'
    >
      {all && all.length > 0 && (
        <View data-testid='incentives-page'>
          <View className='cx-card cx-incentives__intro'>
            <Text className='cx-incentives__intro-title'>信易+ 守信激励</Text>
            {personal ? (
              <Text className='cx-incentives__intro-text' data-testid='incentives-summary'>
                您当前可享受 {usableCount} 项权益。选择场景后点「出示凭证」，由商户扫码核验。
              </Text>
            ) : (
              <Text className='cx-incentives__intro-text'>
                信用积分达到要求的居民，在参与的场馆、商户和公共服务中可享受免押金、优惠、先享后付等便利。
              </Text>
            )}
            {!token && (
              <Text role='button' className='cx-incentives__login' data-testid='incentives-login' onClick={() => goToLogin()}>
                登录后查看我能享受哪些权益 ›
              </Text>
            )}
          </View>

          <View className='cx-incentives__chips' data-testid='incentive-chips'>
            {CATEGORY_CHIPS.map((c) => (
              <FilterChip
                key={c.code}
                label={c.label}
                active={effective.category === c.code}
                testId={`category-${c.code}`}
                onClick={() => setIncentiveFilter({ ...filter, category: c.code })}
              />
            ))}
            {personal && (
              <FilterChip
                label='只看可享受'
                active={effective.usableOnly}
                testId='usable-only'
                onClick={() => setIncentiveFilter({ ...filter, usableOnly: !filter.usableOnly })}
              />
            )}
          </View>

          {shown.length === 0 ? (
            <EmptyState
              testId='incentives-filtered-empty'
              title={effective.usableOnly ? '暂时没有可享受的场景' : '该分类暂无场景'}
              description={effective.usableOnly ? '保持良好信用、积分达到要求后即可享受。' : '看看其他分类吧。'}
              action={filtered ? { text: '查看全部场景', onClick: () => setIncentiveFilter(ALL_INCENTIVES) } : undefined}
            />
          ) : (
            shown.map((item) => <IncentiveCard key={item.id} item={item} />)
          )}
        </View>
      )}
    </PageShell>
  );
}
