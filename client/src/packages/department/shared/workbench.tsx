import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { deniedState } from '../../../components/page-shell/denied';
import { useRequest, type RequestState } from '../../../hooks/use-request';
import { staffOf, useRoleSession, type RoleSession } from '../../../hooks/use-role-session';
import { getDepartmentMe, getRuleCatalogue, type DepartmentMe, type RuleView } from '../../../services/department-api';
import { departmentRules } from './rules';
import './workbench.scss';

/** `allowed`: department staff bound to a department. */
export type DepartmentSession = RoleSession<DepartmentMe>;

export function useDepartmentMe(): DepartmentSession {
  return useRoleSession<DepartmentMe>(staffOf('department'), () => getDepartmentMe().then((r) => r.user));
}

/** The rules the signed-in department may submit (the whole catalogue is one request); `refresh` reloads them. */
export function useDepartmentRules(user: DepartmentMe, refresh = 0): RequestState<RuleView[]> {
  return useRequest(() => getRuleCatalogue().then((r) => departmentRules(r.items, user)), [user.orgId, (user.feeds?.rules ?? []).join(','), refresh]);
}

export const isSuspended = (user: DepartmentMe) => user.org?.status === 'suspended';

interface ShellProps {
  session: DepartmentSession;
  /** The page's title, also set on the navigation bar. */
  title: string;
  /** One sentence under the department's name. */
  subtitle?: string;
  children: (user: DepartmentMe) => ReactNode;
}

/**
 * The frame of the workbench's pages: sign-in, loading, error and 无权访问 for anyone who is not
 * department staff; the department's name as a header; a warning while the department is
 * suspended; a phone column that becomes a centred desktop layout from 768 px (H5 console).
 */
export function DepartmentShell({ session, title, subtitle, children }: ShellProps) {
  const { user, allowed } = session;
  useEffect(() => {
    if (user && allowed) Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [user, allowed, title]);
  return (
    <PageShell
      className='cx-dept'
      loading={session.loading && !user}
      error={session.error}
      onRetry={session.reload}
      empty={Boolean(user) && !allowed}
      {...deniedState('部门工作台仅供各报送部门的工作人员使用，请切换账号后再试。')}
    >
      {user && allowed && (
        <View className='cx-dept__body'>
          <View className='cx-dept__header'>
            <Text className='cx-dept__title' data-testid='dept-title'>
              {title}
            </Text>
            <Text className='cx-dept__org' data-testid='dept-org'>
              {user.org?.name ?? '本部门'}
              {subtitle ? ` · ${subtitle}` : ''}
            </Text>
          </View>
          {isSuspended(user) && (
            <View className='cx-dept__banner cx-dept__banner--danger' data-testid='dept-suspended' role='alert'>
              <Text>本部门的报送权限已被信用中心暂停，暂不能报送新记录；已报送的记录仍可查看。如有疑问请联系信用中心。</Text>
            </View>
          )}
          {children(user)}
        </View>
      )}
    </PageShell>
  );
}
