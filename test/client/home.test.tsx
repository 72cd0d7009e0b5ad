import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../client/src/pages/index';
import { clearSession, saveToken } from '../../client/src/services/session';
import { pullDown } from './stubs/taro';
import { fail, fakeApi, MUSEUM_ME, ok, ZHANG_ME, ZHANG_POINTS } from './support/fake-api';

describe('首页', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('greets a resident by name and shows the points, tier and gauge', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME), 'GET /api/points/me': ok(ZHANG_POINTS) });
    render(<HomePage />);
    expect(await screen.findByTestId('points-value')).toHaveTextContent('135');
    expect(screen.getByTestId('home-greeting')).toHaveTextContent('张伟');
    expect(screen.getByTestId('points-tier')).toHaveTextContent('优秀');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '135');
    fireEvent.click(screen.getByRole('button', { name: '查看明细' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/credit/index' });
    expect(screen.getByRole('button', { name: '出示信用凭证' })).toBeInTheDocument();
  });

  it('shows 请先完成实名认证 for a resident without verified real name, without a toast', async () => {
    fakeApi({
      'GET /api/me': ok({ user: { ...ZHANG_ME.user, realNameVerified: false } }),
      'GET /api/points/me': fail(403, 'REAL_NAME_REQUIRED', '请先完成实名认证并同意个人信息处理授权，才能查看信用积分'),
    });
    render(<HomePage />);
    expect(await screen.findByTestId('real-name-required')).toHaveTextContent('请先完成实名认证');
    expect(screen.queryByTestId('points-card')).not.toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-error')).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '去实名认证' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/real-name/index' });
  });

  it('gives a merchant the 扫码核验 button and the organisation name', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<HomePage />);
    expect(await screen.findByTestId('home-org')).toHaveTextContent('管城回族区博物馆');
    fireEvent.click(screen.getByRole('button', { name: '扫码核验' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/merchant/verify/index' });
    fireEvent.click(screen.getByTestId('entry-merchant'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/merchant/index/index' });
    expect(screen.queryByTestId('points-card')).not.toBeInTheDocument();
  });

  it('shows the error with 重试, and 重试 loads again', async () => {
    let calls = 0;
    fakeApi({
      'GET /api/me': () => (++calls === 1 ? fail(500, 'INTERNAL', '服务器开小差了，请稍后重试') : ok(ZHANG_ME)),
      'GET /api/points/me': ok(ZHANG_POINTS),
    });
    render(<HomePage />);
    expect(await screen.findByTestId('home-error')).toHaveTextContent('服务器开小差了');
    // The public parts stay usable while the personal part failed.
    expect(screen.getByTestId('home-notices')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('points-value')).toHaveTextContent('135');
  });

  it('reloads on pull-down and stops the refresh indicator when done', async () => {
    let points = 135;
    fakeApi({ 'GET /api/me': ok(ZHANG_ME), 'GET /api/points/me': () => ok({ ...ZHANG_POINTS, points }) });
    render(<HomePage />);
    expect(await screen.findByTestId('points-value')).toHaveTextContent('135');
    points = 140;
    act(() => pullDown());
    expect(await screen.findByText('140')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('lets a first-time visitor without a session stay on 首页: no redirect, no personal call', async () => {
    clearSession();
    render(<HomePage />);
    expect(await screen.findByTestId('home-welcome')).toHaveTextContent('诚信管城');
    expect(screen.getByTestId('home-signin')).toBeInTheDocument();
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    const paths = (Taro.request as jest.Mock).mock.calls.map(([o]) => `${o.method} ${o.url}`);
    expect(paths).toEqual(['GET /api/notices?limit=3']);
  });
});
