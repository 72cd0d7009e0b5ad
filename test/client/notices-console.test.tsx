import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoticesAdminPage from '../../client/src/packages/admin/notices';
import { clearSession, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, ok, ZHANG_ME } from './support/fake-api';
import { ADMIN_ME } from './support/rights-fixtures';

const requests = (method: string, prefix: string) =>
  (Taro.request as jest.Mock).mock.calls.map(([o]) => o).filter((o) => (o.method ?? 'GET') === method && String(o.url).startsWith(prefix));

const NOTICE = {
  id: '20261201020000000-0000d003',
  category: 'news',
  categoryLabel: '工作动态',
  title: '信易游新增区博物馆免费入馆场景',
  body: '信用积分达到 100 分的居民可免费入馆，每人每天 1 次。',
  publishedAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('console 信用动态管理', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok-admin');
  });

  it('checks a notice before sending, publishes it and lists it', async () => {
    let items = [NOTICE];
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/notices': () => ok({ items, nextCursor: null }),
      'POST /api/admin/notices': (_q, body) => {
        const created = { ...NOTICE, ...(body as object), id: '20261207020000000-0000abcd', categoryLabel: '政策解读', publishedAt: '2026-12-07T02:00:00.000Z', updatedAt: '2026-12-07T02:00:00.000Z' };
        items = [created, ...items];
        return { status: 201, body: created };
      },
    });
    render(<NoticesAdminPage />);
    expect(await screen.findByTestId('notice-title')).toHaveTextContent('信易游新增区博物馆免费入馆场景');
    fireEvent.click(screen.getByTestId('notice-save'));
    expect(screen.getByTestId('notice-title-field-error')).toHaveTextContent('标题须为 4–60 个字');
    expect(screen.getByTestId('notice-body-input-error')).toHaveTextContent('正文须为 10–3000 个字');
    expect(requests('POST', '/api/admin/notices')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('notice-category-policy'));
    type('notice-title-input', '2027 年信易+ 场景征集开始');
    type('notice-body-input', '欢迎区内场馆、商户申报 2027 年信易+ 守信激励场景。');
    fireEvent.click(screen.getByTestId('notice-save'));
    await waitFor(() => expect(screen.getAllByTestId('notice-title')[0]).toHaveTextContent('2027 年信易+ 场景征集开始'));
    expect(requests('POST', '/api/admin/notices').map((r) => r.data)).toEqual([
      { category: 'policy', title: '2027 年信易+ 场景征集开始', body: '欢迎区内场馆、商户申报 2027 年信易+ 守信激励场景。' },
    ]);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }));
  });

  it('corrects over the version it opened, and shows a conflict in the form without a toast', async () => {
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/notices': ok({ items: [NOTICE], nextCursor: null }),
      [`PUT /api/admin/notices/${NOTICE.id}`]: fail(409, 'EDIT_CONFLICT', '该公告刚被修改或已撤下，请刷新后重试'),
    });
    render(<NoticesAdminPage />);
    fireEvent.click(await screen.findByTestId('notice-edit'));
    expect(screen.getByTestId('notice-title-input')).toHaveValue('信易游新增区博物馆免费入馆场景');
    type('notice-title-input', '信易游新增博物馆免费入馆');
    fireEvent.click(screen.getByTestId('notice-save'));
    expect(await screen.findByTestId('notice-form-error')).toHaveTextContent('该公告刚被修改或已撤下');
    expect(requests('PUT', '/api/admin/notices/').map((r) => r.data)).toEqual([
      { notice: { category: 'news', title: '信易游新增博物馆免费入馆', body: NOTICE.body }, expectedUpdatedAt: NOTICE.updatedAt },
    ]);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('takes a notice down after confirming', async () => {
    let items = [NOTICE];
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/notices': () => ok({ items, nextCursor: null }),
      [`DELETE /api/admin/notices/${NOTICE.id}`]: () => {
        items = [];
        return { status: 204, body: '' };
      },
    });
    render(<NoticesAdminPage />);
    fireEvent.click(await screen.findByTestId('notice-withdraw'));
    expect(screen.getByTestId('notice-withdraw-dialog')).toHaveTextContent('信易游新增区博物馆免费入馆场景');
    fireEvent.click(screen.getByTestId('notice-withdraw-dialog-confirm'));
    expect(await screen.findByTestId('admin-notices-state-empty')).toHaveTextContent('还没有发布信用动态');
    expect(requests('DELETE', '/api/admin/notices/')).toHaveLength(1);
  });

  it('is not for a resident', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<NoticesAdminPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
    expect(requests('GET', '/api/notices')).toHaveLength(0);
  });
});
