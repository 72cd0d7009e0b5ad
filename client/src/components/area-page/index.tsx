import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getMe, type Me, type Role } from '../../services/api';
import { ROLE_LABELS } from '../../services/roles';
import { HOME_PAGE, useToken } from '../../services/session';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import PageShell, { EmptyState } from '../page-shell';
import './index.scss';

export interface AreaCopy {
  title: string;
  purpose: string;
  /** What the area will offer, as plain lines (no fake entries). */
  features: string[];
  emptyTitle: string;
  emptyDescription: string;
}

interface AreaPageProps {
  /** Roles allowed in this area. */
  roles: readonly Role[];
  /** The copy for the signed-in user (the admin area serves two roles with different words). */
  copyFor: (me: Me) => AreaCopy;
  deniedName: string;
}

/** A role area's entry page: checks the role, shows the area's header and an honest empty state. */
export default function AreaPage({ roles, copyFor, deniedName }: AreaPageProps) {
  const token = useToken();
  const me = useRequest(() => getMe().then((r) => r.user), [token], token !== null);
  usePullToRefresh(me.reload);

  const user = me.data;
  const allowed = user ? user.roles.some((r) => roles.includes(r)) : false;
  const copy = user && allowed ? copyFor(user) : null;
  const title = copy?.title;

  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  return (
    <PageShell
      loading={me.loading && !user}
      error={me.error}
      onRetry={me.reload}
      empty={Boolean(user) && !allowed}
      emptyTitle='无权访问'
      emptyDescription={`当前账号不能使用${deniedName}，请切换账号后再试。`}
      emptyAction={{ text: '返回首页', onClick: () => Taro.switchTab({ url: HOME_PAGE }) }}
    >
      {user && copy && (
        <View data-testid='area-page'>
          <View className='cx-area-header'>
            <Text className='cx-area-header__title'>{copy.title}</Text>
            <Text className='cx-area-header__org'>
              {user.org?.name ?? user.name} · {user.roles.map((r) => ROLE_LABELS[r]).join('、')}
            </Text>
          </View>
          <View className='cx-card'>
            <Text className='cx-section-title'>这里可以做什么</Text>
            <Text className='cx-area__purpose'>{copy.purpose}</Text>
            {copy.features.map((f) => (
              <View key={f} className='cx-area__feature'>
                <View className='cx-area__dot' />
                <Text>{f}</Text>
              </View>
            ))}
          </View>
          <EmptyState title={copy.emptyTitle} description={copy.emptyDescription} testId='area-empty' />
        </View>
      )}
    </PageShell>
  );
}
