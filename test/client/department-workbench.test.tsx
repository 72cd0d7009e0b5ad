import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DepartmentHome from '../../client/src/packages/department/index';
import RecordsPage from '../../client/src/packages/department/records';
import { FileError, saveTextFile } from '../../client/src/packages/department/shared/file-io';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setLargeFont } from '../../client/src/services/settings';
import { pullDown, scrollToBottom, showPage } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME } from './support/fake-api';
import { caseView } from './support/rights-fixtures';
import { CATALOGUE, marketMe, submittedRecord, SUSPENDED_ME } from './support/department-fixtures';

jest.mock('../../client/src/packages/department/shared/file-io', () => ({
  ...jest.requireActual('../../client/src/packages/department/shared/file-io'),
  pickRecordsFile: jest.fn(),
  saveTextFile: jest.fn(),
  copyText: jest.fn(),
}));

const save = saveTextFile as jest.MockedFunction<typeof saveTextFile>;

const urls = (prefix: string) =>
  (Taro.request as jest.Mock).mock.calls.map((c) => (c[0] as { url: string }).url).filter((u) => u.startsWith(prefix));

beforeEach(() => {
  clearSession();
  setLargeFont(false);
  saveToken('tok-dept');
  save.mockReset();
});

function homeRoutes(over: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/me': ok(marketMe()),
    'GET /api/rules': ok(CATALOGUE),
    'GET /api/objections': ok({ items: [caseView({ id: 'o1' }), caseView({ id: 'o2', overdue: true })], nextCursor: null }),
    'GET /api/repairs': ok({ items: [], nextCursor: null }),
    ...(over as Record<string, never>),
  });
}

describe('部门工作台', () => {
  it('names the department and leads to each part of the workbench', async () => {
    homeRoutes();
    render(<DepartmentHome />);
    await screen.findByTestId('dept-home');
    expect(screen.getByTestId('dept-org')).toHaveTextContent('管城回族区市场监督管理局 · 冯涛');
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '部门工作台' });
    expect(await screen.findByTestId('dept-rules-count')).toHaveTextContent('共 5 条：个人 3 条 · 企业 2 条');

    fireEvent.click(screen.getByTestId('dept-entry-submit'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/department/submit/index' });
    fireEvent.click(screen.getByTestId('dept-entry-upload'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/department/upload/index' });
    fireEvent.click(screen.getByTestId('dept-entry-records'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/department/records/index' });
  });

  it('shows the objection and repair queues with their counts, opening the console’s queue', async () => {
    homeRoutes();
    render(<DepartmentHome />);
    await screen.findByTestId('dept-home');
    await waitFor(() => expect(screen.getByTestId('dept-queue-objection')).toHaveTextContent('待处理 2 件，其中已超期 1 件'));
    expect(screen.getByTestId('dept-queue-repair')).toHaveTextContent('暂无待处理事项');
    expect(urls('/api/objections')[0]).toBe('/api/objections?limit=100&status=OPEN');
    fireEvent.click(screen.getByTestId('dept-queue-objection'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/cases/index?kind=objection' });
    fireEvent.click(screen.getByTestId('dept-queue-repair'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/cases/index?kind=repair' });
  });

  it('reloads the counts on pull-to-refresh and when coming back from a queue', async () => {
    homeRoutes();
    render(<DepartmentHome />);
    await waitFor(() => expect(screen.getByTestId('dept-queue-objection')).toHaveTextContent('待处理 2 件'));
    expect(urls('/api/objections')).toHaveLength(1);
    pullDown();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    await waitFor(() => expect(urls('/api/objections')).toHaveLength(2));
    act(() => showPage());
    await waitFor(() => expect(urls('/api/objections')).toHaveLength(3));
  });

  it('downloads the CSV and JSONL templates, built from this department’s rules', async () => {
    homeRoutes();
    save.mockResolvedValue('downloaded');
    render(<DepartmentHome />);
    await screen.findByTestId('dept-rules-count');
    await act(async () => {
      fireEvent.click(screen.getByTestId('template-csv'));
    });
    expect(save).toHaveBeenCalledWith('信用记录报送模板.csv', 'text/csv;charset=utf-8', expect.stringContaining('sourceId,subjectType,subjectId,ruleId,occurredAt,severity,note'));
    expect(save.mock.calls[0][2]).toContain(',P-LAW-03,');
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已下载「信用记录报送模板.csv」' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('template-jsonl'));
    });
    expect(save.mock.calls[1][0]).toBe('信用记录报送模板.jsonl');
    expect(JSON.parse(save.mock.calls[1][2].split('\n')[0])).toMatchObject({ sourceId: 'EXAMPLE-0001', ruleId: 'P-LAW-03' });
  });

  it('shows a failed download instead of swallowing it', async () => {
    homeRoutes();
    save.mockRejectedValue(new FileError('浏览器不支持下载文件，请换用电脑上的 Chrome 或 Edge 浏览器'));
    render(<DepartmentHome />);
    await screen.findByTestId('dept-home');
    await act(async () => {
      fireEvent.click(screen.getByTestId('template-csv'));
    });
    expect(screen.getByTestId('template-error')).toHaveTextContent('浏览器不支持下载文件');
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '浏览器不支持下载文件，请换用电脑上的 Chrome 或 Edge 浏览器' }));
  });

  it('explains each column of the template on request', async () => {
    homeRoutes();
    render(<DepartmentHome />);
    await screen.findByTestId('dept-home');
    expect(screen.queryByTestId('template-help')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('template-help-toggle'));
    expect(screen.getByTestId('template-help')).toHaveTextContent('用 Excel 编辑时请把该列设为「文本」');
  });

  it('warns a suspended department', async () => {
    homeRoutes({ 'GET /api/me': ok(SUSPENDED_ME) });
    render(<DepartmentHome />);
    expect(await screen.findByTestId('dept-suspended')).toHaveTextContent('暂不能报送新记录');
  });

  it('refuses anyone who is not department staff', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<DepartmentHome />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(urls('/api/objections')).toHaveLength(0);
  });

  it('asks to sign in without a session, and follows 大字模式', async () => {
    homeRoutes();
    setLargeFont(true);
    render(<DepartmentHome />);
    await screen.findByTestId('dept-home');
    expect(screen.getByTestId('page-root')).toHaveClass('cx-page--large');
    act(() => clearSession());
    expect(await screen.findByTestId('page-shell-signin')).toBeInTheDocument();
  });
});

/** Pages of 20 from `total` records, newest first, cursor = index of the next one. */
function pagedRecords(total: number) {
  const all = Array.from({ length: total }, (_, i) => submittedRecord(i + 1));
  return (q: URLSearchParams) => {
    const start = Number(q.get('cursor') ?? 0);
    const limit = Number(q.get('limit') ?? 20);
    return ok({ items: all.slice(start, start + limit), nextCursor: start + limit < total ? String(start + limit) : null });
  };
}

describe('已报送记录', () => {
  it('lists the records with their state, masked subject, dates and points', async () => {
    fakeApi({
      'GET /api/me': ok(marketMe()),
      'GET /api/credit-records': ok({
        items: [
          submittedRecord(1),
          submittedRecord(2, { state: 'waiting' }),
          submittedRecord(3, { state: 'disputed' }),
          submittedRecord(4, { state: 'repaired' }),
          submittedRecord(5, { state: 'retracted' }),
          submittedRecord(6, { state: 'expired', subjectType: 'enterprise', subjectMasked: '913501**********43', ruleId: 'E-HON-01', title: '获评“守合同重信用”企业', points: 10, severity: undefined }),
        ],
        nextCursor: null,
      }),
    });
    render(<RecordsPage />);
    const items = await screen.findAllByTestId('record-item');
    expect(items.map((i) => within(i).getByTestId('record-state').textContent)).toEqual(['已生效', '待本人注册', '异议中', '已修复', '已撤销', '已过期']);
    const first = items[0];
    expect(within(first).getByTestId('record-title')).toHaveTextContent('行政处罚（一般）');
    expect(within(first).getByTestId('record-points')).toHaveTextContent('−8');
    expect(within(first).getByTestId('record-subject')).toHaveTextContent('个人：4101**********0047');
    expect(first).toHaveTextContent('发生：2026-11-02');
    expect(first).toHaveTextContent('报送：2026-11-20 10:30');
    expect(first).toHaveTextContent('来源编号：DEPT-MARKET-0001');
    expect(first).toHaveTextContent('一般失信');
    expect(within(items[5]).getByTestId('record-points')).toHaveTextContent('+10');
    expect(within(items[5]).getByTestId('record-subject')).toHaveTextContent('企业：913501**********43');
    expect(screen.getByTestId('records-foot')).toHaveTextContent('没有更多了');
  });

  it('loads more at the bottom and starts over on pull-to-refresh', async () => {
    fakeApi({ 'GET /api/me': ok(marketMe()), 'GET /api/credit-records': pagedRecords(45) });
    render(<RecordsPage />);
    expect(await screen.findAllByTestId('record-item')).toHaveLength(20);
    scrollToBottom();
    await waitFor(() => expect(screen.getAllByTestId('record-item')).toHaveLength(40));
    fireEvent.click(screen.getByTestId('records-foot-more'));
    await waitFor(() => expect(screen.getAllByTestId('record-item')).toHaveLength(45));
    expect(urls('/api/credit-records')).toEqual(['/api/credit-records?limit=20', '/api/credit-records?limit=20&cursor=20', '/api/credit-records?limit=20&cursor=40']);
    pullDown();
    await waitFor(() => expect(urls('/api/credit-records')).toHaveLength(4));
    await waitFor(() => expect(screen.getAllByTestId('record-item')).toHaveLength(20));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('says when nothing has been submitted yet, and leads to 报送', async () => {
    fakeApi({ 'GET /api/me': ok(marketMe()), 'GET /api/credit-records': ok({ items: [], nextCursor: null }) });
    render(<RecordsPage />);
    expect(await screen.findByTestId('records-empty')).toHaveTextContent('还没有报送过记录');
    fireEvent.click(screen.getByTestId('records-submit'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/department/submit/index' });
  });

  it('offers 重试 when the list fails, and keeps shown records when a further page fails', async () => {
    let answer = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    const pages = pagedRecords(30);
    fakeApi({ 'GET /api/me': ok(marketMe()), 'GET /api/credit-records': (q) => (q.get('cursor') ? answer : pages(q)) });
    render(<RecordsPage />);
    expect(await screen.findAllByTestId('record-item')).toHaveLength(20);
    scrollToBottom();
    await waitFor(() => expect(screen.getByTestId('records-foot')).toHaveTextContent('服务暂时不可用，请稍后重试'));
    expect(screen.getAllByTestId('record-item')).toHaveLength(20);
    answer = pages(new URLSearchParams('cursor=20&limit=20'));
    fireEvent.click(within(screen.getByTestId('records-foot')).getByText('重试'));
    await waitFor(() => expect(screen.getAllByTestId('record-item')).toHaveLength(30));
  });

  it('shows the first page’s failure with 重试', async () => {
    let answer = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    fakeApi({ 'GET /api/me': ok(marketMe()), 'GET /api/credit-records': () => answer });
    render(<RecordsPage />);
    expect(await screen.findByTestId('records-error')).toHaveTextContent('服务暂时不可用');
    answer = ok({ items: [submittedRecord(1)], nextCursor: null });
    fireEvent.click(screen.getByTestId('records-retry'));
    expect(await screen.findAllByTestId('record-item')).toHaveLength(1);
  });
});
