import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { getMe, type Me } from '../../../services/api';
import { HOME_PAGE, useToken } from '../../../services/session';
import './merchant.scss';

export interface MerchantMe {
  user: Me | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** The signed-in user is a merchant's staff (with an organisation). */
  allowed: boolean;
}

export function useMerchantMe(): MerchantMe {
  const token = useToken();
  const me = useRequest(() => getMe().then((r) => r.user), [token], token !== null);
  const user = me.data;
  return { user, loading: me.loading, error: me.error, reload: me.reload, allowed: Boolean(user?.roles.includes('merchant') && user.orgId) };
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
      emptyTitle='无权访问'
      emptyDescription={`当前账号不能使用${name}，请切换账号后再试。`}
      emptyAction={{ text: '返回首页', onClick: () => void Taro.switchTab({ url: HOME_PAGE }) }}
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
