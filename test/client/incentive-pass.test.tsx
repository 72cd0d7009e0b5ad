import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import IncentivePage from '../../client/src/packages/resident/incentive';
import { clearSession, saveToken } from '../../client/src/services/session';
import { hidePage, setRouterParams, showPage } from './stubs/taro';
import { fail, fakeApi, ok, type FakeResponse } from './support/fake-api';
import { CATALOGUE, LI_CATALOGUE, makePass, personalCatalogue, ZHANG_CATALOGUE } from './support/incentive-fixtures';

type Status = 'active' | 'used' | 'expired' | 'refused';

/**
 * The backend as the pass screen sees it: each POST issues a fresh pass, each status poll answers
 * from `status` (by pass id), and every call is recorded.
 */
function passBackend(catalogue = ZHANG_CATALOGUE) {
  const issued: string[] = [];
  const polled: string[] = [];
  const status = new Map<string, Status>();
  let issueAnswer: (() => FakeResponse) | null = null;
  const request = fakeApi({
    'GET /api/incentives': ok({ items: catalogue, nextCursor: null }),
    'POST /api/incentives/museum-free-entry/passes': () => {
      if (issueAnswer) return issueAnswer();
      const p = makePass(60);
      issued.push(p.pass);
      status.set(p.passId, 'active');
      passIds.push(p.passId);
      return { status: 201, body: p };
    },
  });
  const passIds: string[] = [];
  const base = request.getMockImplementation() as (o: { url: string; method?: string }) => Promise<unknown>;
  request.mockImplementation(async (opts: { url: string; method?: string }) => {
    const m = /^\/api\/passes\/(.+)$/.exec(opts.url);
    if (m && (opts.method ?? 'GET') === 'GET') {
      const id = decodeURIComponent(m[1]);
      polled.push(id);
      const s = status.get(id);
      if (!s) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '凭证不存在' } }, header: {} };
      const body =
        s === 'used'
          ? { status: s, expiresAt: '', redeemedAt: '2026-03-02T02:15:00.000Z', merchantName: '管城回族区博物馆' }
          : s === 'refused'
            ? { status: s, expiresAt: '', refusal: { code: 'NOT_ELIGIBLE', reasons: ['今日次数已用完'], at: '2026-03-02T02:15:00.000Z', merchantName: '管城回族区博物馆' } }
            : { status: s, expiresAt: '' };
      return { statusCode: 200, data: body, header: {} };
    }
    return base(opts);
  });
  return {
    issued,
    polled,
    passIds,
    markUsed: (passId: string) => status.set(passId, 'used'),
    markRefused: (passId: string) => status.set(passId, 'refused'),
    failIssue: (answer: (() => FakeResponse) | null) => {
      issueAnswer = answer;
    },
  };
}

/** Lets fake time pass, and the requests it starts settle. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

async function openScenario() {
  const view = render(<IncentivePage />);
  await advance(0);
  expect(screen.getByTestId('scenario-page')).toBeInTheDocument();
  return view;
}

async function showPass() {
  fireEvent.click(screen.getByTestId('show-pass'));
  await advance(0);
}

describe('信易+ scenario page and pass', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    clearSession();
    saveToken('tok-zhang');
    setRouterParams({ id: 'museum-free-entry' });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows what the scenario offers, who qualifies and where', async () => {
    passBackend();
    await openScenario();
    expect(screen.getByTestId('scenario-title')).toHaveTextContent('博物馆免费参观');
    expect(screen.getByTestId('scenario-conditions')).toHaveTextContent('信用积分达到 100 分及以上');
    expect(screen.getByTestId('scenario-conditions')).toHaveTextContent('每人每天 1 次');
    expect(screen.getByTestId('scenario-merchant')).toHaveTextContent('管城回族区博物馆');
    expect(screen.getByTestId('scenario-status')).toHaveTextContent('今日剩余 1 次');
    expect(screen.getByTestId('show-pass')).not.toBeDisabled();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '博物馆免费参观' });
  });

  it('disables 出示凭证 with the reasons for a resident who may not use it', async () => {
    passBackend(LI_CATALOGUE);
    await openScenario();
    expect(screen.getByTestId('show-pass')).toBeDisabled();
    expect(screen.getByTestId('show-pass-why')).toHaveTextContent('暂不可用：还差 8 分');
    fireEvent.click(screen.getByTestId('show-pass'));
    expect(screen.queryByTestId('pass-view')).not.toBeInTheDocument();
  });

  it('leads a resident who has not verified their real name to 实名认证', async () => {
    passBackend(personalCatalogue({ 'museum-free-entry': { eligible: false, reasons: ['请先完成实名认证'], remainingQuota: 1 } }));
    await openScenario();
    expect(screen.getByTestId('show-pass')).toBeDisabled();
    fireEvent.click(screen.getByTestId('show-pass-real-name'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/real-name/index' });
  });

  it('offers sign-in instead of a pass to someone signed out', async () => {
    clearSession();
    passBackend(CATALOGUE);
    await openScenario();
    expect(screen.queryByTestId('show-pass')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('show-pass-login'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('shows the pass as a QR image with its text below and a countdown to the refresh', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    const qr = screen.getByTestId('pass-qr');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/=]{200,}$/);
    expect(screen.getByTestId('pass-text')).toHaveTextContent(backend.issued[0]);
    expect(backend.issued[0]).toHaveLength(32);
    expect(screen.getByTestId('pass-countdown')).toHaveTextContent('55 秒后自动刷新');
    await advance(10_000);
    expect(screen.getByTestId('pass-countdown')).toHaveTextContent('45 秒后自动刷新');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '45');
  });

  it('draws a different QR code for a different pass', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    const first = screen.getByTestId('pass-qr').getAttribute('src');
    fireEvent.click(screen.getByTestId('pass-refresh'));
    await advance(0);
    expect(backend.issued).toHaveLength(2);
    expect(screen.getByTestId('pass-qr').getAttribute('src')).not.toBe(first);
  });

  it('issues a new pass a few seconds before the shown one expires, and only then', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    expect(backend.issued).toHaveLength(1);
    await advance(54_000);
    expect(backend.issued).toHaveLength(1);
    expect(screen.getByTestId('pass-countdown')).toHaveTextContent('1 秒后自动刷新');
    await advance(1_000);
    expect(backend.issued).toHaveLength(2);
    expect(screen.getByTestId('pass-text')).toHaveTextContent(backend.issued[1]);
    expect(screen.getByTestId('pass-countdown')).toHaveTextContent('55 秒后自动刷新');
    // Three minutes on screen: a pass every 55 seconds, never an expired one.
    await advance(180_000);
    expect(backend.issued).toHaveLength(5);
  });

  it('polls the pass every 2 seconds and turns to 已核验 when the merchant has redeemed it', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    await advance(6_000);
    expect(backend.polled.length).toBeGreaterThanOrEqual(3);
    expect(screen.getByTestId('pass-view')).toBeInTheDocument();

    backend.markUsed(backend.passIds[0]);
    await advance(2_000);
    const verified = screen.getByTestId('pass-verified');
    expect(verified).toHaveTextContent('已核验');
    expect(screen.getByTestId('pass-verified-merchant')).toHaveTextContent('管城回族区博物馆');
    expect(screen.getByTestId('pass-verified-at')).toHaveTextContent('2026-03-02 10:15');
    expect(verified).toHaveTextContent('免费入馆，并赠送一次讲解服务');
    expect(screen.queryByTestId('pass-qr')).not.toBeInTheDocument();

    // Nothing runs any more: no refresh, no poll.
    const polls = backend.polled.length;
    await advance(120_000);
    expect(backend.polled).toHaveLength(polls);
    expect(backend.issued).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows 已核验 when the previous pass was scanned just as it was being replaced', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    await advance(55_000);
    expect(backend.issued).toHaveLength(2);
    // The merchant scanned the first pass in its last seconds; the refreshed one is on screen.
    backend.markUsed(backend.passIds[0]);
    await advance(2_000);
    expect(screen.getByTestId('pass-verified')).toBeInTheDocument();
  });

  it('treats a refresh refused because the quota was just used as 已核验, not as a refusal', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    await advance(54_500);
    backend.markUsed(backend.passIds[0]);
    backend.failIssue(() => fail(403, 'NOT_ELIGIBLE', '暂不能使用该场景：今日次数已用完', { reasons: ['今日次数已用完'] }));
    await advance(500);
    expect(screen.getByTestId('pass-verified')).toBeInTheDocument();
    expect(screen.queryByTestId('pass-refused')).not.toBeInTheDocument();
  });

  it('shows the resident why a merchant’s scan was refused (the merchant saw only the verdict)', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    backend.markRefused(backend.passIds[0]);
    await advance(2_000);
    expect(screen.getByTestId('pass-refused')).toHaveTextContent('管城回族区博物馆扫码核验未通过');
    expect(screen.getByTestId('pass-refused-reason')).toHaveTextContent('今日次数已用完');
    expect(screen.queryByTestId('pass-qr')).not.toBeInTheDocument();
  });

  it('shows the reasons when the server refuses the pass', async () => {
    const backend = passBackend();
    backend.failIssue(() => fail(403, 'NOT_ELIGIBLE', '暂不能使用该场景：还差 8 分', { reasons: ['还差 8 分'] }));
    await openScenario();
    await showPass();
    expect(screen.getByTestId('pass-refused-reason')).toHaveTextContent('还差 8 分');
    expect(Taro.showToast).not.toHaveBeenCalled();
    await advance(10_000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops every timer when the page closes', async () => {
    const backend = passBackend();
    const { unmount } = await openScenario();
    await showPass();
    await advance(4_000);
    const issued = backend.issued.length;
    const polled = backend.polled.length;
    expect(polled).toBeGreaterThan(0);
    expect(jest.getTimerCount()).toBeGreaterThan(0);

    // The user navigates back: the page unmounts.
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    await advance(120_000);
    expect(backend.issued).toHaveLength(issued);
    expect(backend.polled).toHaveLength(polled);
    expect(Taro.request).toHaveBeenCalledTimes(1 + issued + polled);
  });

  it('pauses while the page is hidden and shows a fresh pass when it comes back', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    act(() => hidePage());
    const polled = backend.polled.length;
    await advance(90_000);
    expect(backend.polled).toHaveLength(polled);
    expect(backend.issued).toHaveLength(1);

    act(() => showPage());
    await advance(0);
    expect(backend.issued).toHaveLength(2);
    expect(screen.getByTestId('pass-text')).toHaveTextContent(backend.issued[1]);
    expect(screen.getByTestId('pass-countdown')).toHaveTextContent('55 秒后自动刷新');
  });

  it('closing the pass goes back to the details and stops polling', async () => {
    const backend = passBackend();
    await openScenario();
    await showPass();
    fireEvent.click(screen.getByTestId('pass-close'));
    await advance(0);
    expect(screen.getByTestId('scenario-details')).toBeInTheDocument();
    const polled = backend.polled.length;
    await advance(30_000);
    expect(backend.polled).toHaveLength(polled);
  });

  it('offers 重试 when the first pass could not be issued', async () => {
    const backend = passBackend();
    backend.failIssue(() => fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试'));
    await openScenario();
    await showPass();
    expect(screen.getByTestId('pass-failed')).toHaveTextContent('服务暂时不可用');
    backend.failIssue(null);
    fireEvent.click(screen.getByTestId('pass-retry'));
    await advance(0);
    expect(screen.getByTestId('pass-text')).toHaveTextContent(backend.issued[0]);
  });
});
