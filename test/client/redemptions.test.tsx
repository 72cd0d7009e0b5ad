import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MerchantHistoryPage from '../../client/src/packages/merchant/history';
import MerchantHome from '../../client/src/packages/merchant/index';
import ResidentRedemptionsPage from '../../client/src/packages/resident/redemptions';
import MinePage from '../../client/src/pages/mine';
import { addDays, chinaToday } from '../../client/src/services/time';
import { clearSession, saveToken } from '../../client/src/services/session';
import { hidePage, pullDown, scrollToBottom, showPage } from './stubs/taro';
import { fakeApi, MUSEUM_ME, ok, ZHANG_ME } from './support/fake-api';
import { CATALOGUE, redemptionView } from './support/incentive-fixtures';

const redemptionQueries = () =>
  (Taro.request as jest.Mock).mock.calls
    .map((c) => (c[0] as { url: string }).url)
    .filter((u) => u.startsWith('/api/redemptions'))
    .map((u) => Object.fromEntries(new URLSearchParams(u.split('?')[1] ?? '')));

/** Pages of `size` from `total` redemptions, newest first, cursor = index of the next one. */
function pagedRedemptions(total: number, todayCount = 3) {
  const all = Array.from({ length: total }, (_, i) => redemptionView(i + 1));
  return (q: URLSearchParams) => {
    const start = Number(q.get('cursor') ?? 0);
    const limit = Number(q.get('limit') ?? 20);
    const items = all.slice(start, start + limit);
    const next = start + limit < total ? String(start + limit) : null;
    return ok({ items, nextCursor: next, todayCount });
  };
}

describe('商户 area and 核销记录', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-museum');
  });

  it('shows today’s count, the latest redemptions and the scenarios the merchant takes part in', async () => {
    fakeApi({
      'GET /api/me': ok(MUSEUM_ME),
      'GET /api/redemptions': pagedRedemptions(12, 7),
      'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }),
    });
    render(<MerchantHome />);
    await screen.findByTestId('merchant-home');
    expect(await screen.findByTestId('merchant-today-count')).toHaveTextContent('7');
    const recent = within(screen.getByTestId('merchant-recent'));
    expect(await recent.findAllByTestId('redemption-item')).toHaveLength(5);
    expect(recent.getAllByTestId('redemption-who')[0]).toHaveTextContent('张*');
    expect(redemptionQueries()[0]).toEqual({ limit: '5' });

    const scenarios = screen.getAllByTestId('merchant-scenario').map((s) => s.textContent);
    expect(scenarios).toHaveLength(2);
    expect(scenarios[0]).toContain('博物馆免费参观');
    expect(scenarios[1]).toContain('商都遗址文创优惠');

    fireEvent.click(screen.getByTestId('merchant-scan'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/merchant/verify/index' });
    fireEvent.click(screen.getByTestId('merchant-history-link'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/merchant/history/index' });
  });

  it('counts again when the merchant comes back from 核验, and on pull-down', async () => {
    let today = 2;
    fakeApi({
      'GET /api/me': ok(MUSEUM_ME),
      'GET /api/redemptions': (q) => pagedRedemptions(today, today)(q),
      'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }),
    });
    render(<MerchantHome />);
    await waitFor(() => expect(screen.getByTestId('merchant-today-count')).toHaveTextContent('2'));
    act(() => hidePage());
    today = 3;
    act(() => showPage());
    await waitFor(() => expect(screen.getByTestId('merchant-today-count')).toHaveTextContent('3'));
    today = 4;
    act(() => pullDown());
    await waitFor(() => expect(screen.getByTestId('merchant-today-count')).toHaveTextContent('4'));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('filters the history by quick date ranges and by picked days, and shows today’s count', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME), 'GET /api/redemptions': pagedRedemptions(3, 3) });
    render(<MerchantHistoryPage />);
    await screen.findByTestId('merchant-history');
    expect(await screen.findByTestId('history-today-count')).toHaveTextContent('3');
    const today = chinaToday();
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20', from: addDays(today, -6), to: today });

    fireEvent.click(screen.getByTestId('range-today'));
    await screen.findAllByTestId('redemption-item');
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20', from: today, to: today });
    expect(screen.getByTestId('history-range')).toHaveTextContent(today);

    fireEvent.click(screen.getByTestId('range-month'));
    await screen.findAllByTestId('redemption-item');
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20', from: addDays(today, -29), to: today });

    fireEvent.click(screen.getByTestId('range-all'));
    await screen.findAllByTestId('redemption-item');
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20' });

    fireEvent.change(within(screen.getByTestId('range-from')).getByTestId('picker-input'), { target: { value: '2026-02-10' } });
    await screen.findAllByTestId('redemption-item');
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20', from: '2026-02-10' });
    // Picked the wrong way round: the ends are swapped, not sent as an error.
    fireEvent.change(within(screen.getByTestId('range-to')).getByTestId('picker-input'), { target: { value: '2026-02-01' } });
    await screen.findAllByTestId('redemption-item');
    expect(redemptionQueries().at(-1)).toEqual({ limit: '20', from: '2026-02-01', to: '2026-02-10' });
  });

  it('loads the next page at the bottom of the history until there is none', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME), 'GET /api/redemptions': pagedRedemptions(45) });
    render(<MerchantHistoryPage />);
    expect(await screen.findAllByTestId('redemption-item')).toHaveLength(20);
    act(() => scrollToBottom());
    await waitFor(() => expect(screen.getAllByTestId('redemption-item')).toHaveLength(40));
    expect(redemptionQueries().at(-1)).toMatchObject({ cursor: '20' });
    fireEvent.click(screen.getByTestId('list-foot-more'));
    await screen.findByText('没有更多了');
    expect(screen.getAllByTestId('redemption-item')).toHaveLength(45);
  });

  it('shows an empty range plainly', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME), 'GET /api/redemptions': ok({ items: [], nextCursor: null, todayCount: 0 }) });
    render(<MerchantHistoryPage />);
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('这段时间没有核销记录');
    expect(screen.getByTestId('history-today-count')).toHaveTextContent('0');
  });

  it('我的 leads a merchant to its area and history', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('mine-merchant-history'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/merchant/history/index' });
    expect(screen.queryByTestId('mine-redemptions')).not.toBeInTheDocument();
  });
});

describe('居民 核销记录', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-zhang');
  });

  it('is reachable from 我的 and lists where and when each benefit was used, page by page', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME), 'GET /api/redemptions': pagedRedemptions(25) });
    render(<MinePage />);
    fireEvent.click(await screen.findByTestId('mine-redemptions'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/redemptions/index' });

    render(<ResidentRedemptionsPage />);
    const items = await screen.findAllByTestId('redemption-item');
    expect(items).toHaveLength(20);
    expect(within(items[0]).getByTestId('redemption-where')).toHaveTextContent('管城回族区博物馆');
    expect(within(items[0]).queryByTestId('redemption-who')).not.toBeInTheDocument();
    act(() => scrollToBottom());
    await waitFor(() => expect(screen.getAllByTestId('redemption-item')).toHaveLength(25));
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
  });

  it('shows the empty state with the way to 信易+', async () => {
    fakeApi({ 'GET /api/redemptions': ok({ items: [], nextCursor: null }) });
    render(<ResidentRedemptionsPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('暂无核销记录');
    fireEvent.click(screen.getByRole('button', { name: '去信易+ 看看' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/incentives/index' });
  });

  it('reloads on pull-down', async () => {
    let total = 1;
    fakeApi({ 'GET /api/redemptions': (q) => pagedRedemptions(total)(q) });
    render(<ResidentRedemptionsPage />);
    expect(await screen.findAllByTestId('redemption-item')).toHaveLength(1);
    total = 2;
    act(() => pullDown());
    await waitFor(() => expect(screen.getAllByTestId('redemption-item')).toHaveLength(2));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
