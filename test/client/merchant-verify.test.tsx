import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../client/src/packages/merchant/verify';
import { clearSession, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, MUSEUM_ME, ok, ZHANG_ME, type FakeResponse } from './support/fake-api';
import { REDEMPTION_OK } from './support/incentive-fixtures';

const PASS = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

function redeemCalls(): unknown[] {
  return (Taro.request as jest.Mock).mock.calls
    .map((c) => c[0] as { url: string; method?: string; data?: unknown })
    .filter((o) => o.method === 'POST' && o.url === '/api/redemptions')
    .map((o) => o.data);
}

async function openVerify(redeem: FakeResponse | ((q: URLSearchParams, body: unknown) => FakeResponse | Promise<FakeResponse>)) {
  fakeApi({ 'GET /api/me': ok(MUSEUM_ME), 'POST /api/redemptions': redeem });
  render(<VerifyPage />);
  await screen.findByTestId('verify-page');
}

function type(value: string) {
  fireEvent.change(screen.getByTestId('verify-input'), { target: { value } });
}

describe('商户 核验', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-museum');
  });

  it('shows 通过 with the benefit, the masked name, the quota left and the time', async () => {
    await openVerify({ status: 201, body: REDEMPTION_OK });
    expect(screen.getByTestId('merchant-org')).toHaveTextContent('管城回族区博物馆');
    type(PASS);
    expect(screen.getByTestId('verify-input-hint')).toHaveTextContent('已输入 32 / 32 位');
    fireEvent.click(screen.getByTestId('verify-submit'));

    const card = await screen.findByTestId('verify-result');
    expect(card).toHaveAttribute('data-result', 'passed');
    expect(card).toHaveTextContent('通过');
    expect(screen.getByTestId('result-masked-name')).toHaveTextContent('张*');
    expect(screen.getByTestId('result-benefit')).toHaveTextContent('免费入馆，并赠送一次讲解服务');
    expect(screen.getByTestId('result-remaining')).toHaveTextContent('今日剩余 0 次');
    expect(card).toHaveTextContent('2026-03-02 10:15');
    expect(redeemCalls()).toEqual([{ pass: PASS }]);
    // The card replaces the form: one thing to look at.
    expect(screen.queryByTestId('verify-input')).not.toBeInTheDocument();
  });

  it('sends the pass without the spaces and line breaks a paste may carry', async () => {
    await openVerify({ status: 201, body: { ...REDEMPTION_OK, remainingQuota: 1, quotaPeriod: 'month' } });
    type(` ${PASS.slice(0, 16)}\n${PASS.slice(16)} `);
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(await screen.findByTestId('result-remaining')).toHaveTextContent('本月剩余 1 次');
    expect(redeemCalls()).toEqual([{ pass: PASS }]);
  });

  it('shows 不通过 with the server’s Chinese reason, without a toast', async () => {
    await openVerify(fail(409, 'PASS_USED', '该凭证已核销，不能重复使用'));
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    const card = await screen.findByTestId('verify-result');
    expect(card).toHaveAttribute('data-result', 'refused');
    expect(card).toHaveTextContent('不通过');
    expect(screen.getByTestId('result-reason')).toHaveTextContent('该凭证已核销，不能重复使用');
    expect(screen.queryByTestId('result-masked-name')).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it.each([
    ['NOT_ELIGIBLE', '不符合使用条件'],
    ['QUOTA_EXHAUSTED', '已达使用上限'],
  ])('shows only the verdict for %s and says the resident has the reasons on their phone', async (code, message) => {
    await openVerify(fail(403, code, message));
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    const card = await screen.findByTestId('verify-result');
    expect(card).toHaveAttribute('data-result', 'refused');
    expect(screen.getByTestId('result-reason')).toHaveTextContent(message);
    expect(screen.getByTestId('result-resident-told')).toHaveTextContent('具体原因已显示在居民本人手机上');
    expect(screen.queryByTestId('result-reasons')).not.toBeInTheDocument();
    expect(card.textContent).not.toMatch(/\d/);
  });

  it('never shows reasons even if an older server still sent some', async () => {
    await openVerify(fail(403, 'NOT_ELIGIBLE', '不符合使用条件', { reasons: ['还差 8 分'] }));
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    const card = await screen.findByTestId('verify-result');
    expect(card).not.toHaveTextContent('还差 8 分');
  });

  it('treats a suspended merchant as a verdict (不通过), not as an unfinished scan to retry', async () => {
    await openVerify(fail(403, 'ORG_SUSPENDED', '本商户已被信用中心暂停，暂不能核销'));
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    const card = await screen.findByTestId('verify-result');
    expect(card).toHaveAttribute('data-result', 'refused');
    expect(card).toHaveAttribute('data-code', 'ORG_SUSPENDED');
    expect(screen.queryByTestId('result-resident-told')).not.toBeInTheDocument();
    expect(screen.queryByTestId('verify-retry')).not.toBeInTheDocument();
  });

  it('sends one request for a double tap', async () => {
    let answer: (r: FakeResponse) => void = () => undefined;
    await openVerify(() => new Promise<FakeResponse>((resolve) => (answer = resolve)));
    type(PASS);
    const submit = screen.getByTestId('verify-submit');
    // Both taps land before the button can re-render as disabled (as on a phone, where that update is asynchronous).
    act(() => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(redeemCalls()).toHaveLength(1);
    expect(screen.getByTestId('verify-submit')).toHaveTextContent('核验中…');
    await act(async () => answer({ status: 201, body: REDEMPTION_OK }));
    expect(await screen.findByTestId('verify-result')).toHaveAttribute('data-result', 'passed');
    expect(redeemCalls()).toHaveLength(1);
  });

  it('继续核验 clears the card and the field for the next resident', async () => {
    await openVerify({ status: 201, body: REDEMPTION_OK });
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    await screen.findByTestId('verify-result');
    fireEvent.click(screen.getByTestId('verify-next'));
    expect(screen.queryByTestId('verify-result')).not.toBeInTheDocument();
    expect(screen.getByTestId('verify-input')).toHaveValue('');
  });

  it('asks for a pass instead of sending an empty one', async () => {
    await openVerify({ status: 201, body: REDEMPTION_OK });
    type('   ');
    fireEvent.click(screen.getByTestId('verify-submit'));
    expect(screen.getByTestId('verify-input-hint')).toHaveTextContent('请输入或粘贴居民出示的凭证码');
    expect(redeemCalls()).toHaveLength(0);
  });

  it('shows a failed connection as 未完成 (no verdict) and 重试 sends the same pass again', async () => {
    let calls = 0;
    fakeApi({
      'GET /api/me': ok(MUSEUM_ME),
      'POST /api/redemptions': () => ({ status: 201, body: REDEMPTION_OK }),
    });
    const request = Taro.request as jest.Mock;
    const answer = request.getMockImplementation() as (o: unknown) => Promise<unknown>;
    request.mockImplementation((o: { url: string }) => (o.url === '/api/redemptions' && ++calls === 1 ? Promise.reject(new Error('offline')) : answer(o)));
    render(<VerifyPage />);
    await screen.findByTestId('verify-page');
    type(PASS);
    fireEvent.click(screen.getByTestId('verify-submit'));
    const card = await screen.findByTestId('verify-result');
    expect(card).toHaveAttribute('data-result', 'unfinished');
    expect(card).not.toHaveTextContent('不通过');
    fireEvent.click(screen.getByTestId('verify-retry'));
    expect(await screen.findByTestId('result-masked-name')).toHaveTextContent('张*');
    expect(calls).toBe(2);
  });

  describe('in the mini program', () => {
    const env = process.env.TARO_ENV;
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });
    afterEach(() => {
      process.env.TARO_ENV = env;
    });

    it('扫码核验 scans the QR code and redeems what it read', async () => {
      (Taro.scanCode as jest.Mock).mockResolvedValue({ result: PASS, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
      await openVerify({ status: 201, body: REDEMPTION_OK });
      fireEvent.click(screen.getByTestId('verify-scan'));
      expect(await screen.findByTestId('result-masked-name')).toHaveTextContent('张*');
      expect(redeemCalls()).toEqual([{ pass: PASS }]);
    });

    it('does nothing when the camera is closed without a scan', async () => {
      await openVerify({ status: 201, body: REDEMPTION_OK });
      await act(async () => {
        fireEvent.click(screen.getByTestId('verify-scan'));
      });
      expect(Taro.scanCode).toHaveBeenCalled();
      expect(redeemCalls()).toHaveLength(0);
      expect(screen.queryByTestId('verify-result')).not.toBeInTheDocument();
    });
  });

  it('refuses a resident: 核验 is for merchants', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<VerifyPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(screen.queryByTestId('verify-input')).not.toBeInTheDocument();
  });
});
