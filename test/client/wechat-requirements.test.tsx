import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as api from '../../client/src/services/api';
import LoginPage from '../../client/src/pages/login';
import HomePage from '../../client/src/pages/index';
import IncentivesPage from '../../client/src/pages/incentives';
import LoansPage from '../../client/src/pages/loans';
import IncentivePage from '../../client/src/packages/resident/incentive';
import ProductPage from '../../client/src/packages/enterprise/product';
import RulesPage from '../../client/src/packages/resident/rules';
import PublicMeasuresPage from '../../client/src/packages/public/measures';
import VerifyPage from '../../client/src/packages/public/verify';
import NoticesPage from '../../client/src/packages/public/notices';
import PrivacyGuidePage from '../../client/src/packages/public/privacy';
import { copyCode } from '../../client/src/packages/org/staff/invite-sheet';
import { copyToClipboard, readClipboard } from '../../client/src/services/clipboard';
import { MAX_STACK_DEPTH, openInLoop, openPage, type StackPage } from '../../client/src/services/navigation';
import { installPrivacyHandler } from '../../client/src/services/privacy';
import { RECORD_CASES_LOOP } from '../../client/src/services/rights-pages';
import { clearSession, getToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fakeApi, ok } from './support/fake-api';
import { CATALOGUE, makePass, ZHANG_CATALOGUE } from './support/incentive-fixtures';
import { CHENGXIN, SHUIYI } from './support/loans-fixtures';
import { RULES } from './support/credit-fixtures';
import { MEASURES_V1 } from '../../functions/measures/measures-v1';

jest.mock('../../client/src/services/api', () => ({
  ...jest.requireActual('../../client/src/services/api'),
  devLogin: jest.fn(),
}));
const devLogin = api.devLogin as jest.MockedFunction<typeof api.devLogin>;

const taro = Taro as unknown as Record<string, jest.Mock | undefined>;
/** The page stack WeChat reports (Taro.getCurrentPages), top last. */
function stackOf(...pages: StackPage[]) {
  taro.getCurrentPages = jest.fn(() => pages);
}
afterEach(() => {
  delete taro.getCurrentPages;
  delete taro.onNeedPrivacyAuthorization;
  delete taro.getClipboardData;
  process.env.TARO_ENV = 'h5';
});

const NOTICES = {
  items: [
    { id: '20261201020000000-0000d003', category: 'news', categoryLabel: '工作动态', title: '信易游新增区博物馆免费入馆场景', body: '信用积分达到 100 分的居民可免费入馆。', publishedAt: '2026-12-01T02:00:00.000Z', updatedAt: '2026-12-01T02:00:00.000Z' },
  ],
  nextCursor: null,
};

describe('WeChat privacy: the app’s own agreement sheet answers onNeedPrivacyAuthorization', () => {
  /** Installs the handler as the weapp build does and returns what WeChat would call. */
  function weappPrivacy() {
    process.env.TARO_ENV = 'weapp';
    let listener: ((resolve: jest.Mock, info?: { referrer?: string }) => void) | undefined;
    taro.onNeedPrivacyAuthorization = jest.fn((l) => {
      listener = l;
    });
    installPrivacyHandler();
    expect(taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    return (referrer: string) => {
      const resolve = jest.fn();
      act(() => listener!(resolve, { referrer }));
      return resolve;
    };
  }

  it('shows the sheet when WeChat holds an API, and 同意 lets it go on with the agree button’s id', () => {
    const hold = weappPrivacy();
    render(<PrivacyGuidePage />);
    expect(screen.queryByTestId('privacy-sheet')).not.toBeInTheDocument();
    const resolve = hold('setClipboardData');
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    const sheet = screen.getByTestId('privacy-sheet');
    expect(sheet).toHaveTextContent('剪贴板');
    expect(sheet).toHaveTextContent('《诚信管城用户隐私保护指引》');
    const agree = screen.getByRole('button', { name: '同意' });
    expect(agree).toHaveAttribute('id', 'agree-btn');
    fireEvent.click(agree);
    expect(resolve).toHaveBeenLastCalledWith({ buttonId: 'agree-btn', event: 'agree' });
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('privacy-sheet')).not.toBeInTheDocument();
  });

  it('拒绝 makes the held API fail (disagree), answering every call that was waiting', () => {
    const hold = weappPrivacy();
    render(<PrivacyGuidePage />);
    const first = hold('scanCode');
    const second = hold('getClipboardData');
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(second).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(first).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }));
    expect(screen.queryByTestId('privacy-sheet')).not.toBeInTheDocument();
  });

  it('links to the 用户隐私保护指引 page from the sheet', () => {
    const hold = weappPrivacy();
    render(<PrivacyGuidePage />);
    hold('login');
    fireEvent.click(screen.getByTestId('privacy-guide-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/privacy/index' });
    fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
  });

  it('registers nothing in H5 (there is no privacy check there)', () => {
    taro.onNeedPrivacyAuthorization = jest.fn();
    installPrivacyHandler();
    expect(taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
  });

  it('lists exactly what is collected in the guidelines: login id, name and ID number (Tencent Cloud FaceID), clipboard, camera', () => {
    render(<PrivacyGuidePage />);
    const items = screen.getAllByTestId('privacy-collected');
    expect(items.map((i) => i.querySelector('.cx-guide__what')?.textContent)).toEqual([
      '微信登录标识（登录凭证 code 换取的 openid）',
      '姓名和身份证号',
      '剪贴板',
      '摄像头',
    ]);
    expect(items[1]).toHaveTextContent('腾讯云人脸核身（FaceID）');
    expect(items[1]).toHaveTextContent('身份证号本身不保存');
    const page = screen.getByTestId('privacy-guide');
    for (const heading of ['保存期限', '您的权利', '联系我们']) expect(page).toHaveTextContent(heading);
  });
});

describe('clipboard failures are told to the user, never swallowed', () => {
  const refuse = () => (Taro.setClipboardData as jest.Mock).mockImplementation(() => Promise.reject(new Error('setClipboardData:fail privacy permission is not authorized')));

  it('copyToClipboard toasts the failure and says it failed', async () => {
    refuse();
    await expect(copyToClipboard('ABC')).resolves.toBe(false);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '复制失败，请长按内容手动复制', icon: 'none' }));
  });

  it('readClipboard toasts when the clipboard cannot be read', async () => {
    taro.getClipboardData = jest.fn(() => Promise.reject(new Error('getClipboardData:fail')));
    await expect(readClipboard()).resolves.toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '无法读取剪贴板，请长按输入框粘贴' }));
  });

  it('the invitation code’s 复制 says so when copying fails', async () => {
    refuse();
    await copyCode('ABCDEF123456');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '复制失败，请长按邀请码手动复制' }));
  });

  it('the pass’s 复制凭证码 says so when copying fails', async () => {
    refuse();
    const { saveToken } = jest.requireActual('../../client/src/services/session');
    saveToken('tok-zhang');
    setRouterParams({ id: 'museum-free-entry' });
    fakeApi({ 'GET /api/incentives': ok({ items: ZHANG_CATALOGUE, nextCursor: null }), 'POST /api/incentives/museum-free-entry/passes': { status: 201, body: makePass(60) } });
    const view = render(<IncentivePage />);
    fireEvent.click(await screen.findByTestId('show-pass'));
    fireEvent.click(await screen.findByTestId('pass-copy'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '复制失败，请把凭证码读给工作人员' })));
    view.unmount();
  });
});

describe('navigation never fails silently at WeChat’s 10-page stack', () => {
  const page = (route: string) => ({ route });

  it('stacks a page while there is room, and replaces the current one once the stack is deep', async () => {
    stackOf(page('pages/index/index'));
    await openPage('/packages/public/verify/index');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/verify/index' });
    stackOf(...Array.from({ length: MAX_STACK_DEPTH }, (_, i) => page(`p/${i}`)));
    await openPage('/packages/public/measures/index');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/public/measures/index' });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('reads WeChat’s global getCurrentPages in the mini program, where Taro has none', async () => {
    const g = globalThis as unknown as { getCurrentPages?: () => StackPage[] };
    g.getCurrentPages = () => Array.from({ length: MAX_STACK_DEPTH }, (_, i) => page(`p/${i}`));
    try {
      await openPage('/packages/public/measures/index');
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/public/measures/index' });
      expect(Taro.navigateTo).not.toHaveBeenCalled();
    } finally {
      delete g.getCurrentPages;
    }
  });

  it('replaces the page when navigateTo is refused, and toasts when that fails too', async () => {
    (Taro.navigateTo as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('navigateTo:fail webview count limit exceed')));
    await openPage('/packages/public/verify/index');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/public/verify/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
    (Taro.navigateTo as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('navigateTo:fail')));
    (Taro.redirectTo as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('redirectTo:fail')));
    await openPage('/packages/public/verify/index');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '页面打开失败，请返回后重试' }));
  });

  it('goes round record → 异议与修复 → record by replacing pages, never stacking more than two of them', async () => {
    // credit → record: the first hop into the loop stacks.
    stackOf(page('pages/index/index'), page('packages/resident/credit/index'), page('packages/resident/event/index'));
    await openInLoop('/packages/resident/cases/index', RECORD_CASES_LOOP);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/resident/cases/index' });
    // record → 异议与修复 → record: the page below is already in the loop, so the next hop replaces.
    stackOf(page('pages/index/index'), page('packages/resident/credit/index'), page('packages/resident/event/index'), page('packages/resident/cases/index'));
    await openInLoop('/packages/resident/event/index?id=e2', RECORD_CASES_LOOP);
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/resident/event/index?id=e2' });
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
  });
});

describe('signed out: the public pages work without a session and never send to sign-in', () => {
  beforeEach(() => clearSession());

  const leftForSignIn = () =>
    [...(Taro.navigateTo as jest.Mock).mock.calls, ...(Taro.reLaunch as jest.Mock).mock.calls, ...(Taro.redirectTo as jest.Mock).mock.calls].some(([o]) => String(o.url).startsWith('/pages/login'));

  it.each([
    ['首页', () => <HomePage />, 'home-welcome'],
    ['信易+', () => <IncentivesPage />, 'incentives-page'],
    ['信易+ scenario', () => <IncentivePage />, 'scenario-conditions'],
    ['信易贷', () => <LoansPage />, 'loans-products'],
    ['信易贷 product', () => <ProductPage />, 'product-criteria'],
    ['信用规则', () => <RulesPage />, 'rules-version'],
    ['联合惩戒措施清单', () => <PublicMeasuresPage />, 'public-measures'],
    ['报告核验', () => <VerifyPage />, 'page-root'],
    ['信用动态', () => <NoticesPage />, 'notices-page'],
  ])('%s renders its content signed out', async (_name, page, testId) => {
    setRouterParams({ id: testId === 'product-criteria' ? 'zy-shuiyi-dai' : 'museum-free-entry' });
    const request = fakeApi({
      'GET /api/notices': ok(NOTICES),
      'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }),
      'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI], nextCursor: null }),
      'GET /api/rules': ok(RULES),
      'GET /api/measures': ok({ items: MEASURES_V1.slice(0, 2).map((m) => ({ ...m, updatedAt: '2026-01-01T00:00:00.000Z' })), nextCursor: null }),
    });
    render(page());
    expect(await screen.findByTestId(testId)).toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
    expect(leftForSignIn()).toBe(false);
    // Nothing personal is asked for without a session.
    const paths = request.mock.calls.map(([o]) => String(o.url));
    expect(paths.filter((p) => p === '/api/me' || p.startsWith('/api/me/') || p.startsWith('/api/points'))).toEqual([]);
    expect(request.mock.calls.every(([o]) => !o.header?.Authorization)).toBe(true);
  });

  it('shows a scenario’s conditions without a verdict, and 出示凭证 asks to sign in', async () => {
    setRouterParams({ id: 'museum-free-entry' });
    fakeApi({ 'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }) });
    render(<IncentivePage />);
    expect(await screen.findByTestId('scenario-conditions')).toHaveTextContent('信用积分达到 100 分及以上');
    expect(screen.queryByTestId('scenario-status')).not.toBeInTheDocument();
    expect(screen.getByTestId('show-pass-login')).toHaveTextContent('登录后出示凭证');
  });

  it('shows a loan product’s criteria in words and 登录后申请 instead of a verdict', async () => {
    setRouterParams({ id: 'zy-shuiyi-dai' });
    fakeApi({ 'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI], nextCursor: null }) });
    render(<ProductPage />);
    expect(await screen.findByTestId('product-criteria')).toHaveTextContent('纳税信用 B 级及以上');
    expect(screen.queryByTestId('criterion')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('product-login'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('shows 信用动态 on 首页 and its empty and failed states', async () => {
    let answer = () => ok(NOTICES);
    fakeApi({ 'GET /api/notices': () => answer() });
    const view = render(<HomePage />);
    expect(await screen.findByTestId('notice-title')).toHaveTextContent('信易游新增区博物馆免费入馆场景');
    view.unmount();
    answer = () => ({ status: 503, body: { error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } } });
    const failed = render(<HomePage />);
    expect(await screen.findByTestId('home-notices-error')).toHaveTextContent('服务暂时不可用');
    answer = () => ok({ items: [], nextCursor: null });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('home-notices-empty')).toHaveTextContent('暂无信用动态');
    failed.unmount();
  });

  it('offers 大字模式 on the signed-out 首页 and on the sign-in page', async () => {
    fakeApi({});
    const home = render(<HomePage />);
    fireEvent.click(await screen.findByTestId('large-font-switch'));
    expect(screen.getByTestId('page-root')).toHaveClass('cx-page--large');
    home.unmount();
    render(<LoginPage />);
    expect(screen.getByTestId('large-font-switch')).toBeChecked();
    fireEvent.click(screen.getByTestId('large-font-switch'));
    expect(screen.getByTestId('page-root')).not.toHaveClass('cx-page--large');
  });
});

describe('sign-in at the action, and back to it afterwards', () => {
  const auth = { token: 'tok-zhang', expiresAt: '2030-01-01T00:00:00+08:00', user: { id: 'res-zhang', name: '张伟', roles: ['resident' as const] } };
  beforeEach(() => {
    clearSession();
    devLogin.mockReset();
    devLogin.mockResolvedValue(auth as never);
  });

  it('出示凭证 → sign in → back to the same scenario page (the page below), which now offers the pass', async () => {
    setRouterParams({ id: 'museum-free-entry' });
    let catalogue = CATALOGUE;
    fakeApi({ 'GET /api/incentives': () => ok({ items: catalogue, nextCursor: null }) });
    stackOf({ route: 'pages/incentives/index' }, { route: 'packages/resident/incentive/index', options: { id: 'museum-free-entry' } });
    const scenario = render(<IncentivePage />);
    fireEvent.click(await screen.findByTestId('show-pass-login'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });

    stackOf({ route: 'pages/incentives/index' }, { route: 'packages/resident/incentive/index', options: { id: 'museum-free-entry' } }, { route: 'pages/login/index' });
    catalogue = ZHANG_CATALOGUE;
    const login = render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-zhang'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBe('tok-zhang');
    login.unmount();
    // The scenario page, still mounted below, reloads for the session and offers the pass.
    expect(await within(scenario.container).findByTestId('show-pass')).toHaveTextContent('出示凭证');
  });

  it('查信用 from the signed-out 首页 → sign in → 首页 with 我的信用 opened on top', async () => {
    fakeApi({});
    stackOf({ route: 'pages/index/index' });
    const home = render(<HomePage />);
    fireEvent.click(await screen.findByTestId('quick-credit'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    home.unmount();
    stackOf({ route: 'pages/index/index' }, { route: 'pages/login/index' });
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-zhang'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/resident/credit/index' }));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('a sign-in nobody asked for from an action opens 首页, and the return path is used once only', async () => {
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-zhang'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('我的 signed out', () => {
  it('offers sign-in, 大字模式 and the public rules and privacy guidelines instead of only 请先登录', async () => {
    clearSession();
    const MinePage = (await import('../../client/src/pages/mine')).default;
    render(<MinePage />);
    expect(screen.getByTestId('mine-signed-out')).toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('large-font-switch'));
    expect(screen.getByTestId('page-root')).toHaveClass('cx-page--large');
    fireEvent.click(screen.getByTestId('mine-privacy'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/privacy/index' });
    fireEvent.click(screen.getByTestId('mine-login'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/login/index' });
    expect(Taro.request).not.toHaveBeenCalled();
  });
});

describe('首页 quick entries', () => {
  it('offers everyone 查信用, 信易+, 信易贷, 信用修复, 报告核验, 企业信用查询, 信用规则 and 惩戒清单', async () => {
    clearSession();
    fakeApi({});
    render(<HomePage />);
    const labels = (await screen.findByTestId('quick-entries')).querySelectorAll('.cx-quick__label');
    expect(Array.from(labels).map((l) => l.textContent)).toEqual(['查信用', '信易+', '信易贷', '信用修复', '报告核验', '企业信用查询', '信用规则', '惩戒清单']);
    fireEvent.click(screen.getByTestId('quick-search'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/public/search/index' });
    fireEvent.click(screen.getByTestId('quick-incentives'));
    expect(Taro.switchTab).toHaveBeenLastCalledWith({ url: '/pages/incentives/index' });
    // 信用修复 is the subject's own: signed out it asks to sign in first.
    fireEvent.click(screen.getByTestId('quick-repair'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/login/index' });
  });

  it('keeps a merchant’s role entries and leaves out the subject’s own 查信用 and 信用修复', async () => {
    const { saveToken } = jest.requireActual('../../client/src/services/session');
    saveToken('tok-museum');
    const { MUSEUM_ME } = jest.requireActual('./support/fake-api');
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<HomePage />);
    expect(await screen.findByTestId('entry-scan')).toBeInTheDocument();
    expect(screen.queryByTestId('quick-credit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('quick-repair')).not.toBeInTheDocument();
    expect(screen.getByTestId('quick-verify')).toBeInTheDocument();
    expect(screen.queryByTestId('home-signin')).not.toBeInTheDocument();
  });
});
