import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import JoinPage from '../../client/src/packages/org/join';
import { normaliseCode } from '../../client/src/packages/org/join/code';
import { clearActingRole, getActingChoice } from '../../client/src/services/acting-role';
import { clearSession, getToken, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, ok } from './support/fake-api';

type Sent = { url: string; method: string; data: unknown; header: Record<string, string> };
const requests = (method: string, prefix: string): Sent[] =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === method && o.url.startsWith(prefix));

const ACCEPTED = {
  token: 'tok-staff',
  expiresAt: '2026-12-27T00:00:00.000Z',
  user: { id: 'res-zhang', name: '张伟', roles: ['resident', 'merchant'], orgId: 'org-museum' },
};

beforeEach(() => {
  clearSession();
  clearActingRole();
  saveToken('tok');
});

describe('加入机构', () => {
  it('keeps only 0-9 and A-Z, raised, at most 16', () => {
    expect(normaliseCode(' k7m2-q9xh 4p ')).toBe('K7M2Q9XH4P');
    expect(normaliseCode('abcdefghijklmnopqrstu')).toBe('ABCDEFGHIJKLMNOP');
    expect(normaliseCode('邀请码：ab12')).toBe('AB12');
  });

  it('joins with a typed code, keeps the new token and opens the new role’s area', async () => {
    fakeApi({ 'POST /api/invitations/accept': ok(ACCEPTED) });
    render(<JoinPage />);
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'k7m2-q9xh4p' } });
    expect(screen.getByTestId('join-code')).toHaveValue('K7M2Q9XH4P');
    fireEvent.click(screen.getByTestId('join-submit'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/merchant/index/index' }));
    expect(requests('POST', '/api/invitations/accept')[0].data).toEqual({ code: 'K7M2Q9XH4P' });
    expect(requests('POST', '/api/invitations/accept')[0].header.Authorization).toBe('Bearer tok');
    expect(getToken()).toBe('tok-staff');
    expect(getActingChoice()).toEqual({ userId: 'res-zhang', role: 'merchant' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入，身份：商户' }));
  });

  it.each([
    [404, 'INVITATION_NOT_FOUND', '没有找到这个邀请码'],
    [409, 'INVITATION_USED', '已经被使用过了'],
    [410, 'INVITATION_EXPIRED', '已过期（有效期 72 小时）'],
    [409, 'ALREADY_STAFF', '一个账号只能加入一个单位'],
  ])('explains a %i %s on the page, without a toast, and keeps the old session', async (status, code, text) => {
    fakeApi({ 'POST /api/invitations/accept': fail(status, code, 'server text') });
    render(<JoinPage />);
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'K7M2Q9XH4P' } });
    fireEvent.click(screen.getByTestId('join-submit'));
    expect(await screen.findByTestId('join-error')).toHaveTextContent(text);
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBe('tok');
    // Editing the code clears the message.
    fireEvent.change(screen.getByTestId('join-code'), { target: { value: 'K7M2Q9XH4Q' } });
    expect(screen.queryByTestId('join-error')).not.toBeInTheDocument();
  });

  it('asks for a code before sending anything', () => {
    fakeApi({});
    render(<JoinPage />);
    fireEvent.click(screen.getByTestId('join-submit'));
    expect(screen.getByTestId('join-error')).toHaveTextContent('请输入邀请码');
    expect(requests('POST', '/api/invitations/accept')).toHaveLength(0);
  });

  it('offers no scanning in the browser (H5)', () => {
    render(<JoinPage />);
    expect(screen.queryByTestId('join-scan')).not.toBeInTheDocument();
  });

  it('scans the code in the mini program', async () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      (Taro.scanCode as jest.Mock).mockResolvedValueOnce({ result: 'k7m2q9xh4p', errMsg: 'scanCode:ok' });
      render(<JoinPage />);
      fireEvent.click(screen.getByTestId('join-scan'));
      await waitFor(() => expect(screen.getByTestId('join-code')).toHaveValue('K7M2Q9XH4P'));
      // Closing the camera is not a failure.
      fireEvent.click(screen.getByTestId('join-scan'));
      await waitFor(() => expect(Taro.scanCode).toHaveBeenCalledTimes(2));
      expect(Taro.showToast).not.toHaveBeenCalled();
    } finally {
      process.env.TARO_ENV = env;
    }
  });

  it('asks a signed-out visitor to sign in first', () => {
    clearSession();
    render(<JoinPage />);
    expect(screen.getByTestId('page-shell-signin')).toBeInTheDocument();
  });
});
