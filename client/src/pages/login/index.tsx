import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import LargeFontSetting from '../../components/large-font-setting';
import PageShell from '../../components/page-shell';
import { isApiError, wechatLogin, type AuthResponse } from '../../services/api';
import { currentPages, openPage, routeOf, TAB_PAGES } from '../../services/navigation';
import { PRIVACY_GUIDE_PAGE } from '../../services/privacy';
import { PUBLIC_PAGES } from '../../services/rights-pages';
import { HOME_PAGE, saveToken, takeReturnPath } from '../../services/session';
import DemoSignIn from './demo-sign-in';
import './index.scss';

/**
 * Signed in: back to the action that asked for it (出示凭证, 申请, 查看我的信用) — the page right
 * below when it is that page (it reloads for the new session), else opened afresh above 首页 (a
 * tab page on its own) — or 首页.
 */
export function enter(auth: AuthResponse): void {
  saveToken(auth.token);
  const back = takeReturnPath();
  if (!back) {
    // A fresh start so every tab page loads again for the new user.
    void Taro.reLaunch({ url: HOME_PAGE });
    return;
  }
  const pages = currentPages();
  const below = pages[pages.length - 2];
  if (below && routeOf(below.route ?? below.path ?? '') === routeOf(back)) {
    Taro.navigateBack().catch(() => Taro.reLaunch({ url: back }));
  } else if (TAB_PAGES.some((tab) => routeOf(tab) === routeOf(back))) {
    Taro.reLaunch({ url: back }).catch(() => Taro.reLaunch({ url: HOME_PAGE }));
  } else {
    Taro.reLaunch({ url: HOME_PAGE }).then(() => openPage(back), () => openPage(back));
  }
}

export default function LoginPage() {
  // The demo sign-in exists only where the backend runs in the local or test stage: the H5 app.
  // The weapp build does not even contain it: there DemoSignIn is demo-sign-in.weapp.tsx (renders nothing).
  const demoLogin = process.env.TARO_ENV === 'h5';
  const [busy, setBusy] = useState<string | null>(null);

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
        <DemoSignIn busy={busy} setBusy={setBusy} onSignedIn={enter} />
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
      <Text role='button' className='cx-login__verify' data-testid='open-report-verify' onClick={() => void Taro.navigateTo({ url: PUBLIC_PAGES.verify })}>
        核验他人出示的信用报告（无需登录） ›
      </Text>
      <Text role='button' className='cx-login__verify' data-testid='open-privacy-guide' onClick={() => void Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })}>
        《诚信管城用户隐私保护指引》 ›
      </Text>
      <View className='cx-login__settings'>
        <LargeFontSetting />
      </View>
    </PageShell>
  );
}
