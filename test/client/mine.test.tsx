import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MinePage from '../../client/src/pages/mine';
import { accountChanged } from '../../client/src/services/account';
import { clearSession, saveToken } from '../../client/src/services/session';
import type { MeResponse } from '../../client/src/services/api';
import { fakeApi, MUSEUM_ME, ok, ZHANG_ME } from './support/fake-api';

const UNVERIFIED: MeResponse = { user: { ...ZHANG_ME.user, realNameVerified: false, maskedIdNumber: undefined } };

describe('我的: ways into the credit screens', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('a verified resident gets 我的信用 and 信用规则', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('mine-credit'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/credit/index' });
    fireEvent.click(screen.getByTestId('mine-rules'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/rules/index' });
    fireEvent.click(screen.getByTestId('mine-real-name-row'));
    expect(Taro.navigateTo).toHaveBeenCalledTimes(2);
  });

  it('an unverified resident is led to 实名认证 from its row, and the page reloads once verified', async () => {
    let me = UNVERIFIED;
    fakeApi({ 'GET /api/me': () => ok(me) });
    render(<MinePage />);
    expect(await screen.findByTestId('mine-real-name')).toHaveTextContent('未认证，去认证');
    expect(screen.queryByTestId('mine-credit')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('mine-real-name-row'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/real-name/index' });

    me = ZHANG_ME;
    act(() => accountChanged());
    expect(await screen.findByText('已认证')).toBeInTheDocument();
    expect(screen.getByTestId('mine-credit')).toBeInTheDocument();
  });

  it('staff see 信用规则 but no 我的信用 or 实名认证 link', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<MinePage />);
    expect(await screen.findByTestId('mine-rules')).toBeInTheDocument();
    expect(screen.queryByTestId('mine-credit')).not.toBeInTheDocument();
    expect(screen.getByTestId('mine-real-name')).toHaveTextContent(/^未认证$/);
    fireEvent.click(screen.getByTestId('mine-real-name-row'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});
