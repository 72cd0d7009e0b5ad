import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EventPage from '../../client/src/packages/resident/event';
import { forgetEvents, rememberEvents } from '../../client/src/packages/resident/shared/event-cache';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { BLOOD, BLOOD_CAPPED, DISPUTED, OLD_CHARITY, PENALTY, REPAIRED } from './support/credit-fixtures';
import { fakeApi, ok } from './support/fake-api';

describe('信用记录详情', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
    forgetEvents();
  });

  afterEach(() => jest.restoreAllMocks());

  it('shows a negative record: rule, legal basis, department, points, counting period, severity and free repair', async () => {
    // Before its minimum publication period has passed (repair possible from 2026-06-01).
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-05-01T00:00:00Z'));
    rememberEvents([PENALTY]);
    setRouterParams({ id: 'ev-penalty' });
    const api = fakeApi({});
    render(<EventPage />);
    const detail = await screen.findByTestId('event-detail');
    expect(screen.getByTestId('event-detail-title')).toHaveTextContent('行政处罚（一般）');
    expect(screen.getByTestId('event-detail-status')).toHaveTextContent('生效中');
    expect(detail).toHaveTextContent('行政处罚（一般）（P-LAW-03）');
    expect(detail).toHaveTextContent('信用维度法律法规');
    expect(screen.getByTestId('event-legal-basis')).toHaveTextContent('《中华人民共和国行政处罚法》第四十八条');
    expect(screen.getByTestId('event-department')).toHaveTextContent('管城回族区市场监督管理局');
    expect(detail).toHaveTextContent('规则分值\u22128 分');
    expect(screen.getByTestId('event-counted')).toHaveTextContent('\u22128 分');
    expect(detail).toHaveTextContent('发生日期2026-03-01');
    expect(screen.getByTestId('event-counts-until')).toHaveTextContent('2027-06-01 后不再计分');
    expect(detail).toHaveTextContent('严重程度一般失信');
    expect(screen.getByTestId('event-repair')).toHaveTextContent('可于 2026-06-01 后申请信用修复（免费）');
    // Opened from the timeline: no request needed.
    expect(api).not.toHaveBeenCalled();
  });

  it('explains a capped positive record and has no repair section', async () => {
    rememberEvents([BLOOD_CAPPED]);
    setRouterParams({ id: 'ev-blood-4' });
    fakeApi({});
    render(<EventPage />);
    expect(await screen.findByTestId('event-detail-points')).toHaveTextContent('+5（已达年度上限，计 0 分）');
    expect(screen.getByTestId('event-counted')).toHaveTextContent(/^0 分$/);
    expect(screen.getByTestId('event-detail')).toHaveTextContent('同一规则每年计分有上限');
    expect(screen.queryByTestId('event-repair')).not.toBeInTheDocument();
    expect(screen.queryByText(/严重程度/)).not.toBeInTheDocument();
  });

  it('says since when an expired record no longer counts; a repaired one offers no repair', async () => {
    rememberEvents([OLD_CHARITY, REPAIRED, DISPUTED]);
    setRouterParams({ id: 'ev-charity' });
    fakeApi({});
    const { unmount } = render(<EventPage />);
    expect(await screen.findByTestId('event-counts-until')).toHaveTextContent('2025-10-01 起已不再计分');
    expect(screen.getByTestId('event-detail-status')).toHaveTextContent('已过期');
    unmount();

    setRouterParams({ id: 'ev-repaired' });
    const second = render(<EventPage />);
    expect(await screen.findByTestId('event-detail-status')).toHaveTextContent('已修复');
    expect(screen.queryByTestId('event-repair')).not.toBeInTheDocument();
    second.unmount();

    setRouterParams({ id: 'ev-disputed' });
    render(<EventPage />);
    expect(await screen.findByTestId('event-detail-status')).toHaveTextContent('异议处理中');
    expect(screen.getByTestId('event-detail')).toHaveTextContent('异议正在处理中');
  });

  it('opened by itself (e.g. after a reload) finds the event by paging through the list', async () => {
    setRouterParams({ id: 'ev-penalty' });
    const cursors: (string | null)[] = [];
    fakeApi({
      'GET /api/points/me/events': (q) => {
        cursors.push(q.get('cursor'));
        return q.get('cursor') === 'p2' ? ok({ items: [PENALTY], nextCursor: null }) : ok({ items: [BLOOD], nextCursor: 'p2' });
      },
    });
    render(<EventPage />);
    expect(await screen.findByTestId('event-legal-basis')).toHaveTextContent('《中华人民共和国行政处罚法》第四十八条');
    expect(cursors).toEqual([null, 'p2']);
  });

  it('says so when the event does not exist, with a way back', async () => {
    setRouterParams({ id: 'ev-gone' });
    fakeApi({ 'GET /api/points/me/events': ok({ items: [BLOOD], nextCursor: null }) });
    render(<EventPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('未找到这条信用记录');
    fireEvent.click(screen.getByRole('button', { name: '返回我的信用' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/resident/credit/index' });
  });
});
