import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MerchantHome from '../../client/src/packages/merchant/index';
import HomePage from '../../client/src/pages/index';
import MinePage from '../../client/src/pages/mine';
import { clearActingRole, setActingRole } from '../../client/src/services/acting-role';
import { clearSession, getToken, saveToken } from '../../client/src/services/session';
import { storageSnapshot } from './stubs/taro';
import { fakeApi, ok, ZHANG_ME, ZHANG_POINTS } from './support/fake-api';
import { CLERK_ME, MANAGER_ME, staffMe } from './support/org-fixtures';

type Sent = { url: string; method: string; header: Record<string, string> };
const requests = (method: string, prefix: string): Sent[] =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === method && o.url.startsWith(prefix));

const managerRoutes = {
  'GET /api/me': ok(MANAGER_ME),
  'GET /api/points/me': ok(ZHANG_POINTS),
  'GET /api/redemptions': ok({ items: [], nextCursor: null, todayCount: 0 }),
  'GET /api/incentives': ok({ items: [], nextCursor: null }),
};

beforeEach(() => {
  clearSession();
  clearActingRole();
  saveToken('tok');
});

describe('切换身份', () => {
  it('shows every role by default, then only the chosen one once picked in 我的, and keeps the choice', async () => {
    fakeApi(managerRoutes);
    render(<HomePage />);
    expect(await screen.findByTestId('entry-scan')).toBeInTheDocument();
    expect(screen.getByTestId('show-pass')).toBeInTheDocument();
    expect(screen.getByText('商户')).toBeInTheDocument();

    render(<MinePage />);
    expect(await screen.findByTestId('mine-acting-role')).toHaveTextContent('当前身份：商户');
    fireEvent.click(screen.getByTestId('mine-switch-role'));
    expect(screen.getByTestId('role-option-merchant')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId('role-option-resident'));

    expect(screen.queryByTestId('role-sheet')).not.toBeInTheDocument();
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已切换为居民身份' }));
    expect(Object.values(storageSnapshot())).toContainEqual({ userId: 'mer-museum', role: 'resident' });
    // The mounted home (a tab page) follows at once: the resident's part only.
    await waitFor(() => expect(screen.queryByTestId('entry-scan')).not.toBeInTheDocument());
    expect(screen.getByTestId('show-pass')).toBeInTheDocument();
    expect(screen.getByTestId('mine-acting-role')).toHaveTextContent('当前身份：居民');
    // 我的 follows too: the merchant's entries give way to the resident's.
    expect(screen.queryByTestId('mine-merchant')).not.toBeInTheDocument();
    expect(screen.getByTestId('mine-credit')).toBeInTheDocument();

    jest.isolateModules(() => {
      // A fresh copy of the store, as after a restart, reading the same storage.
      const fresh = require('../../client/src/services/acting-role') as typeof import('../../client/src/services/acting-role');
      expect(fresh.actingRole(MANAGER_ME.user)).toBe('resident');
    });
  });

  it('acting as 商户 shows only the merchant part of 首页, without loading the points', async () => {
    setActingRole('mer-museum', 'merchant');
    fakeApi(managerRoutes);
    render(<HomePage />);
    expect(await screen.findByTestId('entry-scan')).toBeInTheDocument();
    expect(screen.queryByTestId('show-pass')).not.toBeInTheDocument();
    expect(requests('GET', '/api/points')).toHaveLength(0);
  });

  it("ignores another user's choice and a role the user no longer holds", async () => {
    setActingRole('someone-else', 'resident');
    fakeApi(managerRoutes);
    const { unmount } = render(<HomePage />);
    expect(await screen.findByTestId('entry-scan')).toBeInTheDocument();
    expect(screen.getByTestId('show-pass')).toBeInTheDocument();
    unmount();

    setActingRole('mer-museum', 'bank');
    render(<HomePage />);
    expect(await screen.findByTestId('entry-scan')).toBeInTheDocument();
    expect(screen.getByTestId('show-pass')).toBeInTheDocument();
  });

  it('is offered only to people with several roles', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<MinePage />);
    await screen.findByTestId('mine');
    expect(screen.queryByTestId('mine-switch-role')).not.toBeInTheDocument();
    expect(screen.queryByTestId('mine-acting-role')).not.toBeInTheDocument();
  });
});

describe('我的: organisation entries', () => {
  it('gives the manager of a merchant 员工管理 and no 加入机构', async () => {
    fakeApi({ 'GET /api/me': ok(MANAGER_ME) });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('mine-staff'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/staff/index' });
    expect(screen.queryByTestId('mine-join-org')).not.toBeInTheDocument();
  });

  it('gives a clerk neither, and a resident 加入机构', async () => {
    fakeApi({ 'GET /api/me': ok(CLERK_ME) });
    const { unmount } = render(<MinePage />);
    await screen.findByTestId('mine');
    expect(screen.queryByTestId('mine-staff')).not.toBeInTheDocument();
    expect(screen.queryByTestId('mine-join-org')).not.toBeInTheDocument();
    unmount();

    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('mine-join-org'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/join/index' });
  });

  it('marks a suspended organisation in 我的 and on its staff screens', async () => {
    const suspended = staffMe({
      ...CLERK_ME.user,
      org: { id: 'org-museum', name: '管城回族区博物馆', type: 'merchant', status: 'suspended', suspendedReason: '违规核销，整改中' },
    });
    fakeApi({ ...managerRoutes, 'GET /api/me': ok(suspended) });
    render(<MinePage />);
    expect(await screen.findByTestId('mine-org-suspended')).toHaveTextContent('已暂停');
    render(<MerchantHome />);
    expect(await screen.findByTestId('org-badge-suspended')).toHaveTextContent('已暂停');
    expect(screen.getByTestId('org-badge-name')).toHaveTextContent('代表：管城回族区博物馆');
    expect(screen.getByTestId('org-badge-notice')).toHaveTextContent('原因：违规核销，整改中');
  });
});

describe('退出登录', () => {
  it('ends the session on the server, then forgets it here', async () => {
    setActingRole('mer-museum', 'resident');
    fakeApi({ 'GET /api/me': ok(MANAGER_ME), 'POST /api/auth/sign-out': { status: 204, body: '' } });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('logout'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    const signOut = requests('POST', '/api/auth/sign-out');
    expect(signOut).toHaveLength(1);
    expect(signOut[0].header.Authorization).toBe('Bearer tok');
    expect(getToken()).toBeNull();
    expect(storageSnapshot()).toEqual({});
  });

  it('still signs out here when the server cannot be reached, without an error toast', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<MinePage />);
    const button = await screen.findByTestId('logout');
    (Taro.request as jest.Mock).mockImplementation(() => Promise.reject(new Error('request:fail')));
    fireEvent.click(button);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(getToken()).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
