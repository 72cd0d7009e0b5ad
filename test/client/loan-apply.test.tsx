import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ApplyPage from '../../client/src/packages/enterprise/apply';
import ProductPage from '../../client/src/packages/enterprise/product';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fakeApi, ok, type FakeResponse } from './support/fake-api';
import { application, CHENGXIN, CHENGXIN_ELIGIBILITY, HUAXIN_ME, SHUIYI, SHUIYI_ELIGIBILITY } from './support/loans-fixtures';

interface Sent {
  body: unknown;
  key: string | undefined;
}

const requestMock = Taro.request as unknown as jest.Mock;

/** The API with a scripted answer for each submission (in order); records body and Idempotency-Key. */
function api(answers: Array<FakeResponse | 'offline' | Promise<FakeResponse>>) {
  const sent: Sent[] = [];
  fakeApi({
    'GET /api/me': ok(HUAXIN_ME),
    'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI], nextCursor: null }),
  });
  const routes = requestMock.getMockImplementation()!;
  requestMock.mockImplementation(async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
    if (opts.method === 'POST' && opts.url === '/api/loan-applications') {
      sent.push({ body: opts.data, key: opts.header?.['Idempotency-Key'] });
      const answer = answers[sent.length - 1] ?? answers[answers.length - 1];
      if (answer === 'offline') throw new Error('request:fail');
      const res = await answer;
      return { statusCode: res.status, data: res.body, header: {} };
    }
    return routes(opts);
  });
  return sent;
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = () => act(async () => fireEvent.click(screen.getByTestId('apply-submit')));
const CREATED = application();

async function openForm() {
  setRouterParams({ id: 'zy-chengxin-dai' });
  const view = render(<ApplyPage />);
  await screen.findByTestId('apply-page');
  return view;
}

function fillValid() {
  type('apply-amount', '500000');
  type('apply-term', '12');
  type('apply-purpose', '采购原材料，支付上游货款');
}

describe('申请贷款', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('checks amount and term against the product’s ranges as they are typed, and requires a purpose', async () => {
    const sent = api([{ status: 201, body: CREATED }]);
    await openForm();
    expect(screen.getByTestId('apply-amount-msg')).toHaveTextContent('可申请 10 万–300 万元');
    type('apply-amount', '50000');
    expect(screen.getByTestId('apply-amount-msg')).toHaveAttribute('data-tone', 'error');
    expect(screen.getByTestId('apply-amount-msg')).toHaveTextContent('申请金额应在 100,000–3,000,000 元之间（10 万–300 万元）');
    type('apply-amount', '3000001');
    expect(screen.getByTestId('apply-amount-msg')).toHaveAttribute('data-tone', 'error');
    type('apply-amount', '500000');
    expect(screen.getByTestId('apply-amount-msg')).toHaveTextContent('即 50 万元');
    expect(screen.getByTestId('apply-amount-msg')).toHaveAttribute('data-tone', 'ok');

    type('apply-term', '48');
    expect(screen.getByTestId('apply-term-msg')).toHaveTextContent('期限应在 6–36 个月之间');
    type('apply-term', '12');
    expect(screen.getByTestId('apply-term-msg')).toHaveAttribute('data-tone', 'ok');

    await submit();
    expect(screen.getByTestId('apply-purpose-msg')).toHaveTextContent('请填写贷款用途');
    type('apply-purpose', '周转');
    await submit();
    expect(screen.getByTestId('apply-purpose-msg')).toHaveTextContent('至少 4 个字');
    expect(sent).toHaveLength(0);
    expect(screen.getByTestId('apply-notice')).toHaveTextContent('提交申请即视为授权该银行在申请处理期间查询本企业信用报告');
  });

  it('keeps one Idempotency-Key across a retry after a lost connection, and opens the application', async () => {
    const sent = api(['offline', { status: 201, body: CREATED }]);
    await openForm();
    fillValid();
    await submit();
    expect(screen.getByTestId('apply-error')).toHaveTextContent('不会重复提交');
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    await submit();
    expect(sent).toHaveLength(2);
    expect(sent[0].key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(sent[1].key).toBe(sent[0].key);
    expect(sent[1].body).toEqual({ productId: 'zy-chengxin-dai', amount: 500000, termMonths: 12, purpose: '采购原材料，支付上游货款' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/enterprise/application/index?id=${CREATED.id}` });
  });

  it('keeps the key after a server error too, and a fresh form makes a fresh key', async () => {
    const sent = api([{ status: 503, body: { error: { code: 'BUSY', message: '提交人数较多，请稍后重试' } } }, { status: 201, body: CREATED }]);
    const first = await openForm();
    fillValid();
    await submit();
    expect(screen.getByTestId('apply-error')).toHaveTextContent('提交人数较多');
    await submit();
    expect(sent).toHaveLength(2);
    expect(sent[1].key).toBe(sent[0].key);
    first.unmount();

    // Another visit to the form (another application) does not reuse the earlier key.
    const again = api([{ status: 201, body: CREATED }]);
    await openForm();
    fillValid();
    await submit();
    expect(again).toHaveLength(1);
    expect(again[0].key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(again[0].key).not.toBe(sent[0].key);
  });

  it('ignores a second tap while the first submission is on its way', async () => {
    let answer: (r: FakeResponse) => void = () => undefined;
    const pending = new Promise<FakeResponse>((resolve) => {
      answer = resolve;
    });
    const sent = api([pending]);
    await openForm();
    fillValid();
    await act(async () => {
      fireEvent.click(screen.getByTestId('apply-submit'));
      fireEvent.click(screen.getByTestId('apply-submit'));
    });
    expect(screen.getByTestId('apply-submit')).toHaveTextContent('提交中…');
    fireEvent.click(screen.getByTestId('apply-submit'));
    expect(sent).toHaveLength(1);
    await act(async () => answer({ status: 201, body: CREATED }));
    expect(sent).toHaveLength(1);
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('says an earlier try went through when the server has the key for another body', async () => {
    api([{ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: '该 Idempotency-Key 已用于另一份不同的申请' } } }]);
    await openForm();
    fillValid();
    await submit();
    expect(screen.getByTestId('apply-error')).toHaveTextContent('此前的提交已成功');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('产品详情', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('checks each criterion with its detail and offers 申请 when all are met', async () => {
    fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI], nextCursor: null }),
      'GET /api/loan-products/zy-chengxin-dai/eligibility': ok(CHENGXIN_ELIGIBILITY),
    });
    setRouterParams({ id: 'zy-chengxin-dai' });
    render(<ProductPage />);
    await screen.findAllByTestId('criterion');
    expect(screen.getAllByTestId('criterion').map((c) => c.getAttribute('data-passed'))).toEqual(['true', 'true', 'true']);
    expect(screen.getByTestId('product-rate')).toHaveTextContent('3.45%–4.35%');
    fireEvent.click(screen.getByTestId('product-apply'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/apply/index?id=zy-chengxin-dai' });
  });

  it('marks failed criteria ✗ with their detail and disables 申请 with the reasons', async () => {
    fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI], nextCursor: null }),
      'GET /api/loan-products/zy-shuiyi-dai/eligibility': ok(SHUIYI_ELIGIBILITY),
    });
    setRouterParams({ id: 'zy-shuiyi-dai' });
    render(<ProductPage />);
    await screen.findAllByTestId('criterion');
    const penalties = screen.getAllByTestId('criterion').find((c) => c.getAttribute('data-code') === 'PENALTIES_12M')!;
    expect(penalties).toHaveAttribute('data-passed', 'false');
    expect(penalties).toHaveTextContent('✗');
    expect(penalties).toHaveTextContent('近12个月行政处罚 2 次，要求 ≤ 1 次');
    expect(screen.getByTestId('product-apply')).toBeDisabled();
    expect(screen.getByTestId('product-apply-why')).toHaveTextContent('近12个月行政处罚 2 次，要求 ≤ 1 次');
    expect(screen.getByTestId('product-apply-why')).toHaveTextContent('纳税信用 M 级，要求 B 级及以上');
  });
});
