import { View } from '@tarojs/components';
// Styles in the order every other page has them (entry-card, page-shell, loans components), so
// the mini program's shared stylesheet has one consistent order.
import '../../../components/entry-card/index.scss';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import EnterpriseSection from '../../../components/loans/enterprise-section';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { useAccountVersion } from '../../../services/account';
import { loadMyEnterprise } from '../shared/enterprise';

/** 企业服务: the business card or 企业认证, and the shortcuts (also shown on the 首页 tab). */
export default function EnterpriseHome() {
  const me = useRoleMe('enterprise');
  const accountVersion = useAccountVersion();
  const business = useRequest(loadMyEnterprise, [me.user?.id, me.user?.orgId, accountVersion], me.allowed);
  usePullToRefresh(async () => {
    await Promise.all([me.reload(), business.reload()]);
  });

  return (
    <RoleShell
      me={me}
      name='企业服务'
      loading={business.data === undefined && !business.error}
      error={business.error}
      onRetry={business.reload}
    >
      {() =>
        business.data !== undefined && (
          <View data-testid='enterprise-home'>
            <EnterpriseSection business={business.data} />
          </View>
        )
      }
    </RoleShell>
  );
}
