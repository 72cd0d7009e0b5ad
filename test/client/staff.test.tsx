import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffPage from '../../client/src/packages/org/staff';
import { clearSession, saveToken } from '../../client/src/services/session';
import { pullDown, setRouterParams } from './stubs/taro';
import { fail, fakeApi, ok, type FakeResponse } from './support/fake-api';
import { BANK, CLERK_ME, invitation, MANAGER_ME, member, MUSEUM } from './support/org-fixtures';
import { ADMIN_ME } from './support/rights-fixtures';

type Sent = { url: string; method: string; data: unknown };
const requests = (method: string, prefix: string): Sent[] =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === method && o.url.startsWith(prefix));

const STAFF = [
  member({ userId: 'mer-museum', name: '刘洋', manager: true, since: '2026-09-01T02:00:00.000Z' }),
  member({ userId: 'mer-clerk', name: '赵敏', since: '2026-10-08T01:00:00.000Z' }),
];
const INVITES = [invitation({ id: 'inv-1', name: '孙丽', manager: true }), invitation({ id: 'inv-0', name: '周强', status: 'used' })];

function museumRoutes(over: Record<string, FakeResponse | ((q: URLSearchParams, body: unknown) => FakeResponse)> = {}) {
  return {
    'GET /api/me': ok(MANAGER_ME),
    'GET /api/orgs/org-museum': ok(MUSEUM),
    'GET /api/orgs/org-museum/staff': ok({ items: STAFF, nextCursor: null }),
    'GET /api/orgs/org-museum/invitations': ok({ items: INVITES, nextCursor: null }),
    ...over,
  };
}

beforeEach(() => {
  clearSession();
  saveToken('tok');
});

describe('员工管理', () => {
  it("lists a manager's own staff with role, 管理员 and since, and open invitations; nobody removes themselves", async () => {
    fakeApi(museumRoutes());
    render(<StaffPage />);
    const rows = await screen.findAllByTestId('staff-item');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('刘洋');
    expect(within(rows[0]).getByTestId('staff-manager')).toHaveTextContent('管理员');
    expect(rows[0]).toHaveTextContent('本人');
    expect(within(rows[0]).queryByTestId('staff-remove')).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('商户工作人员 · 2026-10-08 加入');
    expect(within(rows[1]).queryByTestId('staff-manager')).not.toBeInTheDocument();
    expect(within(rows[1]).getByTestId('staff-remove')).toBeInTheDocument();

    const invites = screen.getAllByTestId('invitation-item');
    expect(within(invites[0]).getByTestId('invitation-status')).toHaveTextContent('待使用');
    expect(invites[0]).toHaveTextContent('有效期至 2026-11-29 10:00');
    expect(within(invites[0]).getByTestId('invitation-revoke')).toBeInTheDocument();
    expect(within(invites[1]).getByTestId('invitation-status')).toHaveTextContent('已使用');
    expect(within(invites[1]).queryByTestId('invitation-revoke')).not.toBeInTheDocument();
    expect(screen.getByTestId('org-badge')).toHaveTextContent('代表：管城回族区博物馆');
  });

  it('invites with a name and 管理员, then shows the code as text and as a QR code with its expiry', async () => {
    let invites = INVITES;
    fakeApi(
      museumRoutes({
        'GET /api/orgs/org-museum/invitations': () => ok({ items: invites, nextCursor: null }),
        'POST /api/orgs/org-museum/invitations': () => {
          invites = [invitation({ id: 'inv-2', name: '吴刚' }), ...INVITES];
          return { status: 201, body: { id: 'inv-2', code: 'K7M2Q9XH4P', expiresAt: '2026-11-30T04:00:00.000Z' } };
        },
      }),
    );
    render(<StaffPage />);
    fireEvent.click(await screen.findByTestId('staff-invite'));
    expect(screen.getByTestId('invite-role')).toHaveTextContent('商户工作人员');
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(screen.getByTestId('invite-name-error')).toHaveTextContent('请输入对方的姓名');
    expect(requests('POST', '/api/orgs/')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('invite-name'), { target: { value: ' 吴刚 ' } });
    fireEvent.click(screen.getByTestId('invite-manager'));
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByTestId('invite-code')).toHaveTextContent(/^K7M2Q9XH4P$/);
    expect(requests('POST', '/api/orgs/org-museum/invitations')[0].data).toEqual({ role: 'merchant', name: '吴刚', manager: true });
    expect((screen.getByTestId('invite-qr') as HTMLImageElement).src).toMatch(/^data:image\/gif;base64,/);
    expect(screen.getByTestId('invite-expiry')).toHaveTextContent('有效期至 2026-11-30 12:00');

    fireEvent.click(screen.getByTestId('invite-copy'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7M2Q9XH4P' });

    fireEvent.click(screen.getByTestId('invite-done'));
    expect(screen.queryByTestId('invite-sheet')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('invitation-item')).toHaveLength(3));
  });

  it('says so when the code cannot be copied, instead of failing silently', async () => {
    fakeApi(museumRoutes({ 'POST /api/orgs/org-museum/invitations': { status: 201, body: { id: 'inv-2', code: 'K7M2Q9XH4P', expiresAt: '2026-11-30T04:00:00.000Z' } } }));
    (Taro.setClipboardData as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('setClipboardData:fail permission denied')));
    render(<StaffPage />);
    fireEvent.click(await screen.findByTestId('staff-invite'));
    fireEvent.change(screen.getByTestId('invite-name'), { target: { value: '吴刚' } });
    fireEvent.click(screen.getByTestId('invite-submit'));
    fireEvent.click(await screen.findByTestId('invite-copy'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '复制失败，请长按邀请码手动复制' })));
    expect(screen.getByTestId('invite-code')).toBeInTheDocument();
  });

  it('shows why an invitation was refused, in the sheet', async () => {
    fakeApi(museumRoutes({ 'POST /api/orgs/org-museum/invitations': fail(403, 'FORBIDDEN', '只有本单位管理员可以邀请') }));
    render(<StaffPage />);
    fireEvent.click(await screen.findByTestId('staff-invite'));
    fireEvent.change(screen.getByTestId('invite-name'), { target: { value: '吴刚' } });
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByTestId('invite-error')).toHaveTextContent('只有本单位管理员可以邀请');
    expect(screen.queryByTestId('invite-code')).not.toBeInTheDocument();
  });

  it('removes a member only after confirming', async () => {
    fakeApi(museumRoutes({ 'DELETE /api/orgs/org-museum/staff/mer-clerk': { status: 204, body: '' } }));
    render(<StaffPage />);
    const clerk = (await screen.findAllByTestId('staff-item'))[1];
    fireEvent.click(within(clerk).getByTestId('staff-remove'));
    expect(screen.getByTestId('staff-remove-dialog')).toHaveTextContent('移除「赵敏」？');
    expect(screen.getByTestId('staff-remove-dialog')).toHaveTextContent('立即失去「商户工作人员」身份');
    fireEvent.click(screen.getByTestId('staff-remove-dialog-cancel'));
    expect(requests('DELETE', '/api/orgs/')).toHaveLength(0);
    expect(screen.getAllByTestId('staff-item')).toHaveLength(2);

    fireEvent.click(within(clerk).getByTestId('staff-remove'));
    fireEvent.click(screen.getByTestId('staff-remove-dialog-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('staff-item')).toHaveLength(1));
    expect(requests('DELETE', '/api/orgs/org-museum/staff/mer-clerk')).toHaveLength(1);
    expect(screen.queryByText('赵敏')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已移除' }));
  });

  it('keeps the member and explains when removal is refused', async () => {
    fakeApi(museumRoutes({ 'DELETE /api/orgs/org-museum/staff/mer-clerk': fail(409, 'CANNOT_REMOVE_SELF', '不能移除自己') }));
    render(<StaffPage />);
    const clerk = (await screen.findAllByTestId('staff-item'))[1];
    fireEvent.click(within(clerk).getByTestId('staff-remove'));
    fireEvent.click(screen.getByTestId('staff-remove-dialog-confirm'));
    expect(await screen.findByTestId('staff-remove-dialog-error')).toHaveTextContent('不能移除自己');
    expect(screen.getAllByTestId('staff-item')).toHaveLength(2);
  });

  it('revokes an open invitation after confirming', async () => {
    fakeApi(museumRoutes({ 'DELETE /api/orgs/org-museum/invitations/inv-1': { status: 204, body: '' } }));
    render(<StaffPage />);
    fireEvent.click(await screen.findByTestId('invitation-revoke'));
    fireEvent.click(screen.getByTestId('invitation-revoke-dialog-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('invitation-status')[0]).toHaveTextContent('已撤销'));
    expect(screen.queryByTestId('invitation-revoke')).not.toBeInTheDocument();
  });

  it("lets the credit centre manage any organisation's staff, the role following the type", async () => {
    setRouterParams({ orgId: 'org-bank-zy' });
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/orgs/org-bank-zy': ok(BANK),
      'GET /api/orgs/org-bank-zy/staff': ok({ items: [], nextCursor: null }),
      'GET /api/orgs/org-bank-zy/invitations': ok({ items: [], nextCursor: null }),
    });
    render(<StaffPage />);
    expect(await screen.findByTestId('staff-list-empty')).toHaveTextContent('还没有工作人员');
    expect(screen.getByTestId('invitation-list-empty')).toHaveTextContent('还没有发出邀请');
    fireEvent.click(screen.getByTestId('staff-invite'));
    expect(screen.getByTestId('invite-role')).toHaveTextContent('银行信贷员');
  });

  it('refuses a member who is not a manager', async () => {
    fakeApi({ 'GET /api/me': ok(CLERK_ME) });
    render(<StaffPage />);
    expect(await screen.findByTestId('staff-denied')).toHaveTextContent('无权管理员工');
    expect(requests('GET', '/api/orgs')).toHaveLength(0);
  });

  it('refuses a manager the staff of another organisation', async () => {
    setRouterParams({ orgId: 'org-library' });
    fakeApi({ 'GET /api/me': ok(MANAGER_ME) });
    render(<StaffPage />);
    expect(await screen.findByTestId('staff-denied')).toBeInTheDocument();
    expect(requests('GET', '/api/orgs')).toHaveLength(0);
  });

  it('reloads its lists on pull-down', async () => {
    fakeApi(museumRoutes());
    render(<StaffPage />);
    await screen.findAllByTestId('staff-item');
    const before = requests('GET', '/api/orgs/org-museum/staff').length;
    await act(async () => pullDown());
    await waitFor(() => expect(requests('GET', '/api/orgs/org-museum/staff').length).toBe(before + 1));
  });
});
