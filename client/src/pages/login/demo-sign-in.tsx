import { Text, View } from '@tarojs/components';
import { devLogin, type AuthResponse, type DemoUserId } from '../../services/api';
import { DEMO_IDENTITIES } from './demo-identities';

export interface DemoSignInProps {
  /** Which sign-in is running (a demo user id, 'wechat') or null. */
  busy: string | null;
  setBusy: (busy: string | null) => void;
  onSignedIn: (auth: AuthResponse) => void;
}

/**
 * The demo identities of the local and test stages (H5 only). The weapp build takes
 * demo-sign-in.weapp.tsx instead (Taro resolves `.weapp` files first), so neither the identities nor
 * the dev-login call are in the mini program at all.
 */
export default function DemoSignIn({ busy, setBusy, onSignedIn }: DemoSignInProps) {
  const signInAs = async (id: DemoUserId) => {
    if (busy) return;
    setBusy(id);
    try {
      onSignedIn(await devLogin(id));
    } catch {
      // The API client has already told the user what went wrong.
      setBusy(null);
    }
  };

  return (
    <View className='cx-card'>
      <Text className='cx-section-title'>选择演示身份登录</Text>
      <Text className='cx-text-secondary'>本地演示环境，点选一个身份即可进入。</Text>
      <View className='cx-login__list'>
        {DEMO_IDENTITIES.map((d) => (
          <View
            role='button'
            key={d.id}
            className={`cx-login__item${busy === d.id ? ' cx-login__item--busy' : ''}`}
            hoverClass='cx-login__item--pressed'
            data-testid={`login-${d.id}`}
            onClick={() => signInAs(d.id)}
          >
            <View className='cx-login__avatar'>
              <Text>{d.name.slice(0, 1)}</Text>
            </View>
            <View className='cx-login__who'>
              <View className='cx-login__who-top'>
                <Text className='cx-login__who-name'>{d.name}</Text>
                <Text className='cx-login__role'>{d.role}</Text>
              </View>
              <Text className='cx-login__note'>{d.note}</Text>
            </View>
            <Text className='cx-login__go'>{busy === d.id ? '登录中…' : '›'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
