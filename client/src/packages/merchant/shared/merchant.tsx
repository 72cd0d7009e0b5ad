import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { cannotUse, deniedState } from '../../../components/page-shell/denied';
import { staffOf, useRoleSession, type RoleSession } from '../../../hooks/use-role-session';
import type { Me } from '../../../services/api';
import './merchant.scss';

/** `allowed`: the signed-in user is a merchant's staff (with an organisation). */
export type MerchantMe = RoleSession<Me>;

export function useMerchantMe(): MerchantMe {
  return useRoleSession<Me>(staffOf('merchant'));
}

interface MerchantShellProps {
  me: MerchantMe;
  /** What the merchant pages call themselves in 「当前账号不能使用…」. */
  name: string;
  children: (user: Me) => ReactNode;
}

/** The merchant pages' frame: sign-in, loading, error, and 无权访问 for anyone who is not a merchant. */
export function MerchantShell({ me, name, children }: MerchantShellProps) {
  const { user, allowed } = me;
  return (
    <PageShell
      actingFor={allowed ? user?.org : undefined}
      loading={me.loading && !user}
      error={me.error}
      onRetry={me.reload}
      empty={Boolean(user) && !allowed}
      {...deniedState(cannotUse(name))}
    >
      {user && allowed && children(user)}
    </PageShell>
  );
}

export function MerchantHeader({ title, user }: { title: string; user: Me }) {
  return (
    <View className='cx-mheader'>
      <Text className='cx-mheader__title'>{title}</Text>
      <Text className='cx-mheader__org' data-testid='merchant-org'>
        {user.org?.name ?? user.name}
      </Text>
    </View>
  );
}
