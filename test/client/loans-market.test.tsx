import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoansPage from '../../client/src/pages/loans';
import { clearSession, saveToken } from '../../client/src/services/session';
import { pullDown } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME } from './support/fake-api';
import { CHENGXIN, KECHUANG, MARKET_FOR_NEW, NEW_ENT_ME, SHUIYI } from './support/loans-fixtures';

const cards = () => screen.getAllByTestId('product-card');
const card = (id: string) => cards().find((c) => c.getAttribute('data-product-id') === id)!;

describe('信易贷 tab', () => {
  beforeEach(() => {
    clearSession();
  });

  it('shows a business its eligibility on every card: ✓ 符合条件, or 不符合 with the first failed detail', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/me': ok(NEW_ENT_ME), 'GET /api/loan-products': ok({ items: MARKET_FOR_NEW, nextCursor: null }) });
    render(<LoansPage />);
    await screen.findByTestId('loans-market-banner');
    await screen.findAllByTestId('product-card');

    const chengxin = within(card('zy-chengxin-dai'));
    expect(chengxin.getByTestId('product-eligibility')).toHaveTextContent('✓ 符合条件');
    expect(chengxin.getByTestId('product-bank')).toHaveTextContent('中原银行郑州管城支行');
    expect(chengxin.getByTestId('product-rate')).toHaveTextContent('3.45%–4.35%');
    expect(chengxin.getByTestId('product-amount')).toHaveTextContent('10 万–300 万元');
    expect(chengxin.getByTestId('product-term')).toHaveTextContent('6–36 个月');

    const shuiyi = within(card('zy-shuiyi-dai'));
    expect(shuiyi.getByTestId('product-eligibility')).toHaveTextContent('✗ 不符合');
    expect(shuiyi.getByTestId('product-failed')).toHaveTextContent('未登记成立日期，要求经营 ≥ 2 年（另有 1 项未满足）');
    expect(within(card('ccb-kechuang-dai')).getByTestId('product-failed')).toHaveTextContent(/^未登记成立日期，要求经营 ≥ 2 年$/);
    // No criteria catalogue for a business: its own check replaces it.
    expect(screen.queryByTestId('product-criteria')).not.toBeInTheDocument();

    fireEvent.click(card('zy-chengxin-dai'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/product/index?id=zy-chengxin-dai' });
  });

  it('filters by amount and term: the server is asked for products covering both, and 清除筛选 shows all again', async () => {
    saveToken('tok');
    const queries: string[] = [];
    // 诚信贷 up to 24 months here, so that 10 万 over 36 months matches nothing.
    const market = [{ ...MARKET_FOR_NEW[0], maxTermMonths: 24 }, ...MARKET_FOR_NEW.slice(1)];
    fakeApi({
      'GET /api/me': ok(NEW_ENT_ME),
      'GET /api/loan-products': (q) => {
        queries.push(q.toString());
        const amount = Number(q.get('amount') ?? 0);
        const term = Number(q.get('termMonths') ?? 0);
        const items = market.filter(
          (p) => (!amount || (p.minAmount <= amount && amount <= p.maxAmount)) && (!term || (p.minTermMonths <= term && term <= p.maxTermMonths)),
        );
        return ok({ items, nextCursor: null });
      },
    });
    render(<LoansPage />);
    await screen.findAllByTestId('product-card');
    expect(cards()).toHaveLength(3);

    await act(async () => fireEvent.click(screen.getByTestId('filter-amount-3000000')));
    await screen.findByText('诚信贷');
    expect(cards().map((c) => c.getAttribute('data-product-id'))).toEqual(['zy-chengxin-dai', 'ccb-kechuang-dai']);
    expect(screen.getByTestId('filter-amount-3000000')).toHaveAttribute('aria-checked', 'true');

    await act(async () => fireEvent.click(screen.getByTestId('filter-term-6')));
    expect(queries.at(-1)).toBe('amount=3000000&termMonths=6');
    expect(cards().map((c) => c.getAttribute('data-product-id'))).toEqual(['zy-chengxin-dai']);

    await act(async () => fireEvent.click(screen.getByTestId('filter-amount-100000')));
    await act(async () => fireEvent.click(screen.getByTestId('filter-term-36')));
    expect(queries.at(-1)).toBe('amount=100000&termMonths=36');
    expect(screen.getByTestId('products-empty')).toHaveTextContent('没有符合筛选条件的产品');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '清除筛选' })));
    expect(queries.at(-1)).toBe('');
    expect(cards()).toHaveLength(3);
  });

  it('shows anyone else a readable catalogue with each product’s criteria and a note that businesses apply', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/me': ok(ZHANG_ME), 'GET /api/loan-products': ok({ items: [KECHUANG, CHENGXIN, SHUIYI], nextCursor: null }) });
    render(<LoansPage />);
    await screen.findAllByTestId('product-card');
    expect(screen.getByTestId('loans-note')).toHaveTextContent('信易贷由企业申请');
    expect(screen.queryByTestId('product-eligibility')).not.toBeInTheDocument();
    const criteria = within(card('zy-shuiyi-dai')).getByTestId('product-criteria');
    expect(criteria).toHaveTextContent('公共信用综合评价 B 级及以上');
    expect(criteria).toHaveTextContent('近 12 个月行政处罚不超过 2 次');
    expect(criteria).toHaveTextContent('经营满 2 年');
    expect(criteria).toHaveTextContent('纳税信用 B 级及以上');
    expect(within(card('ccb-kechuang-dai')).getByTestId('product-criteria')).toHaveTextContent('近 12 个月无行政处罚');
    // The product page shows the same criteria (and 登录后申请 signed out); only a business sees its eligibility there.
    fireEvent.click(card('zy-shuiyi-dai'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/product/index?id=zy-shuiyi-dai' });
  });

  it('is readable without signing in', async () => {
    fakeApi({ 'GET /api/loan-products': ok({ items: [CHENGXIN], nextCursor: null }) });
    render(<LoansPage />);
    expect(await screen.findByTestId('product-card')).toHaveTextContent('诚信贷');
    expect(screen.queryByTestId('page-shell-signin')).not.toBeInTheDocument();
  });

  it('shows a failed load with 重试, and pull-to-refresh loads again', async () => {
    saveToken('tok');
    let calls = 0;
    fakeApi({
      'GET /api/me': ok(NEW_ENT_ME),
      'GET /api/loan-products': () => (++calls === 1 ? fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试') : ok({ items: MARKET_FOR_NEW, nextCursor: null })),
    });
    render(<LoansPage />);
    expect(await screen.findByTestId('products-error')).toHaveTextContent('服务暂时不可用');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })));
    expect(cards()).toHaveLength(3);
    await act(async () => pullDown());
    expect(calls).toBe(3);
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
