import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import BankApplicationPage from '../../client/src/packages/bank/application';
import BankHome from '../../client/src/packages/bank/index';
import QueuePage from '../../client/src/packages/bank/queue';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fail, fakeApi, ok } from './support/fake-api';
import { application, BANK_ME, HUAXIN_ME, REPORT } from './support/loans-fixtures';

const UNDER_REVIEW = application({
  status: 'UNDER_REVIEW',
  statusLabel: '审批中',
  history: [
    ...application().history,
    { status: 'UNDER_REVIEW', statusLabel: '审批中', at: '2026-03-03T02:00:00.000Z', by: '中原银行郑州管城支行', byRole: 'bank' },
  ],
});

const decided = (reason: string) =>
  application({
    status: 'REJECTED',
    statusLabel: '已拒绝',
    decisionReason: reason,
    history: [...UNDER_REVIEW.history, { status: 'REJECTED', statusLabel: '已拒绝', at: '2026-03-04T02:00:00.000Z', by: '中原银行郑州管城支行', byRole: 'bank', reason }],
  });

function api() {
  const decisions: unknown[] = [];
  fakeApi({
    'GET /api/me': ok(BANK_ME),
    [`GET /api/loan-applications/${UNDER_REVIEW.id}`]: ok(UNDER_REVIEW),
    [`GET /api/loan-applications/${UNDER_REVIEW.id}/credit-report`]: ok(REPORT),
    [`POST /api/loan-applications/${UNDER_REVIEW.id}/decision`]: (_q, body) => {
      decisions.push(body);
      const b = body as { decision: string; reason?: string };
      return ok(b.decision === 'reject' ? decided(b.reason ?? '') : { ...UNDER_REVIEW, status: 'APPROVED', statusLabel: '已批准' });
    },
  });
  return decisions;
}

async function openApplication() {
  setRouterParams({ id: UNDER_REVIEW.id });
  render(<BankApplicationPage />);
  await screen.findByTestId('bank-application-page');
  await screen.findByTestId('credit-report');
}

const sheet = () => within(screen.getByTestId('reject-sheet'));
const confirmReject = () => act(async () => fireEvent.click(sheet().getByTestId('reject-sheet-confirm')));

describe('银行审批', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('shows the application with its deadline and the authorised credit report (legal representative masked)', async () => {
    api();
    await openApplication();
    expect(screen.getByTestId('application-status')).toHaveTextContent('审批中');
    expect(screen.getByTestId('application-amount')).toHaveTextContent('50 万元');
    expect(screen.getByTestId('application-deadline')).toHaveTextContent('银行应于 2026-03-16 前答复');
    expect(screen.getByTestId('report-legal')).toHaveTextContent('吴*');
    expect(screen.getByTestId('report-registry-status')).toHaveTextContent('存续');
    expect(screen.getByTestId('grade-letter')).toHaveTextContent('B');
    expect(screen.getByTestId('report-drivers')).toHaveTextContent('存在 1 条公示中的一般失信记录');
    expect(screen.getByTestId('report-penalties')).toHaveTextContent('1 次');
    expect(within(screen.getByTestId('report-records')).getByTestId('record-title')).toHaveTextContent('行政处罚（一般）');
  });

  it('requires a reason to reject: none, or too short, is refused without a request', async () => {
    const decisions = api();
    await openApplication();
    fireEvent.click(screen.getByTestId('reject'));
    await confirmReject();
    expect(sheet().getByTestId('reject-sheet-error')).toHaveTextContent('请填写拒绝理由');
    fireEvent.change(sheet().getByTestId('reject-sheet-input'), { target: { value: '不行' } });
    await confirmReject();
    expect(sheet().getByTestId('reject-sheet-error')).toHaveTextContent('拒绝理由至少 4 个字');
    expect(decisions).toHaveLength(0);

    fireEvent.change(sheet().getByTestId('reject-sheet-input'), { target: { value: '  近期经营流水不足以覆盖还款  ' } });
    await confirmReject();
    expect(decisions).toEqual([{ decision: 'reject', reason: '近期经营流水不足以覆盖还款' }]);
    expect(screen.queryByTestId('reject-sheet')).not.toBeInTheDocument();
    expect(screen.getByTestId('application-status')).toHaveTextContent('已拒绝');
    expect(screen.getByTestId('application-reason')).toHaveTextContent('近期经营流水不足以覆盖还款');
    const last = screen.getAllByTestId('history-item').at(-1)!;
    expect(last).toHaveTextContent('已拒绝');
    expect(last).toHaveTextContent('理由：近期经营流水不足以覆盖还款');
    expect(screen.queryByTestId('decision-actions')).not.toBeInTheDocument();
  });

  it('approves after a confirmation, and 取消 sends nothing', async () => {
    const decisions = api();
    await openApplication();
    fireEvent.click(screen.getByTestId('approve'));
    fireEvent.click(screen.getByTestId('approve-sheet-cancel'));
    expect(screen.queryByTestId('approve-sheet')).not.toBeInTheDocument();
    expect(decisions).toHaveLength(0);
    fireEvent.click(screen.getByTestId('approve'));
    await act(async () => fireEvent.click(screen.getByTestId('approve-sheet-confirm')));
    expect(decisions).toEqual([{ decision: 'approve' }]);
    expect(screen.getByTestId('application-status')).toHaveTextContent('已批准');
    expect(screen.getByTestId('disburse')).toBeInTheDocument();
  });

  it('refuses a disbursement above the applied amount', async () => {
    const approved = application({ status: 'APPROVED', statusLabel: '已批准' });
    const disbursements: unknown[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      [`GET /api/loan-applications/${approved.id}`]: ok(approved),
      [`GET /api/loan-applications/${approved.id}/credit-report`]: ok(REPORT),
      [`POST /api/loan-applications/${approved.id}/disbursement`]: (_q, body) => {
        disbursements.push(body);
        return ok({ ...approved, status: 'DISBURSED', statusLabel: '已放款', disbursedAmount: 450000 });
      },
    });
    setRouterParams({ id: approved.id });
    render(<BankApplicationPage />);
    fireEvent.click(await screen.findByTestId('disburse'));
    const input = screen.getByTestId('disburse-sheet-input');
    expect(input).toHaveValue(500000);
    fireEvent.change(input, { target: { value: '500001' } });
    await act(async () => fireEvent.click(screen.getByTestId('disburse-sheet-confirm')));
    expect(screen.getByTestId('disburse-sheet-error')).toHaveTextContent('放款金额不能超过申请金额 500,000 元');
    fireEvent.change(input, { target: { value: '450000' } });
    await act(async () => fireEvent.click(screen.getByTestId('disburse-sheet-confirm')));
    expect(disbursements).toEqual([{ amount: 450000 }]);
    expect(screen.getByTestId('application-disbursed')).toHaveTextContent('450,000 元');
  });

  it('says so when the report is no longer authorised, without a toast', async () => {
    const ended = application({ status: 'DISBURSED', statusLabel: '已放款', disbursedAmount: 500000 });
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      [`GET /api/loan-applications/${ended.id}`]: ok(ended),
      [`GET /api/loan-applications/${ended.id}/credit-report`]: fail(403, 'NOT_AUTHORIZED', '企业未授权本行查询其信用报告'),
    });
    setRouterParams({ id: ended.id });
    render(<BankApplicationPage />);
    expect(await screen.findByTestId('report-not-authorized')).toHaveTextContent('无权查看信用报告');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.queryByTestId('decision-actions')).not.toBeInTheDocument();
  });

  it('keeps a business out', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME) });
    setRouterParams({ id: UNDER_REVIEW.id });
    render(<BankApplicationPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
  });
});

describe('银行首页与审批列表', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
    jest.useFakeTimers({ now: new Date('2026-03-13T02:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => jest.useRealTimers());

  const soon = application({ id: 'la-00000000-0000-4000-8000-000000000001', status: 'UNDER_REVIEW', statusLabel: '审批中', deadline: '2026-03-13T16:00:00.000Z' });
  const later = application({ id: 'la-00000000-0000-4000-8000-000000000002', deadline: '2026-03-20T16:00:00.000Z' });
  const late = application({ id: 'la-00000000-0000-4000-8000-000000000003', deadline: '2026-03-10T16:00:00.000Z', overdue: true });
  const done = application({ id: 'la-00000000-0000-4000-8000-000000000004', status: 'APPROVED', statusLabel: '已批准' });

  it('counts 待审批 (submitted and under review), 即将超期 and 已超期 across pages', async () => {
    const queries: string[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      'GET /api/loan-applications': (q) => {
        queries.push(q.toString());
        return q.get('cursor') ? ok({ items: [late, done], nextCursor: null }) : ok({ items: [soon, later], nextCursor: 'next' });
      },
    });
    render(<BankHome />);
    await screen.findByTestId('bank-home');
    expect(await screen.findByTestId('count-open-value')).toHaveTextContent('3');
    expect(screen.getByTestId('count-due-value')).toHaveTextContent('1');
    expect(screen.getByTestId('count-overdue-value')).toHaveTextContent('1');
    expect(screen.getByTestId('count-approved-value')).toHaveTextContent('1');
    expect(queries).toEqual(['limit=100', 'limit=100&cursor=next']);
  });

  it('filters the queue: 待审批 by default with each deadline, 已超期 asks the server for overdue ones', async () => {
    const queries: string[] = [];
    fakeApi({
      'GET /api/me': ok(BANK_ME),
      'GET /api/loan-applications': (q) => {
        queries.push(q.toString());
        if (q.get('overdue') === 'true') return ok({ items: [late], nextCursor: null });
        return ok({ items: [soon, later, late, done], nextCursor: null });
      },
    });
    setRouterParams({});
    render(<QueuePage />);
    await screen.findAllByTestId('application-card');
    const ids = () => screen.getAllByTestId('application-card').map((c) => c.getAttribute('data-application-id'));
    expect(ids()).toEqual([soon.id, later.id, late.id]);
    const first = within(screen.getAllByTestId('application-card')[0]);
    expect(first.getByTestId('application-deadline')).toHaveTextContent('银行应于 2026-03-13 前答复');
    expect(first.getByTestId('application-time-left')).toHaveTextContent('今日到期');
    expect(within(screen.getAllByTestId('application-card')[2]).getByTestId('application-overdue')).toHaveTextContent('已超期 3 天');

    await act(async () => fireEvent.click(screen.getByTestId('queue-filter-overdue')));
    expect(queries.at(-1)).toBe('limit=20&overdue=true');
    expect(ids()).toEqual([late.id]);
  });
});
