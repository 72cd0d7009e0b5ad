import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AccessLogPage from '../../client/src/packages/resident/access-log';
import CasesPage from '../../client/src/packages/resident/cases';
import ConsentsPage from '../../client/src/packages/resident/consents';
import MyMeasuresPage from '../../client/src/packages/resident/measures';
import ReportPage from '../../client/src/packages/resident/report';
import HomePage from '../../client/src/pages/index';
import MinePage from '../../client/src/pages/mine';
import { clearSession, saveToken } from '../../client/src/services/session';
import { pullDown, scrollToBottom } from './stubs/taro';
import { fail, fakeApi, MUSEUM_ME, ok } from './support/fake-api';
import { accessEntry, caseView, consent, HUAXIN_ME, LI_ME, SIGNED_REPORT } from './support/rights-fixtures';

const calls = (method: string, prefix: string) =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as { url: string; method: string; data: unknown }).filter((o) => o.method === method && o.url.startsWith(prefix));

beforeEach(() => {
  clearSession();
  saveToken('tok');
});

describe('谁查看了我的信用', () => {
  it('lists who looked (organisation and role), when in China time, why and at what', async () => {
    fakeApi({
      'GET /api/access-log': ok({
        items: [
          accessEntry(1),
          accessEntry(2, { at: '2026-11-20T01:00:00.000Z', actor: { orgName: '中原银行郑州管城支行', role: 'bank', roleLabel: '银行' }, purpose: '信易贷审批', what: '企业信用报告' }),
        ],
        nextCursor: null,
      }),
    });
    render(<AccessLogPage />);
    const items = await screen.findAllByTestId('access-item');
    expect(items).toHaveLength(2);
    const first = within(items[0]);
    expect(first.getByTestId('access-org')).toHaveTextContent('管城回族区博物馆');
    expect(first.getByTestId('access-role')).toHaveTextContent('商户');
    expect(first.getByTestId('access-at')).toHaveTextContent('2026-11-26 14:05');
    expect(first.getByTestId('access-purpose')).toHaveTextContent('信易+ 核验：博物馆免费参观');
    expect(first.getByTestId('access-what')).toHaveTextContent('是否符合条件、脱敏姓名');
    expect(within(items[1]).getByTestId('access-role')).toHaveTextContent('银行');
    expect(screen.getByTestId('access-foot')).toHaveTextContent('没有更多了');
  });

  it('loads the next page at the bottom and reloads on pull-to-refresh', async () => {
    fakeApi({
      'GET /api/access-log': (q) =>
        q.get('cursor') === 'p2'
          ? ok({ items: [accessEntry(3)], nextCursor: null })
          : ok({ items: [accessEntry(1), accessEntry(2)], nextCursor: 'p2' }),
    });
    render(<AccessLogPage />);
    expect(await screen.findAllByTestId('access-item')).toHaveLength(2);
    scrollToBottom();
    await waitFor(() => expect(screen.getAllByTestId('access-item')).toHaveLength(3));
    pullDown();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(calls('GET', '/api/access-log').map((c) => c.url)).toEqual(['/api/access-log?limit=20', '/api/access-log?limit=20&cursor=p2', '/api/access-log?limit=20']);
  });

  it('says so when nobody has looked, and offers 重试 after a failure', async () => {
    let answer = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    fakeApi({ 'GET /api/access-log': () => answer });
    render(<AccessLogPage />);
    const retry = await screen.findByTestId('page-shell-retry');
    answer = ok({ items: [], nextCursor: null });
    fireEvent.click(retry);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('暂无查询记录');
    expect(calls('GET', '/api/access-log')).toHaveLength(2);
  });
});

describe('异议与修复', () => {
  it('shows each case with its status, deadline and the department’s answer', async () => {
    fakeApi({
      'GET /api/me': ok(LI_ME),
      'GET /api/objections': ok({
        items: [
          caseView({ id: 'ob-1' }),
          caseView({ id: 'ob-2', status: 'REJECTED', statusLabel: '未通过', answer: '经核查处罚决定有效，记录无误', answeredAt: '2026-11-21T03:00:00.000Z' }),
          caseView({ id: 'ob-3', overdue: true, deadline: '2026-11-10T15:59:59.999Z' }),
        ],
        nextCursor: null,
      }),
      'GET /api/repairs': ok({ items: [caseView({ id: 'rp-1', kind: 'repair', status: 'APPROVED', statusLabel: '已修复', answer: '同意修复', answeredAt: '2026-11-22T03:00:00.000Z' })], nextCursor: null }),
    });
    render(<CasesPage />);
    const items = await screen.findAllByTestId('case-item');
    expect(items.map((i) => within(i).getByTestId('case-status').textContent)).toEqual(['处理中', '未通过', '处理中']);
    expect(within(items[0]).getByTestId('case-deadline')).toHaveTextContent('报送部门应于 2026-11-27 前答复');
    expect(within(items[1]).getByTestId('case-answer')).toHaveTextContent('经核查处罚决定有效，记录无误');
    expect(within(items[2]).getByTestId('case-deadline')).toHaveTextContent('已超过答复期限');

    fireEvent.click(screen.getByTestId('cases-kind-repair'));
    await waitFor(() => expect(screen.getAllByTestId('case-item')).toHaveLength(1));
    expect(screen.getByTestId('case-status')).toHaveTextContent('已修复');
    expect(calls('GET', '/api/repairs')).toHaveLength(1);
  });
});

describe('授权管理', () => {
  it('asks for confirmation, explaining that points pause, before withdrawing consent', async () => {
    let consents = [consent()];
    fakeApi({
      'GET /api/me': ok(LI_ME),
      'GET /api/consents': () => ok({ items: consents, nextCursor: null }),
      'POST /api/consents/sensitive-pi/withdrawal': () => {
        consents = [consent({ active: false, withdrawnAt: '2026-11-27T03:00:00.000Z' })];
        return ok(consents[0]);
      },
    });
    render(<ConsentsPage />);
    expect(await screen.findByTestId('consent-state')).toHaveTextContent('授权有效');

    fireEvent.click(screen.getByTestId('consent-withdraw'));
    const dialog = screen.getByTestId('withdraw-dialog');
    expect(dialog).toHaveTextContent('信用积分将暂停计算和展示');
    expect(dialog).toHaveTextContent('随时重新授权');
    expect(calls('POST', '/api/consents')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('withdraw-dialog-cancel'));
    expect(screen.queryByTestId('withdraw-dialog')).not.toBeInTheDocument();
    expect(calls('POST', '/api/consents')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('consent-withdraw'));
    fireEvent.click(screen.getByTestId('withdraw-dialog-confirm'));
    expect(await screen.findByTestId('consent-paused')).toHaveTextContent('暂停计算和展示');
    expect(screen.getByTestId('consent-state')).toHaveTextContent('已撤回');
    expect(calls('POST', '/api/consents/sensitive-pi/withdrawal')).toHaveLength(1);
    expect(screen.queryByTestId('withdraw-dialog')).not.toBeInTheDocument();
  });

  it('grants again to the version the server names, after showing that version’s text', async () => {
    let consents = [consent({ active: false, withdrawnAt: '2026-11-27T03:00:00.000Z' })];
    fakeApi({
      'GET /api/me': ok(LI_ME),
      'GET /api/consents': () => ok({ items: consents, nextCursor: null }),
      'GET /api/consents/sensitive-pi': ok({ type: 'sensitive-pi', version: '2026-03', title: '个人敏感信息处理授权书', text: '一、处理哪些信息\n服务器上的正文。\n\n二、为什么处理\n第二节正文。' }),
      'POST /api/consents/sensitive-pi': () => {
        consents = [consent({ version: '2026-03', grantedAt: '2026-11-27T04:00:00.000Z' }), ...consents];
        return { status: 201, body: consents[0] };
      },
    });
    render(<ConsentsPage />);
    fireEvent.click(await screen.findByTestId('consent-grant'));
    const dialog = await screen.findByTestId('grant-dialog');
    expect(dialog).toHaveTextContent('《个人敏感信息处理授权书》（版本 2026-03）');
    expect(dialog).toHaveTextContent('一、处理哪些信息：服务器上的正文。');
    expect(dialog).toHaveTextContent('二、为什么处理：第二节正文。');
    fireEvent.click(screen.getByTestId('grant-dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('consent-state')).toHaveTextContent('授权有效'));
    expect(calls('POST', '/api/consents/sensitive-pi').map((c) => c.data)).toEqual([{ consentVersion: '2026-03' }]);
  });

  it('leads an enterprise user to the bank authorisations and reads no personal consent', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME) });
    render(<ConsentsPage />);
    fireEvent.click(await screen.findByTestId('consents-bank-authorizations'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/authorizations/index' });
    expect(calls('GET', '/api/consents')).toHaveLength(0);
  });
});

describe('首页 after consent was withdrawn', () => {
  it('says the points are paused and leads to 授权管理, without an error toast', async () => {
    fakeApi({ 'GET /api/me': ok(LI_ME), 'GET /api/points/me': fail(403, 'CONSENT_WITHDRAWN', '您已撤回个人敏感信息处理授权') });
    render(<HomePage />);
    expect(await screen.findByTestId('consent-withdrawn')).toHaveTextContent('积分已暂停');
    fireEvent.click(screen.getByTestId('go-consents'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/consents/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('信用报告', () => {
  it('shows the signed report readably and copies it with its signature', async () => {
    fakeApi({ 'GET /api/reports/me': ok(SIGNED_REPORT) });
    render(<ReportPage />);
    expect(await screen.findByTestId('report-title')).toHaveTextContent('个人信用积分报告');
    expect(screen.getByTestId('report-points')).toHaveTextContent('92');
    expect(screen.getByTestId('report-subject')).toHaveTextContent('李*');
    expect(screen.getByTestId('report-records')).toHaveTextContent('行政处罚（一般）');
    fireEvent.click(screen.getByTestId('report-copy'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalled());
    const copied = JSON.parse((Taro.setClipboardData as jest.Mock).mock.calls[0][0].data as string);
    expect(copied).toEqual({ report: SIGNED_REPORT.report, signature: SIGNED_REPORT.signature });
    fireEvent.click(screen.getByTestId('report-verify-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/verify/index' });
  });

  it('leads back to 授权管理 when consent was withdrawn', async () => {
    fakeApi({ 'GET /api/reports/me': fail(403, 'CONSENT_WITHDRAWN', '您已撤回个人敏感信息处理授权') });
    render(<ReportPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('积分已暂停');
    fireEvent.click(screen.getByRole('button', { name: '去授权管理' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/consents/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('联合惩戒', () => {
  it('shows which measure applies, because of which record, until when and how to get out', async () => {
    fakeApi({
      'GET /api/me': ok(LI_ME),
      'GET /api/measures/me': ok({
        items: [
          {
            measure: {
              id: 'M-ADMIN-01',
              title: '暂停享受信易+ 守信激励',
              description: '因严重违法受到行政处罚的个人，在最短公示期内暂停享受信易+ 守信激励。',
              legalBasis: '《河南省社会信用条例》第三十四条',
              listType: '严重行政处罚信息',
              ruleIds: ['P-LAW-04'],
              severity: 'serious',
              durationMonths: 12,
              affects: ['incentives'],
              howToExit: '最短公示期（1 年）满后可申请信用修复，修复后限制解除；修复免费。',
            },
            because: { eventId: 'ev-serious', ruleId: 'P-LAW-04', title: '行政处罚（严重）' },
            until: '2027-03-01T16:00:00.000Z',
            affectsLabels: ['信易+ 守信激励'],
          },
        ],
      }),
    });
    render(<MyMeasuresPage />);
    const card = await screen.findByTestId('my-measure');
    expect(card).toHaveTextContent('暂停享受信易+ 守信激励');
    expect(within(card).getByTestId('my-measure-because')).toHaveTextContent('行政处罚（严重）');
    expect(within(card).getByTestId('my-measure-because')).toHaveTextContent('限制至 2027-03-02');
    expect(within(card).getByTestId('measure-exit')).toHaveTextContent('修复免费');
    fireEvent.click(screen.getByTestId('public-measures-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public/measures/index' });
  });

  it('says plainly when no measure applies', async () => {
    fakeApi({ 'GET /api/me': ok(LI_ME), 'GET /api/measures/me': ok({ items: [] }) });
    render(<MyMeasuresPage />);
    expect(await screen.findByTestId('my-measures-none')).toHaveTextContent('目前没有对您适用的惩戒措施');
  });
});

describe('我的: the rights entries per role', () => {
  it('a verified resident gets all five and 报告核验', async () => {
    fakeApi({ 'GET /api/me': ok(LI_ME) });
    render(<MinePage />);
    for (const id of ['mine-cases', 'mine-access-log', 'mine-consents', 'mine-report', 'mine-measures', 'mine-verify']) {
      expect(await screen.findByTestId(id)).toBeInTheDocument();
    }
    fireEvent.click(screen.getByTestId('mine-access-log'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/access-log/index' });
  });

  it('a merchant gets only 报告核验', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<MinePage />);
    expect(await screen.findByTestId('mine-verify')).toBeInTheDocument();
    expect(screen.queryByTestId('mine-cases')).not.toBeInTheDocument();
    expect(screen.queryByTestId('mine-consents')).not.toBeInTheDocument();
  });

  it('a registered business gets the rights entries too', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME) });
    render(<MinePage />);
    expect(await screen.findByTestId('mine-report')).toBeInTheDocument();
    expect(screen.getByTestId('mine-consents')).toHaveTextContent('银行查看企业信用报告的授权');
  });
});
