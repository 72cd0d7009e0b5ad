import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProductEditPage from '../../client/src/packages/bank/product-edit';
import ProductsPage from '../../client/src/packages/bank/products';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fakeApi, ok } from './support/fake-api';
import { BANK_ME, CHENGXIN, product } from './support/loans-fixtures';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const save = () => act(async () => fireEvent.click(screen.getByTestId('pe-save')));

describe('产品管理', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('names each range problem as typed and sends nothing until the product is valid', async () => {
    const created: unknown[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      'POST /api/loan-products': (_q, body) => {
        created.push(body);
        return { status: 201, body: { ...CHENGXIN, id: 'lp-new' } };
      },
    });
    setRouterParams({});
    render(<ProductEditPage />);
    await screen.findByTestId('product-edit-page');
    type('pe-name', '科技成长贷');
    type('pe-minAmount', '500000');
    type('pe-maxAmount', '100000');
    expect(screen.getByTestId('pe-maxAmount-msg')).toHaveTextContent('最高额度不能低于最低额度');
    type('pe-annualRateMin', '5.2');
    type('pe-annualRateMax', '3.1');
    expect(screen.getByTestId('pe-annualRateMax-msg')).toHaveTextContent('最高年利率不能低于最低年利率');
    await save();
    expect(screen.getByTestId('pe-minTermMonths-msg')).toHaveTextContent('请输入最短期限');
    expect(created).toHaveLength(0);

    type('pe-maxAmount', '2000000');
    type('pe-minTermMonths', '12');
    type('pe-maxTermMonths', '36');
    type('pe-annualRateMax', '6.5');
    fireEvent.click(screen.getByTestId('pe-min-grade-A'));
    await save();
    expect(created).toEqual([
      {
        name: '科技成长贷',
        description: '',
        minAmount: 500000,
        maxAmount: 2000000,
        minTermMonths: 12,
        maxTermMonths: 36,
        annualRateMin: 5.2,
        annualRateMax: 6.5,
        criteria: { minGrade: 'A', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' },
      },
    ]);
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('edits a product with the version it started from', async () => {
    const puts: unknown[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      'GET /api/loan-products': ok({ items: [CHENGXIN], nextCursor: null }),
      'PUT /api/loan-products/zy-chengxin-dai': (_q, body) => {
        puts.push(body);
        return ok(CHENGXIN);
      },
    });
    setRouterParams({ id: 'zy-chengxin-dai' });
    render(<ProductEditPage />);
    await screen.findByTestId('product-edit-page');
    expect(screen.getByTestId('pe-minAmount')).toHaveValue(100000);
    type('pe-annualRateMin', '3.3');
    await save();
    expect(puts).toEqual([
      { product: expect.objectContaining({ name: '诚信贷', annualRateMin: 3.3, annualRateMax: 4.35 }), expectedUpdatedAt: CHENGXIN.updatedAt },
    ]);
  });

  it('lists own products with withdrawn ones apart, and 下架 after a confirmation', async () => {
    let items = [CHENGXIN, product({ id: 'zy-old-dai', name: '旧产品', status: 'withdrawn' })];
    const withdrawals: unknown[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      'GET /api/loan-products': (q) => {
        expect(q.get('mine')).toBe('true');
        return ok({ items, nextCursor: null });
      },
      'POST /api/loan-products/zy-chengxin-dai/withdrawal': (_q, body) => {
        withdrawals.push(body);
        items = items.map((p) => (p.id === 'zy-chengxin-dai' ? { ...p, status: 'withdrawn' as const } : p));
        return ok(items[0]);
      },
    });
    render(<ProductsPage />);
    await screen.findByTestId('bank-products-page');
    expect(screen.getAllByTestId('bank-product-status').map((s) => s.textContent)).toEqual(['在售', '已下架']);
    expect(screen.getAllByTestId('product-withdraw')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('product-withdraw'));
    await act(async () => fireEvent.click(screen.getByTestId('withdraw-product-sheet-confirm')));
    expect(withdrawals).toEqual([{ expectedUpdatedAt: CHENGXIN.updatedAt }]);
    expect(screen.getAllByTestId('bank-product-status').map((s) => s.textContent)).toEqual(['已下架', '已下架']);
  });
});
