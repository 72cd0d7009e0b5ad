import { useRef, type MutableRefObject } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { EmptyState } from '../../../components/page-shell';
import RedemptionRow from '../../../components/redemption-row';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import { getIncentives, getRedemptions, type IncentiveView, type Me } from '../../../services/api';
import { quotaText } from '../../../services/incentives';
import { MERCHANT_PAGES, verifyPage } from '../../../services/merchant-pages';
import { MerchantHeader, MerchantShell, useMerchantMe } from '../shared/merchant';
import { SectionError } from '../../../components/section-error';
import './index.scss';

const RECENT = 5;

function Scenario({ item }: { item: IncentiveView }) {
  return (
    <View className='cx-merchant__scenario' data-testid='merchant-scenario'>
      <View className='cx-merchant__scenario-top'>
        <Text className='cx-merchant__scenario-category'>{item.categoryLabel}</Text>
        <Text className='cx-merchant__scenario-title'>{item.title}</Text>
        {!item.active && <Text className='cx-merchant__scenario-off'>已暂停</Text>}
      </View>
      <Text className='cx-merchant__scenario-benefit'>{item.benefit}</Text>
      <Text className='cx-merchant__scenario-rule'>
        信用积分 ≥ {item.minPoints} 分 · 每人{quotaText(item.quota)}
      </Text>
    </View>
  );
}

interface AreaProps {
  user: Me;
  /** Set to this content's reload, for the page's pull-to-refresh. */
  reloadRef: MutableRefObject<(() => Promise<void>) | null>;
}

/** The area's content, mounted once the merchant is known, so its lists start out loading. */
function MerchantArea({ user, reloadRef }: AreaProps) {
  const orgId = user.orgId;
  const recent = useRequest(() => getRedemptions({ limit: RECENT }), [orgId]);
  const scenarios = useRequest(
    () => getIncentives().then((r) => r.items.filter((i) => i.merchants.some((m) => m.id === orgId))),
    [orgId],
  );
  reloadRef.current = async () => {
    await Promise.all([recent.reload(), scenarios.reload()]);
  };

  const miniProgram = process.env.TARO_ENV === 'weapp';

  return (
    <View data-testid='merchant-home'>
      <MerchantHeader title='商户核验' user={user} />
      <Button
        className='cx-btn cx-btn--block cx-merchant__scan'
        data-testid='merchant-scan'
        onClick={() => void Taro.navigateTo({ url: verifyPage(miniProgram) })}
      >
        {miniProgram ? '扫码核验' : '核验凭证'}
      </Button>

      <View className='cx-card cx-merchant__today'>
        <View>
          <Text className='cx-merchant__today-label'>今日核销</Text>
          <Text className='cx-text-secondary'>今日 0 点起累计（笔）</Text>
        </View>
        <Text className='cx-merchant__today-count' data-testid='merchant-today-count'>
          {recent.data?.todayCount ?? '–'}
        </Text>
      </View>

      <View className='cx-card' data-testid='merchant-recent'>
        <View className='cx-merchant__section-head'>
          <Text className='cx-section-title'>最近核销</Text>
          <Text
            role='button'
            className='cx-merchant__more'
            data-testid='merchant-history-link'
            onClick={() => void Taro.navigateTo({ url: MERCHANT_PAGES.history })}
          >
            全部记录 ›
          </Text>
        </View>
        {recent.loading && !recent.data && <Text className='cx-text-secondary'>加载中…</Text>}
        {!recent.loading && recent.error !== undefined && (
          <SectionError compact testId='merchant-recent-error' error={recent.error} onRetry={() => void recent.reload()} />
        )}
        {recent.data && !recent.error && recent.data.items.length === 0 && (
          <EmptyState testId='merchant-recent-empty' title='暂无核销记录' description='居民出示凭证并核验通过后，记录会显示在这里。' />
        )}
        {recent.data && !recent.error && recent.data.items.map((r) => <RedemptionRow key={r.id} item={r} viewer='merchant' />)}
      </View>

      <View className='cx-card' data-testid='merchant-scenarios'>
        <Text className='cx-section-title'>参与的信易+ 场景</Text>
        {scenarios.loading && !scenarios.data && <Text className='cx-text-secondary'>加载中…</Text>}
        {!scenarios.loading && scenarios.error !== undefined && (
          <SectionError compact testId='merchant-scenarios-error' error={scenarios.error} onRetry={() => void scenarios.reload()} />
        )}
        {scenarios.data && !scenarios.error && scenarios.data.length === 0 && (
          <Text className='cx-text-secondary'>本单位暂未参与信易+ 场景，请联系信用中心。</Text>
        )}
        {scenarios.data && !scenarios.error && scenarios.data.map((s) => <Scenario key={s.id} item={s} />)}
      </View>
    </View>
  );
}

/** The merchant's area: 扫码核验, today's redemptions and the latest ones, and the scenarios it takes part in. */
export default function MerchantHome() {
  const me = useMerchantMe();
  const reloadRef = useRef<(() => Promise<void>) | null>(null);
  // Registered by the page itself, so a pull works in its loading and error states too.
  usePullToRefresh(async () => {
    await Promise.all([me.reload(), reloadRef.current?.()]);
  });
  // Back from 核验: the count and the list include what was just redeemed.
  useReloadOnReturn(() => reloadRef.current?.());
  return (
    <MerchantShell me={me} name='商户核验'>
      {(user) => <MerchantArea user={user} reloadRef={reloadRef} />}
    </MerchantShell>
  );
}
