import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EnterpriseApplicationPage from '../../client/src/packages/enterprise/application';
import AuthorizationsPage from '../../client/src/packages/enterprise/authorizations';
import BusinessPage from '../../client/src/packages/enterprise/business';
import EnterpriseHome from '../../client/src/packages/enterprise/index';
import HomePage from '../../client/src/pages/index';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fail, fakeApi, ok } from './support/fake-api';
import { application, CHENGXIN, HUAXIN, HUAXIN_ME, HUAXIN_USCC, KECHUANG, NEW_ENT_ME, SHUIYI } from './support/loans-fixtures';

const MASKED = `${HUAXIN_USCC.slice(0, 6)}**********${HUAXIN_USCC.slice(-2)}`;

describe('企业服务', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('shows the business card on 首页: name, masked code, grade large with score and drivers, and the shortcuts', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok(HUAXIN) });
    render(<HomePage />);
    const cardEl = await screen.findByTestId('business-card');
    const c = within(cardEl);
    expect(c.getByTestId('business-name')).toHaveTextContent('郑州华信商贸有限公司');
    expect(c.getByTestId('business-code')).toHaveTextContent(MASKED);
    expect(cardEl).not.toHaveTextContent(HUAXIN_USCC);
    expect(c.getByTestId('grade-letter')).toHaveTextContent('A');
    expect(c.getByTestId('grade-score')).toHaveTextContent('综合得分 110');
    expect(c.getByTestId('business-drivers')).toHaveTextContent('无公示中的一般或严重失信记录');
    fireEvent.click(screen.getByTestId('entry-market'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/loans/index' });
    fireEvent.click(screen.getByTestId('entry-applications'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/enterprise/applications/index' });
    fireEvent.click(screen.getByTestId('entry-authorizations'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/enterprise/authorizations/index' });
  });

  it('offers 企业认证 to a business user without a business, without an error or a toast', async () => {
    fakeApi({ 'GET /api/me': ok(NEW_ENT_ME), 'GET /api/enterprises/me': fail(409, 'NOT_REGISTERED', '请先完成企业认证') });
    render(<EnterpriseHome />);
    expect(await screen.findByTestId('business-unregistered')).toHaveTextContent('尚未完成企业认证');
    expect(screen.queryByTestId('page-shell-error')).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '企业认证' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/register/index' });
  });

  it('shows the business page: grade, drivers, penalties in 12 months and the records', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok({ ...HUAXIN, penalties12m: 2 }) });
    render(<BusinessPage />);
    await screen.findByTestId('business-page');
    expect(screen.getByTestId('business-penalties')).toHaveTextContent('2 次');
    expect(screen.getByTestId('record-title')).toHaveTextContent('纳税信用评价为 A 级');
    expect(screen.getByTestId('grade')).toHaveAttribute('data-grade', 'A');
  });

  it('shows what the registries say: status 存续, founding date, tax grade with its year — or 尚未评价', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok(HUAXIN) });
    const { unmount } = render(<BusinessPage />);
    await screen.findByTestId('business-page');
    expect(screen.getByTestId('business-registry-status')).toHaveTextContent('存续');
    expect(screen.getByTestId('business-established')).toHaveTextContent('2015-06-18');
    expect(screen.getByTestId('business-tax-grade')).toHaveTextContent('A 级（2025 年度）');
    expect(screen.queryByTestId('business-status-alert')).not.toBeInTheDocument();
    unmount();

    const { taxGradeYear: _none, ...unrated } = HUAXIN;
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok({ ...unrated, taxCreditGrade: 'M' }) });
    render(<BusinessPage />);
    await screen.findByTestId('business-page');
    expect(screen.getByTestId('business-tax-grade')).toHaveTextContent('M 级（尚未评价）');
  });

  it('tells a business the registry shows as revoked that it cannot apply for loans', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok({ ...HUAXIN, registryStatus: 'revoked', registryStatusLabel: '吊销' }) });
    render(<BusinessPage />);
    const alert = await screen.findByTestId('business-status-alert');
    expect(alert).toHaveTextContent('企业登记状态：吊销');
    expect(alert).toHaveTextContent('暂不能申请信易贷');
    expect(screen.getByTestId('business-registry-status')).toHaveAttribute('data-status', 'revoked');
  });

  it('opens a business record’s detail page, where objections and repair are offered', async () => {
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), 'GET /api/enterprises/me': ok(HUAXIN) });
    render(<BusinessPage />);
    fireEvent.click(await screen.findByTestId('record-item'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/event.*\?id=.+&subject=enterprise$/) });
  });

  it('shows an application with the bank’s deadline and history, and withdraws it after a confirmation', async () => {
    const app = application({ enterprise: { id: 'org-huaxin', name: '郑州华信商贸有限公司', uscc: HUAXIN_USCC } });
    let withdrawn = 0;
    fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      [`GET /api/loan-applications/${app.id}`]: ok(app),
      [`POST /api/loan-applications/${app.id}/withdrawal`]: () => {
        withdrawn++;
        return ok({
          ...app,
          status: 'WITHDRAWN',
          statusLabel: '已撤回',
          history: [...app.history, { status: 'WITHDRAWN', statusLabel: '已撤回', at: '2026-03-03T03:00:00.000Z', by: '周杰', byRole: 'enterprise' }],
        });
      },
    });
    setRouterParams({ id: app.id });
    render(<EnterpriseApplicationPage />);
    await screen.findByTestId('application-page');
    expect(screen.getByTestId('application-deadline')).toHaveTextContent('银行应于 2026-03-16 前答复');
    expect(screen.getByTestId('history-item')).toHaveTextContent('已提交');
    expect(screen.getByTestId('history-item')).toHaveTextContent('2026-03-02 10:00 · 企业 吴昊');

    fireEvent.click(screen.getByTestId('withdraw'));
    fireEvent.click(screen.getByTestId('withdraw-sheet-cancel'));
    expect(withdrawn).toBe(0);
    fireEvent.click(screen.getByTestId('withdraw'));
    await act(async () => fireEvent.click(screen.getByTestId('withdraw-sheet-confirm')));
    expect(withdrawn).toBe(1);
    expect(screen.getByTestId('application-status')).toHaveTextContent('已撤回');
    expect(screen.getAllByTestId('history-status').map((h) => h.textContent)).toEqual(['已提交', '已撤回']);
    expect(screen.queryByTestId('withdraw')).not.toBeInTheDocument();
    expect(screen.queryByTestId('application-deadline')).not.toBeInTheDocument();
  });

  it('flags an overdue application on the business’s side', async () => {
    const app = application({ overdue: true });
    fakeApi({ 'GET /api/me': ok(HUAXIN_ME), [`GET /api/loan-applications/${app.id}`]: ok(app) });
    setRouterParams({ id: app.id });
    render(<EnterpriseApplicationPage />);
    expect(await screen.findByTestId('application-overdue')).toHaveTextContent('银行已超期未答复');
  });

  it('grants a bank for the chosen days, and revokes after a confirmation', async () => {
    const grants: unknown[] = [];
    let revoked = 0;
    let items = [
      { id: 'au-1', bankId: 'org-bank-zy', bankName: '中原银行郑州管城支行', grantedAt: '2026-03-01T02:00:00.000Z', expiresAt: '2026-03-31T02:00:00.000Z', status: 'active' },
      { id: 'au-0', bankId: 'org-bank-ccb', bankName: '中国建设银行郑州管城支行', grantedAt: '2026-01-01T02:00:00.000Z', expiresAt: '2026-01-08T02:00:00.000Z', status: 'expired' },
    ];
    fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      'GET /api/loan-products': ok({ items: [CHENGXIN, SHUIYI, KECHUANG], nextCursor: null }),
      'GET /api/authorizations': () => ok({ items, nextCursor: null }),
      'POST /api/authorizations': (_q, body) => {
        grants.push(body);
        return { status: 201, body: { id: 'au-2', expiresAt: '2026-06-01T02:00:00.000Z' } };
      },
      'DELETE /api/authorizations/au-1': () => {
        revoked++;
        items = items.map((a) => (a.id === 'au-1' ? { ...a, status: 'revoked', revokedAt: '2026-03-05T02:00:00.000Z' } : a));
        return { status: 204, body: '' };
      },
    });
    render(<AuthorizationsPage />);
    await screen.findByTestId('authorizations-page');
    // Each bank once, from the products it publishes.
    expect(within(screen.getByTestId('grant-bank')).getAllByRole('radio').map((r) => r.textContent)).toEqual(['中原银行郑州管城支行', '中国建设银行郑州管城支行']);
    expect(screen.getAllByTestId('authorization-status').map((s) => s.textContent)).toEqual(['生效中', '已到期']);

    await act(async () => fireEvent.click(screen.getByTestId('grant-submit')));
    expect(screen.getByTestId('grant-error')).toHaveTextContent('请选择要授权的银行');
    fireEvent.click(screen.getByTestId('grant-bank-org-bank-ccb'));
    fireEvent.click(screen.getByTestId('grant-days-90'));
    await act(async () => fireEvent.click(screen.getByTestId('grant-submit')));
    expect(grants).toEqual([{ bankId: 'org-bank-ccb', days: 90 }]);

    fireEvent.click(screen.getByTestId('revoke'));
    expect(screen.getByTestId('revoke-sheet')).toHaveTextContent('中原银行郑州管城支行将不能再凭此授权查询');
    await act(async () => fireEvent.click(screen.getByTestId('revoke-sheet-confirm')));
    expect(revoked).toBe(1);
    expect(screen.getAllByTestId('authorization-status').map((s) => s.textContent)).toEqual(['已撤销', '已到期']);
    expect(screen.queryByTestId('revoke')).not.toBeInTheDocument();
  });
});
