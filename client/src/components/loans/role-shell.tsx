import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import PageShell from '../page-shell';
import { useRequest } from '../../hooks/use-request';
import { getMe, type Me, type Role } from '../../services/api';
import { HOME_PAGE, useToken } from '../../services/session';

// The 信易贷 pages import the section error from here with the shell.
export { SectionError } from '../section-error';

export interface RoleMe {
  /** The role the pages are for. */
  role: Role;
  user: Me | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** The signed-in user has the role (a bank officer also needs the bank's organisation). */
  allowed: boolean;
}

export function useRoleMe(role: Role): RoleMe {
  const token = useToken();
  const me = useRequest(() => getMe().then((r) => r.user), [token], token !== null);
  const user = me.data;
  const allowed = Boolean(user?.roles.includes(role) && (role !== 'bank' || user.orgId));
  return { role, user, loading: me.loading, error: me.error, reload: me.reload, allowed };
}

/**
 * Whether the effects of a render with `enabled` have run. A list enabled in this render (once
 * the role is known) has not started loading yet: without this it would flash its empty state.
 */
export function useStarted(enabled: boolean): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (enabled) setStarted(true);
  }, [enabled]);
  return enabled && started;
}

interface RoleShellProps {
  me: RoleMe;
  /** What the pages call themselves in 「当前账号不能使用…」. */
  name: string;
  /** The page's own data, after the role is known. */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: string;
  emptyAction?: { text: string; onClick: () => void };
  children: (user: Me) => ReactNode;
}

/**
 * The 信易贷 role pages' frame: sign-in, loading, error, and 无权访问 for other roles; a bank's
 * pages say which bank the officer acts for.
 */
export default function RoleShell({ me, name, children, ...page }: RoleShellProps) {
  const { user, allowed } = me;
  const denied = Boolean(user) && !allowed;
  return (
    <PageShell
      actingFor={allowed && me.role === 'bank' ? user?.org : undefined}
      loading={(me.loading && !user) || (allowed && Boolean(page.loading))}
      error={me.error ?? (allowed ? page.error : undefined)}
      onRetry={me.error ? me.reload : page.onRetry}
      empty={denied || (allowed && Boolean(page.empty))}
      emptyTitle={denied ? '无权访问' : page.emptyTitle}
      emptyDescription={denied ? `当前账号不能使用${name}，请切换账号后再试。` : page.emptyDescription}
      emptyAction={denied ? { text: '返回首页', onClick: () => void Taro.switchTab({ url: HOME_PAGE }) } : page.emptyAction}
    >
      {user && allowed && children(user)}
    </PageShell>
  );
}
