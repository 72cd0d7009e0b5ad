import Taro from '@tarojs/taro';
import { ApiError, getIncentives, getPassStatus, getRedemptions, issuePass, redeemPass } from '../../client/src/services/api';
import { clearSession, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, ok } from './support/fake-api';
import { makePass, REDEMPTION_OK, ZHANG_CATALOGUE } from './support/incentive-fixtures';

const request = Taro.request as unknown as jest.Mock;
const sent = () => request.mock.calls.map((c) => c[0] as { url: string; method: string; data?: unknown });

describe('API client: 信易+', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('calls one endpoint per function, with the method, path and body API.md fixes', async () => {
    const pass = makePass();
    fakeApi({
      'GET /api/incentives': ok({ items: ZHANG_CATALOGUE, nextCursor: null }),
      'POST /api/incentives/museum-free-entry/passes': { status: 201, body: pass },
      [`GET /api/passes/${pass.passId}`]: ok({ status: 'active', expiresAt: pass.expiresAt }),
      'POST /api/redemptions': { status: 201, body: REDEMPTION_OK },
      'GET /api/redemptions': ok({ items: [], nextCursor: null, todayCount: 0 }),
    });
    await expect(getIncentives()).resolves.toMatchObject({ items: ZHANG_CATALOGUE });
    await expect(issuePass('museum-free-entry')).resolves.toEqual(pass);
    await expect(getPassStatus(pass.passId)).resolves.toMatchObject({ status: 'active' });
    await expect(redeemPass(pass.pass)).resolves.toEqual(REDEMPTION_OK);
    await getRedemptions({ limit: 20, cursor: 'abc', from: '2026-03-01', to: '2026-03-02' });
    await getRedemptions();
    expect(sent().map((o) => `${o.method} ${o.url}`)).toEqual([
      'GET /api/incentives',
      'POST /api/incentives/museum-free-entry/passes',
      `GET /api/passes/${pass.passId}`,
      'POST /api/redemptions',
      'GET /api/redemptions?limit=20&cursor=abc&from=2026-03-01&to=2026-03-02',
      'GET /api/redemptions',
    ]);
    expect(sent()[3].data).toEqual({ pass: pass.pass });
  });

  it('keeps NOT_ELIGIBLE’s reasons on the error', async () => {
    fakeApi({ 'POST /api/incentives/museum-free-entry/passes': fail(403, 'NOT_ELIGIBLE', '暂不能使用该场景：还差 8 分', { reasons: ['还差 8 分'] }) });
    const err = await issuePass('museum-free-entry', { quietCodes: ['NOT_ELIGIBLE'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, code: 'NOT_ELIGIBLE', details: { reasons: ['还差 8 分'] } });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('raises no toast at all for a silent call, even when the network is down', async () => {
    request.mockRejectedValue(new Error('request:fail'));
    await expect(getPassStatus('abcdefghijkl', { silent: true })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    fakeApi({ 'GET /api/passes/abcdefghijkl': fail(500, 'INTERNAL', '服务器开小差了') });
    await expect(getPassStatus('abcdefghijkl', { silent: true })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
