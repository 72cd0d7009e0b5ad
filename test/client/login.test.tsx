import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as api from '../../client/src/services/api';
import LoginPage from '../../client/src/pages/login';
import { clearSession, getToken } from '../../client/src/services/session';

jest.mock('../../client/src/services/api', () => ({
  ...jest.requireActual('../../client/src/services/api'),
  devLogin: jest.fn(),
}));

const devLogin = api.devLogin as jest.MockedFunction<typeof api.devLogin>;

const auth = (id: string, name: string) => ({
  token: `token-of-${id}`,
  expiresAt: '2030-01-01T00:00:00+08:00',
  user: { id, name, roles: ['resident' as const] },
});

describe('sign-in page (H5)', () => {
  beforeEach(() => {
    clearSession();
    devLogin.mockReset();
  });

  it('lists every demo identity with a stable test id', () => {
    render(<LoginPage />);
    for (const id of ['res-zhang', 'res-li', 'res-wang', 'mer-museum', 'mer-library', 'ent-huaxin', 'ent-new', 'bank-zy', 'dept-market', 'admin']) {
      expect(screen.getByTestId(`login-${id}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('login-res-zhang')).toHaveTextContent('张伟');
  });

  it('signs in as the tapped identity, keeps the token and opens 首页', async () => {
    devLogin.mockResolvedValue(auth('res-li', '李娜'));
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-li'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(devLogin).toHaveBeenCalledTimes(1);
    expect(devLogin).toHaveBeenCalledWith('res-li');
    expect(getToken()).toBe('token-of-res-li');
  });

  it('ignores a second tap while the first sign-in is running', async () => {
    let finish: (v: ReturnType<typeof auth>) => void = () => undefined;
    devLogin.mockReturnValue(new Promise((r) => (finish = r)));
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-zhang'));
    fireEvent.click(screen.getByTestId('login-admin'));
    expect(screen.getByTestId('login-res-zhang')).toHaveTextContent('登录中…');
    finish(auth('res-zhang', '张伟'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    expect(devLogin).toHaveBeenCalledTimes(1);
    expect(devLogin).toHaveBeenCalledWith('res-zhang');
  });

  it('stays on the page without a session when sign-in fails', async () => {
    devLogin.mockRejectedValue(new api.ApiError(404, 'NOT_FOUND', '接口不存在'));
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-res-zhang'));
    await waitFor(() => expect(screen.getByTestId('login-res-zhang')).not.toHaveTextContent('登录中…'));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBeNull();
  });
});

describe('sign-in page (weapp)', () => {
  const previous = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = previous;
  });

  it('exchanges the Taro.login code with POST /api/auth/wechat', async () => {
    process.env.TARO_ENV = 'weapp';
    (Taro.request as unknown as jest.Mock).mockResolvedValue({ statusCode: 200, data: auth('wx-user', '微信用户'), header: {} });
    render(<LoginPage />);
    expect(screen.queryByTestId('login-res-zhang')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(Taro.login).toHaveBeenCalled();
    const opts = (Taro.request as unknown as jest.Mock).mock.calls[0][0];
    expect(opts).toMatchObject({ url: '/api/auth/wechat', method: 'POST', data: { code: 'wx-test-code' } });
  });
});
