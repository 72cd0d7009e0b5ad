import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminHome from '../../client/src/packages/admin/index';
import MerchantHome from '../../client/src/packages/merchant/index';
import { clearSession, saveToken } from '../../client/src/services/session';
import type { MeResponse } from '../../client/src/services/api';
import { fakeApi, MUSEUM_ME, ok, ZHANG_ME } from './support/fake-api';

const DEPT_ME: MeResponse = {
  user: {
    id: 'dept-market',
    name: '冯涛',
    roles: ['department'],
    orgId: 'org-market',
    org: { id: 'org-market', name: '管城回族区市场监督管理局', type: 'department', status: 'active' },
    manager: false,
    realNameVerified: false,
  },
};

describe('role areas', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('shows the merchant area under its organisation, with an empty recent list when nothing was redeemed', async () => {
    fakeApi({
      'GET /api/me': ok(MUSEUM_ME),
      'GET /api/redemptions': ok({ items: [], nextCursor: null, todayCount: 0 }),
      'GET /api/incentives': ok({ items: [], nextCursor: null }),
    });
    render(<MerchantHome />);
    await screen.findByTestId('merchant-home');
    expect(screen.getByText('商户核验')).toBeInTheDocument();
    expect(screen.getByTestId('merchant-org')).toHaveTextContent('管城回族区博物馆');
    expect(await screen.findByTestId('merchant-recent-empty')).toHaveTextContent('暂无核销记录');
  });

  it('refuses a resident in the merchant area and offers the way back', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<MerchantHome />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(screen.queryByTestId('area-page')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('lets a department into the admin package under its own title', async () => {
    fakeApi({ 'GET /api/me': ok(DEPT_ME) });
    render(<AdminHome />);
    await screen.findByTestId('department-home');
    expect(screen.getByText('数据报送')).toBeInTheDocument();
    expect(screen.queryByText('管理控制台')).not.toBeInTheDocument();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '数据报送' });
  });

  it('asks for sign-in without calling the API when there is no session', () => {
    clearSession();
    render(<MerchantHome />);
    expect(screen.getByTestId('page-shell-signin')).toBeInTheDocument();
    expect(Taro.request).not.toHaveBeenCalled();
  });
});
