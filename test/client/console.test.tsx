import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminHome from '../../client/src/packages/admin/index';
import CasesQueuePage from '../../client/src/packages/admin/cases';
import { niceMax } from '../../client/src/packages/admin/dashboard/scale';
import { cloneWithEdit, editProblem } from '../../client/src/packages/admin/rules/clone-catalogue';
import { draftProblems, emptyDraft, toInput } from '../../client/src/packages/admin/incentive-edit/draft';
import MeasureEditPage from '../../client/src/packages/admin/measure-edit';
import { clearSession, saveToken } from '../../client/src/services/session';
import type { RuleView } from '../../client/src/services/api';
import type { PublicMeasure } from '../../client/src/services/rights-api';
import { setRouterParams } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME } from './support/fake-api';
import { ADMIN_ME, caseView, DASHBOARD, DEPT_ME } from './support/rights-fixtures';

const requests = (method: string, prefix: string) =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as { url: string; method: string; data: unknown }).filter((o) => o.method === method && o.url.startsWith(prefix));

const widthOf = (el: HTMLElement) => el.style.width;

beforeEach(() => {
  clearSession();
  saveToken('tok');
});

describe('看板', () => {
  it('draws residents by tier as bars on one scale, with the counts and 统计时间', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/dashboard': ok(DASHBOARD) });
    render(<AdminHome />);
    await screen.findByTestId('dashboard');
    expect(screen.getByTestId('dashboard-computed-at')).toHaveTextContent('统计时间：2026-11-27 10:05');
    // Counts 1, 1, 0, 4, 0 on a scale of 5.
    expect(widthOf(screen.getByTestId('tiers-bar-poor'))).toBe('20%');
    expect(widthOf(screen.getByTestId('tiers-bar-excellent'))).toBe('80%');
    expect(widthOf(screen.getByTestId('tiers-bar-good'))).toBe('0%');
    expect(screen.getByTestId('tiers-value-excellent')).toHaveTextContent('4');
    // 14 days of redemptions as columns; the last day (10) fills the scale.
    const columns = within(screen.getByTestId('redemptions')).getAllByTestId(/^redemptions-col-/);
    expect(columns).toHaveLength(14);
    expect(screen.getByTestId('redemptions-col-2026-11-27').style.height).toBe('100%');
    expect(screen.getByTestId('redemptions-col-2026-11-15').style.height).toBe('10%');
    expect(widthOf(screen.getByTestId('applications-bar-SUBMITTED'))).toBe('100%');
    expect(screen.getAllByTestId('dashboard-overdue-item')).toHaveLength(1);
    expect(screen.getByTestId('dashboard-cases')).toHaveTextContent('超期 1');
    expect(screen.getByTestId('kpi-verified')).toHaveTextContent('3');
    expect(screen.getByTestId('kpi-overdue')).toHaveTextContent('2');
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '管理控制台' });
  });

  it('explains an empty snapshot and still shows the live redemptions', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/dashboard': ok({ ...DASHBOARD, snapshot: null }) });
    render(<AdminHome />);
    expect(await screen.findByTestId('dashboard-empty')).toHaveTextContent('统计数据尚未生成');
    expect(screen.queryByTestId('dashboard-tiers')).not.toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-computed-at')).not.toBeInTheDocument();
    expect(screen.getByTestId('dashboard-redemptions')).toBeInTheDocument();
  });

  it('offers 重试 when the dashboard fails', async () => {
    let answer = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/dashboard': () => answer });
    render(<AdminHome />);
    const retry = await screen.findByTestId('dashboard-state-retry');
    answer = ok(DASHBOARD);
    fireEvent.click(retry);
    expect(await screen.findByTestId('dashboard-tiers')).toBeInTheDocument();
  });

  it('refuses a resident', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<AdminHome />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(requests('GET', '/api/admin')).toHaveLength(0);
  });

  it('niceMax rounds the scale up to 1, 2 or 5 × 10ⁿ', () => {
    expect([niceMax([]), niceMax([0]), niceMax([3]), niceMax([4]), niceMax([7]), niceMax([10]), niceMax([11]), niceMax([180])]).toEqual([1, 1, 5, 5, 10, 10, 20, 200]);
  });
});

describe('部门: 异议与修复 queues', () => {
  it('the department home counts open and overdue cases without loading the dashboard', async () => {
    fakeApi({
      'GET /api/me': ok(DEPT_ME),
      'GET /api/objections': ok({ items: [caseView({ id: 'ob-1' }), caseView({ id: 'ob-2', overdue: true })], nextCursor: null }),
      'GET /api/repairs': ok({ items: [], nextCursor: null }),
    });
    render(<AdminHome />);
    await waitFor(() => expect(screen.getByTestId('queue-entry-objection')).toHaveTextContent('待处理 2 件，其中已超期 1 件'));
    expect(screen.getByTestId('queue-entry-repair')).toHaveTextContent('待处理 0 件');
    expect(requests('GET', '/api/admin/dashboard')).toHaveLength(0);
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '数据报送' });
  });

  it('flags overdue cases and answers one with a decision and reason after confirming', async () => {
    setRouterParams({ kind: 'objection' });
    fakeApi({
      'GET /api/me': ok(DEPT_ME),
      'GET /api/objections': ok({ items: [caseView({ id: 'ob-1', overdue: true, deadline: '2026-11-20T15:59:59.999Z' }), caseView({ id: 'ob-2' })], nextCursor: null }),
      'POST /api/objections/ob-2/decision': (_q, body) =>
        ok(caseView({ id: 'ob-2', status: 'REJECTED', statusLabel: '未通过', answer: (body as { reason: string }).reason, answeredAt: '2026-11-27T03:00:00.000Z' })),
    });
    render(<CasesQueuePage />);
    const items = await screen.findAllByTestId('queue-item');
    expect(items[0]).toHaveClass('cx-queue--overdue');
    expect(within(items[0]).getByTestId('queue-deadline')).toHaveTextContent('已超期：答复期限为 2026-11-20');
    expect(items[1]).not.toHaveClass('cx-queue--overdue');
    expect(screen.getByTestId('queue-overdue-summary')).toHaveTextContent('1 件已超过答复期限');
    expect(within(items[1]).getByTestId('queue-text')).toHaveTextContent('处罚决定已被复议撤销，记录有误');
    expect(requests('GET', '/api/objections')[0].url).toBe('/api/objections?limit=20&status=OPEN');

    fireEvent.click(within(items[1]).getByTestId('queue-answer-open'));
    fireEvent.click(screen.getByTestId('answer-decision-reject'));
    fireEvent.change(screen.getByTestId('answer-reason'), { target: { value: '短' } });
    fireEvent.click(screen.getByTestId('answer-submit'));
    expect(screen.getByTestId('answer-reason-error')).toHaveTextContent('至少 4 个字');
    fireEvent.change(screen.getByTestId('answer-reason'), { target: { value: '经核查处罚决定合法有效' } });
    fireEvent.click(screen.getByTestId('answer-submit'));
    expect(screen.getByTestId('answer-confirm')).toHaveTextContent('确认答复：异议不成立？');
    expect(requests('POST', '/api/objections/')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('answer-confirm-confirm'));

    await waitFor(() => expect(within(screen.getAllByTestId('queue-item')[1]).getByTestId('queue-status')).toHaveTextContent('未通过'));
    expect(within(screen.getAllByTestId('queue-item')[1]).getByTestId('queue-answer')).toHaveTextContent('经核查处罚决定合法有效');
    expect(requests('POST', '/api/objections/ob-2/decision').map((r) => r.data)).toEqual([{ decision: 'reject', reason: '经核查处罚决定合法有效' }]);
  });

  it('the centre picks a department before a queue loads', async () => {
    setRouterParams({ kind: 'repair' });
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/orgs': ok({ items: [{ id: 'org-dept-market', name: '管城回族区市场监督管理局', type: 'department' }], nextCursor: null }),
      'GET /api/repairs': ok({ items: [caseView({ id: 'rp-1', kind: 'repair' })], nextCursor: null }),
    });
    render(<CasesQueuePage />);
    fireEvent.click(await screen.findByTestId('department-org-dept-market'));
    expect(await screen.findAllByTestId('queue-item')).toHaveLength(1);
    expect(requests('GET', '/api/repairs')[0].url).toBe('/api/repairs?limit=20&status=OPEN&department=org-dept-market');
  });
});

describe('console forms (pure parts)', () => {
  const rule = (over: Partial<RuleView>): RuleView => ({
    id: 'P-LAW-03',
    title: '行政处罚（一般）',
    dimension: 'law',
    dimensionLabel: '法律法规',
    subjectType: 'person',
    points: -8,
    yearlyCap: 24,
    validityMonths: 12,
    severity: 'general',
    minPublicationMonths: 3,
    legalBasis: '《中华人民共和国行政处罚法》第四十八条',
    department: 'org-dept-market',
    departmentName: '管城回族区市场监督管理局',
    ...over,
  });

  it('a new rule version clones every rule without display names and changes only the edited one', () => {
    const rules = [rule({}), rule({ id: 'P-VIR-01', points: 5, yearlyCap: 15, severity: undefined, minPublicationMonths: undefined })];
    const cloned = cloneWithEdit(rules, { ruleId: 'P-LAW-03', points: -10, yearlyCap: 30 });
    expect(cloned[0]).toMatchObject({ id: 'P-LAW-03', points: -10, yearlyCap: 30 });
    expect(cloned[1]).toMatchObject({ id: 'P-VIR-01', points: 5, yearlyCap: 15 });
    expect(cloned.every((r) => !('dimensionLabel' in r) && !('departmentName' in r))).toBe(true);
    expect(editProblem(rules[0], { ruleId: 'P-LAW-03', points: 4, yearlyCap: 24 })).toBe('失信规则的分值须为负数');
    expect(editProblem(rules[0], { ruleId: 'P-LAW-03', points: -30, yearlyCap: 24 })).toContain('年度上限');
    expect(editProblem(rules[0], { ruleId: 'P-LAW-03', points: -8, yearlyCap: 24 })).toBe('分值和年度上限都没有变化');
    expect(editProblem(rules[0], { ruleId: 'P-LAW-03', points: -10, yearlyCap: 30 })).toBeNull();
  });

  it('an incentive draft needs merchants and sane numbers; its days become whole China-time days', () => {
    const draft = { ...emptyDraft('2026-11-27'), id: 'park-free', title: '公园免费', benefit: '免费入园' };
    expect(draftProblems(draft, true).merchantIds).toBe('至少选择一家商户');
    const ready = { ...draft, merchantIds: ['org-museum'], minPoints: '120', totalStock: '' };
    expect(draftProblems(ready, true)).toEqual({});
    expect(draftProblems({ ...ready, minPoints: '201' }, true).minPoints).toBeDefined();
    expect(draftProblems({ ...ready, validUntil: '2026-01-01' }, true).validUntil).toBe('结束日期不能早于开始日期');
    const input = toInput(ready);
    expect(input).toMatchObject({ validFrom: '2026-11-27T00:00:00+08:00', validUntil: '2027-11-27T23:59:59+08:00', minPoints: 120, merchantIds: ['org-museum'] });
    expect('totalStock' in input).toBe(false);
  });
});

describe('console edit forms', () => {
  const MEASURE: PublicMeasure = {
    id: 'M-COURT-01',
    title: '限制高消费',
    description: '限制乘坐飞机、列车软卧等高消费行为。',
    legalBasis: '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》',
    listType: '失信被执行人名单',
    ruleIds: ['P-LAW-01'],
    severity: 'serious',
    durationMonths: 12,
    affects: ['incentives'],
    purposes: [],
    howToExit: '履行生效法律文书确定的义务后解除。',
    updatedAt: '2026-11-01T02:00:00.000Z',
  };

  it('reports an edit made meanwhile by someone else without overwriting it, and loads the latest on request', async () => {
    setRouterParams({ id: 'M-COURT-01' });
    let latest = MEASURE;
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/measures': () => ok({ items: [latest], nextCursor: null }),
      'PUT /api/measures/M-COURT-01': fail(409, 'EDIT_CONFLICT', '该措施已被修改'),
    });
    render(<MeasureEditPage />);
    await waitFor(() => expect(screen.getByTestId('measure-title')).toHaveValue('限制高消费'));
    fireEvent.change(screen.getByTestId('measure-title'), { target: { value: '限制高消费行为' } });
    fireEvent.click(screen.getByTestId('measure-save'));

    expect(await screen.findByTestId('measure-conflict')).toHaveTextContent('该措施刚被其他管理员修改过，您的修改没有保存');
    expect(screen.queryByTestId('measure-error')).not.toBeInTheDocument();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(requests('PUT', '/api/measures/').map((r) => r.data)).toEqual([
      { measure: expect.objectContaining({ title: '限制高消费行为', ruleIds: ['P-LAW-01'] }), expectedUpdatedAt: '2026-11-01T02:00:00.000Z' },
    ]);

    latest = { ...MEASURE, title: '限制高消费及有关消费', updatedAt: '2026-11-02T02:00:00.000Z' };
    fireEvent.click(screen.getByTestId('measure-reload'));
    await waitFor(() => expect(screen.getByTestId('measure-title')).toHaveValue('限制高消费及有关消费'));
    expect(screen.queryByTestId('measure-conflict')).not.toBeInTheDocument();
  });

  it('checks a new measure before sending it, marks a taken id at its field, and goes back once saved', async () => {
    setRouterParams({});
    let answer = fail(409, 'MEASURE_EXISTS', '编号 M-COURT-09 已存在');
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'POST /api/measures': () => answer });
    render(<MeasureEditPage />);
    fireEvent.click(await screen.findByTestId('measure-save'));
    expect(screen.getByTestId('measure-error')).toHaveTextContent('请先修改标红的项目');
    expect(screen.getByText('形如 M-COURT-01')).toBeInTheDocument();
    expect(requests('POST', '/api/measures')).toHaveLength(0);

    const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
    type('measure-id', 'm-court-09');
    type('measure-title', '限制高消费');
    type('measure-list-type', '失信被执行人名单');
    type('measure-rules', 'P-LAW-01');
    type('measure-description', '限制乘坐飞机等高消费行为。');
    type('measure-basis', '《最高人民法院关于限制被执行人高消费的规定》');
    type('measure-exit', '履行义务后解除。');
    fireEvent.click(screen.getByTestId('measure-affects-loans'));
    expect(screen.queryByText('形如 M-COURT-01')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('measure-save'));

    await waitFor(() => expect(screen.getAllByText('编号 M-COURT-09 已存在')).toHaveLength(2));
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(requests('POST', '/api/measures')[0].data).toMatchObject({ id: 'M-COURT-09', affects: ['loans'], durationMonths: 12 });

    answer = ok({ ...MEASURE, id: 'M-COURT-10' });
    type('measure-id', 'M-COURT-10');
    fireEvent.click(screen.getByTestId('measure-save'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });
});
