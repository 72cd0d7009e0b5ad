import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../client/src/pages/index';
import IncentivesPage from '../../client/src/pages/incentives';
import { ALL_INCENTIVES, setIncentiveFilter } from '../../client/src/services/incentives';
import { clearSession, saveToken } from '../../client/src/services/session';
import { pullDown } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME, ZHANG_POINTS } from './support/fake-api';
import { CATALOGUE, LI_CATALOGUE, ZHANG_CATALOGUE } from './support/incentive-fixtures';

const cards = () => screen.getAllByTestId('incentive-card');
const card = (id: string) => {
  const found = cards().find((c) => c.getAttribute('data-incentive-id') === id);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
};
const shownIds = () => cards().map((c) => c.getAttribute('data-incentive-id'));

describe('信易+ tab', () => {
  beforeEach(() => {
    clearSession();
    setIncentiveFilter(ALL_INCENTIVES);
  });

  it('shows a resident on each card whether they can use it, with every reason why not', async () => {
    saveToken('tok-li');
    fakeApi({ 'GET /api/incentives': ok({ items: LI_CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');

    const museum = within(card('museum-free-entry'));
    expect(museum.getByTestId('incentive-title')).toHaveTextContent('博物馆免费参观');
    expect(museum.getByText('管城回族区博物馆')).toBeInTheDocument();
    expect(museum.getByTestId('incentive-min-points')).toHaveTextContent('积分 ≥ 100');
    expect(museum.getByTestId('incentive-quota')).toHaveTextContent('每天 1 次');
    expect(museum.getByTestId('incentive-status')).toHaveTextContent('暂不可用');
    expect(museum.getAllByTestId('incentive-reason').map((r) => r.textContent)).toEqual(['还差 8 分']);

    const library = within(card('library-deposit-free'));
    expect(library.getByTestId('incentive-quota')).toHaveTextContent('每月 2 次');
    expect(library.getAllByTestId('incentive-reason').map((r) => r.textContent)).toEqual(['还差 8 分', '本月次数已用完']);

    expect(within(card('market-coupon')).getByTestId('incentive-stock')).toHaveTextContent('剩余名额 480 / 500');
    expect(screen.getByTestId('incentives-summary')).toHaveTextContent('您当前可享受 0 项权益');
  });

  it('shows 可享受 with the quota left for an eligible resident', async () => {
    saveToken('tok-zhang');
    fakeApi({ 'GET /api/incentives': ok({ items: ZHANG_CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');
    const status = within(card('library-deposit-free')).getByTestId('incentive-status');
    expect(status).toHaveTextContent('可享受');
    expect(status).toHaveTextContent('本月剩余 2 次');
    expect(within(card('museum-free-entry')).getByTestId('incentive-status')).toHaveTextContent('今日剩余 1 次');
    expect(within(card('market-coupon')).getByTestId('incentive-status')).toHaveTextContent('今日次数已用完');
  });

  it('filters the cards by category chip and back to 全部', async () => {
    saveToken('tok-li');
    fakeApi({ 'GET /api/incentives': ok({ items: LI_CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');
    expect(shownIds()).toHaveLength(4);

    fireEvent.click(screen.getByTestId('category-travel'));
    expect(shownIds()).toEqual(['museum-free-entry', 'ruins-park-culture']);
    expect(screen.getByTestId('category-travel')).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByTestId('category-read'));
    expect(shownIds()).toEqual(['library-deposit-free']);

    fireEvent.click(screen.getByTestId('category-medical'));
    expect(screen.queryAllByTestId('incentive-card')).toHaveLength(0);
    expect(screen.getByTestId('incentives-filtered-empty')).toHaveTextContent('该分类暂无场景');

    fireEvent.click(screen.getByTestId('category-all'));
    expect(shownIds()).toHaveLength(4);
  });

  it('首页 出示信用凭证 opens 信易+ showing only what the resident can use now', async () => {
    saveToken('tok-zhang');
    fakeApi({
      'GET /api/me': ok(ZHANG_ME),
      'GET /api/points/me': ok(ZHANG_POINTS),
      'GET /api/incentives': ok({ items: ZHANG_CATALOGUE, nextCursor: null }),
    });
    // Both tabs stay mounted in the app, as here.
    render(
      <>
        <HomePage />
        <IncentivesPage />
      </>,
    );
    await screen.findByTestId('incentives-page');
    expect(shownIds()).toHaveLength(4);
    fireEvent.click(await screen.findByRole('button', { name: '出示信用凭证' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/incentives/index' });
    expect(shownIds()).toEqual(['museum-free-entry', 'library-deposit-free', 'ruins-park-culture']);
    expect(screen.getByTestId('usable-only')).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByTestId('usable-only'));
    expect(shownIds()).toHaveLength(4);
  });

  it('opens the scenario page when a card is tapped', async () => {
    saveToken('tok-zhang');
    fakeApi({ 'GET /api/incentives': ok({ items: ZHANG_CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');
    fireEvent.click(card('museum-free-entry'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/incentive/index?id=museum-free-entry' });
  });

  it('shows just the catalogue to someone signed out, with the way to sign in', async () => {
    fakeApi({ 'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');
    expect(cards()).toHaveLength(4);
    expect(screen.queryByTestId('incentive-status')).not.toBeInTheDocument();
    expect(screen.queryByTestId('usable-only')).not.toBeInTheDocument();
    expect(within(card('market-coupon')).getByTestId('incentive-stock')).toHaveTextContent('共 500 个名额');
    expect(screen.getByTestId('incentives-login')).toBeInTheDocument();
    const sent = (Taro.request as jest.Mock).mock.calls[0][0] as { header: Record<string, string> };
    expect(sent.header.Authorization).toBeUndefined();
  });

  it('ignores a 只看可享受 filter for someone who is not a resident', async () => {
    setIncentiveFilter({ category: 'all', usableOnly: true });
    fakeApi({ 'GET /api/incentives': ok({ items: CATALOGUE, nextCursor: null }) });
    render(<IncentivesPage />);
    await screen.findByTestId('incentives-page');
    expect(cards()).toHaveLength(4);
  });

  it('shows the error with 重试, and reloads on pull-down', async () => {
    saveToken('tok-li');
    let calls = 0;
    let items = LI_CATALOGUE;
    fakeApi({
      'GET /api/incentives': () => (++calls === 1 ? fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试') : ok({ items, nextCursor: null })),
    });
    render(<IncentivesPage />);
    expect(await screen.findByTestId('page-shell-error')).toHaveTextContent('服务暂时不可用');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByTestId('incentives-page');
    expect(within(card('museum-free-entry')).getByTestId('incentive-status')).toHaveTextContent('还差 8 分');

    items = ZHANG_CATALOGUE;
    act(() => pullDown());
    expect(await within(card('museum-free-entry')).findByText('可享受')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('shows the empty state when there is no scenario yet', async () => {
    fakeApi({ 'GET /api/incentives': ok({ items: [], nextCursor: null }) });
    render(<IncentivesPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('暂无信易+ 场景');
  });
});
