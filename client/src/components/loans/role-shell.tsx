import { useEffect, useState, type ReactNode } from 'react';
import PageShell from '../page-shell';
import { cannotUse, deniedState } from '../page-shell/denied';
import { staffOf, useRoleSession, type RoleSession } from '../../hooks/use-role-session';
import type { Me, Role } from '../../services/api';

// The 信易贷 pages import the section error from here with the shell.
export { SectionError } from '../section-error';

/** `allowed`: the signed-in user has the role (a bank officer also needs the bank's organisation). */
export interface RoleMe extends RoleSession<Me> {
  /** The role the pages are for. */
  role: Role;
}

export function useRoleMe(role: Role): RoleMe {
  const session = useRoleSession<Me>(role === 'bank' ? staffOf('bank') : (user) => user.roles.includes(role));
  return { role, ...session };
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
      {...(denied ? deniedState(cannotUse(name)) : { emptyTitle: page.emptyTitle, emptyDescription: page.emptyDescription, emptyAction: page.emptyAction })}
    >
      {user && allowed && children(user)}
    </PageShell>
  );
}
