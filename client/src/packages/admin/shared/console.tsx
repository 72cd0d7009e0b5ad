import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { deniedState } from '../../../components/page-shell/denied';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { useSessionUser } from '../../../hooks/use-role-session';
import type { Me, Role } from '../../../services/api';
import { ORG_PAGES } from '../../../services/org-pages';
import { ADMIN_PAGES, adminCasesPage } from '../../../services/rights-pages';
import './console.scss';

export type ConsoleNavKey = 'dashboard' | 'orgs' | 'rules' | 'incentives' | 'measures' | 'cases' | 'notices' | 'commitments';

const NAV: ReadonlyArray<{ key: ConsoleNavKey; label: string; url: string }> = [
  { key: 'dashboard', label: '看板', url: ADMIN_PAGES.index },
  { key: 'orgs', label: '机构与人员', url: ORG_PAGES.orgs },
  { key: 'rules', label: '规则目录', url: ADMIN_PAGES.rules },
  { key: 'incentives', label: '信易+ 场景', url: ADMIN_PAGES.incentives },
  { key: 'measures', label: '惩戒措施', url: ADMIN_PAGES.measures },
  { key: 'cases', label: '异议/修复', url: adminCasesPage('objection') },
  { key: 'notices', label: '信用动态', url: ADMIN_PAGES.notices },
  { key: 'commitments', label: '承诺模板', url: '/packages/admin/commitment-templates/index' },
];

/** The credit centre's sections; moving between them replaces the page rather than stacking it. */
function ConsoleNav({ current }: { current?: ConsoleNavKey }) {
  return (
    <View className='cx-console-nav' data-testid='console-nav'>
      {NAV.map((n) => (
        <View
          role='button'
          key={n.key}
          className={`cx-console-nav__item${n.key === current ? ' cx-console-nav__item--active' : ''}`}
          data-testid={`console-nav-${n.key}`}
          onClick={n.key === current ? undefined : () => void Taro.redirectTo({ url: n.url })}
        >
          <Text>{n.label}</Text>
        </View>
      ))}
    </View>
  );
}

interface ConsoleFrameProps {
  /** Roles allowed on this page. */
  roles: readonly Role[];
  /** The page's heading (and the navigation bar's title), per user. */
  title: (me: Me) => string;
  subtitle?: (me: Me) => string | undefined;
  /** Highlighted in the centre's navigation (shown to the admin only). */
  nav?: ConsoleNavKey;
  /** Reload the page's own data on pull-to-refresh. */
  onRefresh?: () => Promise<void>;
  /** The page's content for an allowed user; `refresh` goes up on each pull-to-refresh. */
  children: (me: Me, refresh: number) => ReactNode;
}

/**
 * The frame of the console's pages: checks the role, titles the page, shows the centre's
 * navigation, and lays the content out for a phone or (≥ 768 px) a desktop browser.
 */
export default function ConsoleFrame({ roles, title, subtitle, nav, onRefresh, children }: ConsoleFrameProps) {
  const me = useSessionUser();
  const [refresh, setRefresh] = useState(0);
  usePullToRefresh(async () => {
    setRefresh((n) => n + 1);
    await Promise.all([me.reload(), onRefresh?.()]);
  });
  const user = me.data;
  const allowed = user ? user.roles.some((r) => roles.includes(r)) : false;
  const heading = user && allowed ? title(user) : undefined;
  const sub = user && allowed ? subtitle?.(user) : undefined;

  useEffect(() => {
    if (heading) Taro.setNavigationBarTitle({ title: heading }).catch(() => undefined);
  }, [heading]);

  return (
    <PageShell
      className='cx-console'
      actingFor={allowed ? user?.org : undefined}
      loading={me.loading && !user}
      error={me.error}
      onRetry={me.reload}
      empty={Boolean(user) && !allowed}
      {...deniedState('当前账号不能使用此功能，请切换账号后再试。')}
    >
      {user && allowed && (
        <View className='cx-console__body'>
          {user.roles.includes('admin') && <ConsoleNav current={nav} />}
          <View className='cx-console__heading'>
            <Text className='cx-console__title' data-testid='console-title'>
              {heading}
            </Text>
            <Text className='cx-console__org'>{sub ?? user.org?.name ?? user.name}</Text>
          </View>
          {children(user, refresh)}
        </View>
      )}
    </PageShell>
  );
}
