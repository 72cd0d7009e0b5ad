import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import NoticeItem from '../../components/notice-item';
import { EmptyState } from '../../components/page-shell';
import type { RequestState } from '../../hooks/use-request';
import { isApiError, type Role } from '../../services/api';
import { PUBLIC_COLUMN_PAGES } from '../../services/commitments-api';
import { ENTERPRISE_PAGES } from '../../services/loans-pages';
import { openPage } from '../../services/navigation';
import { NOTICES_PAGE, type NoticesPage } from '../../services/notices-api';
import { RESIDENT_PAGES } from '../../services/resident-pages';
import { PUBLIC_PAGES, RIGHTS_PAGES } from '../../services/rights-pages';
import { goToLogin } from '../../services/session';
import './home-public.scss';


export interface QuickEntry {
  key: string;
  label: string;
  badge: string;
  tone: 'primary' | 'accent' | 'warm';
  open: () => void;
}

/** A page that needs a session: opened at once when signed in, else sign-in first and back to it afterwards. */
const personal = (url: string, signedIn: boolean) => () => (signedIn ? void openPage(url) : goToLogin(url));
const tab = (url: string) => () => void Taro.switchTab({ url });

/**
 * The quick entries for everyone. 查信用 and 信用修复 are a subject's own (a resident's or a
 * business's): signed out they ask to sign in and come back; staff without a subject role do not see them.
 */
export function quickEntries(roles: readonly Role[] | null): QuickEntry[] {
  const signedIn = roles !== null;
  const business = roles?.includes('enterprise') && !roles.includes('resident');
  const subject = !signedIn || roles.includes('resident') || roles.includes('enterprise');
  const entries: QuickEntry[] = [];
  if (subject) {
    entries.push({ key: 'credit', label: '查信用', badge: '信', tone: 'primary', open: personal(business ? ENTERPRISE_PAGES.business : RESIDENT_PAGES.credit, signedIn) });
  }
  entries.push(
    { key: 'incentives', label: '信易+', badge: '惠', tone: 'accent', open: tab('/pages/incentives/index') },
    { key: 'loans', label: '信易贷', badge: '贷', tone: 'warm', open: tab('/pages/loans/index') },
  );
  if (subject) entries.push({ key: 'repair', label: '信用修复', badge: '修', tone: 'primary', open: personal(RIGHTS_PAGES.cases, signedIn) });
  entries.push({ key: 'verify', label: '报告核验', badge: '验', tone: 'accent', open: () => void openPage(PUBLIC_PAGES.verify) });
  entries.push({ key: 'search', label: '企业信用查询', badge: '企', tone: 'warm', open: () => void openPage(PUBLIC_COLUMN_PAGES.search) });
  entries.push(
    { key: 'rules', label: '信用规则', badge: '规', tone: 'primary', open: () => void openPage(RESIDENT_PAGES.rules) },
    { key: 'measures', label: '惩戒清单', badge: '单', tone: 'accent', open: () => void openPage(PUBLIC_PAGES.measures) },
  );
  return entries;
}

export function QuickEntries({ roles }: { roles: readonly Role[] | null }) {
  return (
    <View className='cx-card cx-quick' data-testid='quick-entries'>
      {quickEntries(roles).map((e) => (
        <View key={e.key} role='button' className='cx-quick__item' hoverClass='cx-quick__item--pressed' data-testid={`quick-${e.key}`} onClick={e.open}>
          <View className={`cx-quick__badge cx-quick__badge--${e.tone}`}>
            <Text>{e.badge}</Text>
          </View>
          <Text className='cx-quick__label'>{e.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** What 诚信管城 is, for a first visit. */
export function Welcome() {
  return (
    <View className='cx-welcome' data-testid='home-welcome'>
      <Text className='cx-welcome__name'>诚信管城</Text>
      <Text className='cx-welcome__slogan'>管城回族区公共信用服务</Text>
      <Text className='cx-welcome__text'>
        查看个人信用积分，凭良好信用享受信易+ 免押金、优惠等便利；中小微企业凭信用申请信易贷；对信用记录有异议可在线申请更正或信用修复。
      </Text>
    </View>
  );
}

/** Signed out: what signing in adds, asked for only here and at the actions that need it. */
export function SignInCard() {
  return (
    <View className='cx-card cx-home-signin' data-testid='home-signin'>
      <View className='cx-home-signin__text'>
        <Text className='cx-section-title'>登录后查看我的信用</Text>
        <Text className='cx-text-secondary'>信用积分、可享受的信易+ 权益和出示信用凭证需要登录；浏览本页和信易+、信易贷无需登录。</Text>
      </View>
      <Button className='cx-btn cx-btn--block cx-home-signin__btn' data-testid='home-login' onClick={() => goToLogin('/pages/index/index')}>
        微信登录
      </Button>
    </View>
  );
}

/** 信用动态: the credit centre's three latest notices, with their own loading, error and empty states. */
export function NoticesCard({ notices }: { notices: RequestState<NoticesPage> }) {
  const items = notices.data?.items;
  return (
    <View className='cx-card cx-home-notices' data-testid='home-notices'>
      <View className='cx-home-notices__head'>
        <Text className='cx-section-title'>信用动态</Text>
        <View className='cx-home-notices__more' role='link' data-testid='home-notices-more' onClick={() => void openPage(NOTICES_PAGE)}>
          <Text>更多 ›</Text>
        </View>
      </View>
      {notices.loading && !items && (
        <View data-testid='home-notices-loading'>
          <View className='cx-skeleton cx-skeleton--title' />
          <View className='cx-skeleton' />
        </View>
      )}
      {notices.error !== undefined && !notices.loading && (
        <View className='cx-home-notices__error' data-testid='home-notices-error'>
          <Text className='cx-home-notices__error-text'>{isApiError(notices.error) ? notices.error.message : '信用动态加载失败'}</Text>
          <Button className='cx-btn cx-btn--secondary cx-home-notices__retry' onClick={() => void notices.reload()}>
            重试
          </Button>
        </View>
      )}
      {items && items.length === 0 && !notices.error && <EmptyState testId='home-notices-empty' title='暂无信用动态' description='信用中心发布的通知和政策解读会显示在这里。' />}
      {items && !notices.error && items.map((n) => <NoticeItem key={n.id} notice={n} />)}
    </View>
  );
}
