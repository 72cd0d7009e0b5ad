import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminHome from '../../client/src/packages/admin/index';
import OrgEditPage from '../../client/src/packages/org/org-edit';
import OrgsPage from '../../client/src/packages/org/orgs';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fail, fakeApi, MUSEUM_ME, ok } from './support/fake-api';
import { BAD_USCC, BANK, GOOD_USCC, LIBRARY, MARKET, MUSEUM, RULES } from './support/org-fixtures';
import { ADMIN_ME, DASHBOARD } from './support/rights-fixtures';

type Sent = { url: string; method: string; data: unknown };
const requests = (method: string, prefix: string): Sent[] =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === method && o.url.startsWith(prefix));

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  clearSession();
  saveToken('tok');
});

describe('机构与人员: the list', () => {
  it('lists organisations with their type and status, filters by type and status, and pages on', async () => {
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/orgs': (q) => {
        if (q.get('type') === 'bank' && q.get('status') === 'suspended') return ok({ items: [], nextCursor: null });
        if (q.get('type') === 'bank') return ok({ items: [BANK], nextCursor: null });
        if (q.get('cursor') === 'c2') return ok({ items: [MARKET], nextCursor: null });
        return ok({ items: [MUSEUM, LIBRARY], nextCursor: 'c2' });
      },
    });
    render(<OrgsPage />);
    const items = await screen.findAllByTestId('org-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('管城回族区博物馆');
    expect(items[0]).toHaveTextContent('商户');
    expect(items[0]).toHaveTextContent('工作人员 3 人');
    expect(within(items[0]).getByTestId('org-status')).toHaveTextContent('正常');
    expect(within(items[1]).getByTestId('org-status')).toHaveTextContent('已暂停');
    expect(within(items[1]).getByTestId('org-reason')).toHaveTextContent('暂停原因：违规核销，整改中');
    expect(within(items[1]).getByTestId('org-resume')).toBeInTheDocument();
    expect(within(items[0]).getByTestId('org-suspend')).toBeInTheDocument();
    expect(requests('GET', '/api/orgs')[0].url).toBe('/api/orgs?limit=20');

    fireEvent.click(screen.getByTestId('orgs-foot-more'));
    await waitFor(() => expect(screen.getAllByTestId('org-item')).toHaveLength(3));
    expect(requests('GET', '/api/orgs').at(-1)?.url).toBe('/api/orgs?limit=20&cursor=c2');
    expect(screen.getAllByTestId('org-item')[2]).toHaveTextContent('可报送：本部门规则、企业登记');

    fireEvent.click(screen.getByTestId('orgs-type-bank'));
    await waitFor(() => expect(screen.getAllByTestId('org-item')).toHaveLength(1));
    expect(screen.getByTestId('org-item')).toHaveTextContent('中原银行管城支行');
    expect(requests('GET', '/api/orgs').at(-1)?.url).toBe('/api/orgs?type=bank&limit=20');

    fireEvent.click(screen.getByTestId('orgs-status-suspended'));
    expect(await screen.findByTestId('orgs-empty')).toHaveTextContent('没有符合条件的机构');
    expect(requests('GET', '/api/orgs').at(-1)?.url).toBe('/api/orgs?type=bank&status=suspended&limit=20');
  });

  it('shows the error with 重试', async () => {
    let answer = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/orgs': () => answer });
    render(<OrgsPage />);
    const retry = await screen.findByTestId('orgs-retry');
    answer = ok({ items: [MUSEUM], nextCursor: null });
    fireEvent.click(retry);
    expect(await screen.findByTestId('org-item')).toHaveTextContent('管城回族区博物馆');
  });

  it('suspends an organisation only with a reason, after confirming, and resumes it', async () => {
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/orgs': ok({ items: [MUSEUM], nextCursor: null }),
      'POST /api/orgs/org-museum/suspension': (_q, body) => ok({ ...MUSEUM, status: 'suspended', suspendedReason: (body as { reason: string }).reason }),
      'DELETE /api/orgs/org-museum/suspension': ok(MUSEUM),
    });
    render(<OrgsPage />);
    fireEvent.click(await screen.findByTestId('org-suspend'));
    const dialog = screen.getByTestId('org-suspend-dialog');
    expect(dialog).toHaveTextContent('暂停「管城回族区博物馆」？');
    expect(dialog).toHaveTextContent('不能再核销信易+ 凭证');
    fireEvent.click(screen.getByTestId('org-suspend-dialog-confirm'));
    expect(screen.getByTestId('org-suspend-dialog-error')).toHaveTextContent('请填写暂停原因');
    expect(requests('POST', '/api/orgs/')).toHaveLength(0);

    type('org-suspend-dialog-input', '违规核销，整改期间暂停');
    fireEvent.click(screen.getByTestId('org-suspend-dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('org-status')).toHaveTextContent('已暂停'));
    expect(requests('POST', '/api/orgs/org-museum/suspension')[0].data).toEqual({ reason: '违规核销，整改期间暂停' });
    expect(screen.getByTestId('org-reason')).toHaveTextContent('违规核销，整改期间暂停');
    expect(screen.queryByTestId('org-suspend-dialog')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('org-resume'));
    fireEvent.click(screen.getByTestId('org-resume-dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('org-status')).toHaveTextContent('正常'));
    expect(requests('DELETE', '/api/orgs/org-museum/suspension')).toHaveLength(1);
  });

  it('refuses anyone but the credit centre', async () => {
    fakeApi({ 'GET /api/me': ok(MUSEUM_ME) });
    render(<OrgsPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(requests('GET', '/api/orgs')).toHaveLength(0);
  });

  it('is one tap from the console home, which says who the centre acts for', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/dashboard': ok(DASHBOARD) });
    render(<AdminHome />);
    fireEvent.click(await screen.findByTestId('entry-orgs'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/orgs/index' });
    expect(screen.getByTestId('org-badge')).toHaveTextContent('代表：管城回族区社会信用体系建设中心');
  });
});

describe('新建机构 / 编辑机构', () => {
  it('checks the USCC as it is typed and sends nothing while it is wrong', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'POST /api/orgs': ok({ id: 'org-new' }) });
    render(<OrgEditPage />);
    await screen.findByTestId('org-form');
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '新建机构' });

    type('org-uscc', 'i');
    expect(screen.getByTestId('org-uscc-hint')).toHaveTextContent('不使用字母 I、O、S、V、Z');
    type('org-uscc', GOOD_USCC.slice(0, 17).toLowerCase());
    expect(screen.getByTestId('org-uscc')).toHaveValue(GOOD_USCC.slice(0, 17));
    expect(screen.getByTestId('org-uscc-hint')).toHaveTextContent('还需输入 1 位');
    type('org-uscc', BAD_USCC);
    expect(screen.getByTestId('org-uscc-hint')).toHaveTextContent('校验位不正确');

    fireEvent.click(screen.getByTestId('org-save'));
    expect(screen.getByTestId('org-type-field-error')).toHaveTextContent('请选择机构类型');
    expect(screen.getByTestId('org-name-field-error')).toHaveTextContent('请输入机构全称');
    expect(screen.getByTestId('org-uscc-error')).toHaveTextContent('统一社会信用代码校验位不正确，请核对');
    expect(screen.getByTestId('org-form-error')).toHaveTextContent('请先修改标红的项目');
    expect(requests('POST', '/api/orgs')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('org-type-merchant'));
    type('org-name', '管城回族区文化馆');
    type('org-uscc', GOOD_USCC);
    expect(screen.getByTestId('org-uscc-hint')).toHaveTextContent('代码校验通过');
    fireEvent.click(screen.getByTestId('org-save'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/org/staff/index?orgId=org-new' }));
    expect(requests('POST', '/api/orgs')[0].data).toEqual({ type: 'merchant', name: '管城回族区文化馆', uscc: GOOD_USCC });
  });

  it('shows a taken code at its field, without a toast', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'POST /api/orgs': fail(409, 'USCC_TAKEN', '统一社会信用代码已被使用') });
    render(<OrgEditPage />);
    await screen.findByTestId('org-form');
    fireEvent.click(screen.getByTestId('org-type-bank'));
    type('org-name', '郑州银行管城支行');
    type('org-uscc', GOOD_USCC);
    fireEvent.click(screen.getByTestId('org-save'));
    expect(await screen.findByTestId('org-uscc-error')).toHaveTextContent('已登记为其他机构');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('lets a new department feed rules of other departments, grouped by owner, and registries', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/rules': ok(RULES), 'POST /api/orgs': ok({ id: 'org-dept-new' }) });
    render(<OrgEditPage />);
    await screen.findByTestId('org-form');
    expect(screen.queryByTestId('org-feeds')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('org-type-department'));
    const court = await screen.findByTestId('feeds-group-org-dept-court');
    expect(court).toHaveTextContent('管城回族区人民法院');
    expect(court).toHaveTextContent('已选 0/2');
    fireEvent.click(screen.getByTestId('feeds-group-toggle-org-dept-court'));
    fireEvent.click(screen.getByTestId('feed-rule-P-LAW-02'));
    expect(court).toHaveTextContent('已选 1/2');
    fireEvent.click(screen.getByTestId('org-registries-tax-grades'));
    type('org-name', '管城回族区城市管理局');
    type('org-uscc', GOOD_USCC);
    fireEvent.click(screen.getByTestId('org-save'));
    await waitFor(() => expect(requests('POST', '/api/orgs')).toHaveLength(1));
    expect(requests('POST', '/api/orgs')[0].data).toEqual({
      type: 'department',
      name: '管城回族区城市管理局',
      uscc: GOOD_USCC,
      feeds: { rules: ['P-LAW-02'], registries: ['tax-grades'] },
    });
  });

  it('edits a department: its own rules are always fed, the code and type stay', async () => {
    setRouterParams({ id: 'org-dept-market' });
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/orgs/org-dept-market': ok(MARKET),
      'GET /api/rules': ok(RULES),
      'PATCH /api/orgs/org-dept-market': (_q, body) => ok({ ...MARKET, ...(body as object) }),
    });
    render(<OrgEditPage />);
    expect(await screen.findByTestId('org-name')).toHaveValue('管城回族区市场监督管理局');
    expect(screen.getByTestId('org-uscc')).toBeDisabled();
    expect(screen.queryByTestId('org-type')).not.toBeInTheDocument();
    const own = await screen.findByTestId('feed-rule-P-LAW-01');
    expect(own).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(own);
    expect(own).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('org-registries-enterprises')).toHaveAttribute('aria-checked', 'true');
    type('org-name', '管城回族区市场监管局');
    fireEvent.click(screen.getByTestId('org-save'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(requests('PATCH', '/api/orgs/org-dept-market')[0].data).toEqual({ name: '管城回族区市场监管局', feeds: { rules: [], registries: ['enterprises'] } });
    expect(requests('POST', '/api/orgs')).toHaveLength(0);
  });

  it('says why an organisation could not be loaded', async () => {
    setRouterParams({ id: 'org-gone' });
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/orgs/org-gone': fail(404, 'NOT_FOUND', '机构不存在') });
    render(<OrgEditPage />);
    expect(await screen.findByTestId('org-form-state-error')).toHaveTextContent('机构不存在');
  });
});
