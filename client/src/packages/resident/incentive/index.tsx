import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import IncentiveStatus from '../../../components/incentive-status';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { accountChanged } from '../../../services/account';
import { getIncentives, type IncentiveView } from '../../../services/api';
import { quotaText, stockText } from '../../../services/incentives';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { goToLogin, useToken } from '../../../services/session';
import { chinaDate } from '../../../services/time';
import PassView from './pass-view';
import './index.scss';

// Taro passes query values encoded on some platforms and decoded on others.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The last day a scenario runs: its end is exclusive (midnight that starts the next day). */
const lastDay = (validUntil: string) => chinaDate(new Date(new Date(validUntil).getTime() - 1).toISOString());

function Condition({ text, testId }: { text: string; testId?: string }) {
  return (
    <View className='cx-scenario__cond' data-testid={testId}>
      <View className='cx-scenario__dot' />
      <Text className='cx-scenario__cond-text'>{text}</Text>
    </View>
  );
}

function conditions(item: IncentiveView): string[] {
  const list = ['已完成实名认证，并同意个人信息处理授权', `信用积分达到 ${item.minPoints} 分及以上`];
  if (item.excludeSerious) list.push('没有被依法限制享受守信激励的严重失信记录');
  list.push(`每人${quotaText(item.quota)}`);
  const stock = stockText(item);
  if (stock) list.push(stock);
  return list;
}

// The server's reason for a resident who has not verified their real name yet.
const REAL_NAME_REASON = '请先完成实名认证';

function ShowPassAction({ item, signedIn, onShow }: { item: IncentiveView; signedIn: boolean; onShow: () => void }) {
  if (!signedIn) {
    return (
      <Button className='cx-btn cx-btn--block cx-scenario__show' data-testid='show-pass-login' onClick={() => goToLogin()}>
        登录后出示凭证
      </Button>
    );
  }
  if (item.eligible === undefined) {
    return (
      <View className='cx-scenario__note' data-testid='show-pass-resident-only'>
        <Text>出示凭证仅面向居民账号；当前账号可查看场景说明。</Text>
      </View>
    );
  }
  return (
    <View>
      <Button
        className='cx-btn cx-btn--block cx-scenario__show'
        data-testid='show-pass'
        // Taro's H5 button renders disabled="false" as an attribute, which still reads as disabled.
        disabled={item.eligible ? undefined : true}
        onClick={item.eligible ? onShow : undefined}
      >
        出示凭证
      </Button>
      {!item.eligible && (
        <Text className='cx-scenario__why' data-testid='show-pass-why'>
          暂不可用：{(item.reasons ?? []).join('；')}
        </Text>
      )}
      {item.reasons?.includes(REAL_NAME_REASON) && (
        <Button
          className='cx-btn cx-btn--secondary cx-btn--block cx-scenario__verify'
          data-testid='show-pass-real-name'
          onClick={() => void Taro.navigateTo({ url: RESIDENT_PAGES.realName })}
        >
          去实名认证
        </Button>
      )}
    </View>
  );
}

function Details({ item, signedIn, onShow }: { item: IncentiveView; signedIn: boolean; onShow: () => void }) {
  return (
    <View data-testid='scenario-details'>
      <View className='cx-card cx-scenario__head'>
        <Text className='cx-scenario__category'>{item.categoryLabel}</Text>
        <Text className='cx-scenario__title' data-testid='scenario-title'>
          {item.title}
        </Text>
        <Text className='cx-scenario__benefit'>{item.benefit}</Text>
        {item.eligible !== undefined && (
          <View className='cx-scenario__status'>
            <IncentiveStatus item={item} testId='scenario-status' />
          </View>
        )}
        <ShowPassAction item={item} signedIn={signedIn} onShow={onShow} />
      </View>

      {item.description !== '' && (
        <View className='cx-card'>
          <Text className='cx-section-title'>场景说明</Text>
          <Text className='cx-scenario__text'>{item.description}</Text>
        </View>
      )}

      <View className='cx-card' data-testid='scenario-conditions'>
        <Text className='cx-section-title'>谁可以享受</Text>
        {conditions(item).map((c) => (
          <Condition key={c} text={c} />
        ))}
      </View>

      <View className='cx-card'>
        <Text className='cx-section-title'>适用商户</Text>
        {item.merchants.map((m) => (
          <Condition key={m.id} text={m.name} testId='scenario-merchant' />
        ))}
        <Text className='cx-scenario__dates'>
          活动时间：{chinaDate(item.validFrom)} 至 {lastDay(item.validUntil)}
          {item.active ? '' : '（已暂停）'}
        </Text>
      </View>

      <View className='cx-card'>
        <Text className='cx-section-title'>如何使用</Text>
        <Text className='cx-scenario__text'>
          到店后点「出示凭证」，由工作人员扫码核验，通过即可享受。凭证 60 秒内有效并自动刷新，仅限本人当次使用；核验只会告知商户您是否符合条件和脱敏后的姓名。
        </Text>
      </View>
    </View>
  );
}

/** A 信易+ scenario: what it offers, who qualifies, and 出示凭证 for a resident who may use it. */
export default function IncentivePage() {
  const { params } = useRouter();
  const id = safeDecode(params.id ?? '');
  const token = useToken();
  const list = useRequest(() => getIncentives(), [token]);
  const [showing, setShowing] = useState(false);
  const [pageVisible, setPageVisible] = useState(true);
  useDidShow(() => setPageVisible(true));
  useDidHide(() => setPageVisible(false));

  const showingRef = useRef(showing);
  showingRef.current = showing;
  // While the pass is on screen a pull must not reload the page under it.
  usePullToRefresh(() => (showingRef.current ? Promise.resolve() : list.reload()));

  // Signed out meanwhile (or the session expired while polling): no pass without a session.
  useEffect(() => {
    if (!token) setShowing(false);
  }, [token]);

  const item = list.data?.items.find((i) => i.id === id);
  const title = item?.title;
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  const close = (used: boolean) => {
    setShowing(false);
    if (used) {
      // The quota changed: this page and the 信易+ tab show the new standing.
      accountChanged();
      void list.reload();
    }
  };

  return (
    <PageShell
      requireAuth={false}
      loading={list.loading && !list.data}
      error={list.error}
      onRetry={list.reload}
      empty={list.data !== undefined && !item}
      emptyTitle='场景不存在或已下线'
      emptyDescription='请返回信易+ 查看当前可用的场景。'
      emptyAction={{ text: '返回信易+', onClick: () => void Taro.switchTab({ url: '/pages/incentives/index' }) }}
    >
      {item && (
        <View data-testid='scenario-page'>
          {showing ? (
            <PassView item={item} running={pageVisible} onClose={close} />
          ) : (
            <Details item={item} signedIn={token !== null} onShow={() => setShowing(true)} />
          )}
        </View>
      )}
    </PageShell>
  );
}
