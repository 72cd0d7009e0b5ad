import { Text, View } from '@tarojs/components';
import './index.scss';

/** The organisation a staff member acts for, as GET /api/me names it. */
export interface ActingOrg {
  name: string;
  status?: 'active' | 'suspended';
  suspendedReason?: string;
}

/**
 * 「代表：管城回族区博物馆」 at the top of every staff screen, so nobody acts for the wrong
 * organisation; a suspended organisation turns the strip red and says what that means.
 */
export default function OrgBadge({ org }: { org: ActingOrg }) {
  const suspended = org.status === 'suspended';
  return (
    <View className={`cx-org-badge${suspended ? ' cx-org-badge--suspended' : ''}`} data-testid='org-badge'>
      <View className='cx-org-badge__line'>
        <Text className='cx-org-badge__name' data-testid='org-badge-name'>{`代表：${org.name}`}</Text>
        {suspended && (
          <Text className='cx-org-badge__status' data-testid='org-badge-suspended'>
            已暂停
          </Text>
        )}
      </View>
      {suspended && (
        <Text className='cx-org-badge__notice' data-testid='org-badge-notice'>
          本单位已被信用中心暂停，相关业务暂停办理{org.suspendedReason ? `（原因：${org.suspendedReason}）` : ''}。如有疑问，请联系信用中心。
        </Text>
      )}
    </View>
  );
}
