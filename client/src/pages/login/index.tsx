import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import PageShell from '../../components/page-shell';
import { devLogin, isApiError, wechatLogin, type AuthResponse, type DemoUserId } from '../../services/api';
import { PUBLIC_PAGES } from '../../services/rights-pages';
import { HOME_PAGE, saveToken } from '../../services/session';
import { DEMO_IDENTITIES } from './demo-identities';
import './index.scss';

function enter(auth: AuthResponse): void {
  saveToken(auth.token);
  // A fresh start so every tab page loads again for the new user.
  Taro.reLaunch({ url: HOME_PAGE });
}

export default function LoginPage() {
  // The demo sign-in exists only where the backend runs in the local or test stage: the H5 app.
  // (The build replaces TARO_ENV with a literal, so the weapp bundle drops the demo branch.)
  const demoLogin = process.env.TARO_ENV === 'h5';
  const [busy, setBusy] = useState<string | null>(null);

  const signInAs = async (id: DemoUserId) => {
    if (busy) return;
    setBusy(id);
    try {
      enter(await devLogin(id));
    } catch {
      // The API client has already told the user what went wrong.
      setBusy(null);
    }
  };

  const signInWithWechat = async () => {
    if (busy) return;
    setBusy('wechat');
    try {
      const { code } = await Taro.login();
      if (!code) throw new Error('no code');
      enter(await wechatLogin(code));
    } catch (e) {
      if (!isApiError(e)) {
        Taro.showToast({ title: '微信登录失败，请稍后重试', icon: 'none' });
      }
      setBusy(null);
    }
  };

  return (
    <PageShell requireAuth={false} className='cx-login'>
      <View className='cx-login__brand'>
        <View className='cx-login__logo'>
          <Text>信</Text>
        </View>
        <Text className='cx-login__name'>诚信管城</Text>
        <Text className='cx-login__slogan'>管城回族区公共信用服务</Text>
      </View>

      {demoLogin ? (
        <View className='cx-card'>
          <Text className='cx-section-title'>选择演示身份登录</Text>
          <Text className='cx-text-secondary'>本地演示环境，点选一个身份即可进入。</Text>
          <View className='cx-login__list'>
            {DEMO_IDENTITIES.map((d) => (
              <View
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
      ) : (
        <View className='cx-card'>
          <Text className='cx-section-title'>欢迎使用</Text>
          <Text className='cx-text-secondary'>使用微信账号登录，查看您的信用积分和信易+ 权益。</Text>
          <Button
            className='cx-btn cx-btn--block cx-login__wechat'
            data-testid='login-wechat'
            disabled={busy !== null}
            onClick={signInWithWechat}
          >
            {busy === 'wechat' ? '登录中…' : '微信一键登录'}
          </Button>
        </View>
      )}

      <Text className='cx-login__privacy'>
        登录即表示您同意我们依法处理您的信用信息。身份证号仅以脱敏形式显示，任何人查询您的信用信息都会留下记录。
      </Text>
      <Text className='cx-login__verify' data-testid='open-report-verify' onClick={() => void Taro.navigateTo({ url: PUBLIC_PAGES.verify })}>
        核验他人出示的信用报告（无需登录） ›
      </Text>
    </PageShell>
  );
}
