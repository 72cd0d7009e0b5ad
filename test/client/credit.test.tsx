import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CreditPage from '../../client/src/packages/resident/credit';
import { clearSession, saveToken } from '../../client/src/services/session';
import type { PointsResponse } from '../../client/src/services/api';
import { pullDown, scrollToBottom } from './stubs/taro';
import { BLOOD, BLOOD_CAPPED, DISPUTED, OLD_CHARITY, PENALTY, REPAIRED, TREND } from './support/credit-fixtures';
import { fail, fakeApi, ok, ZHANG_POINTS } from './support/fake-api';

const POINTS: PointsResponse = {
  ...ZHANG_POINTS,
  points: 127,
  dimensions: [
    { code: 'honour', label: '荣誉信息', points: 10 },
    { code: 'virtue', label: '社会公德', points: 25 },
    { code: 'ethics', label: '职业道德', points: 0 },
    { code: 'family', label: '家庭美德', points: 0 },
    { code: 'law', label: '法律法规', points: -8 },
  ],
  nextChangeAt: '2026-02-28T16:00:00.000Z',
};

const ALL_EVENTS = [PENALTY, BLOOD, BLOOD_CAPPED, DISPUTED, OLD_CHARITY, REPAIRED];

function standardApi(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/points/me': ok(POINTS),
    'GET /api/points/me/trend': ok(TREND),
    'GET /api/points/me/events': ok({ items: ALL_EVENTS, nextCursor: null }),
    ...overrides,
  });
}

const percent = (el: HTMLElement, prop: 'left' | 'width') => parseFloat(el.style[prop]);

describe('我的信用', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('shows the points in large type with the tier, the gauge and when the points change next', async () => {
    standardApi();
    render(<CreditPage />);
    expect(await screen.findByTestId('points-value')).toHaveTextContent('127');
    expect(screen.getByTestId('points-tier')).toHaveTextContent('优秀');
    expect(screen.getByTestId('tier-gauge')).toHaveAttribute('aria-valuenow', '127');
    expect(screen.getByTestId('tier-gauge-current')).toHaveTextContent('优秀');
    expect(percent(screen.getByTestId('tier-gauge-pointer'), 'left')).toBeCloseTo(63.5);
    // 2026-02-28T16:00Z is midnight of 1 March in China.
    expect(screen.getByTestId('next-change')).toHaveTextContent('积分将于 2026-03-01 变化');
  });

  it('draws the five dimensions as signed bars: 加分 right of the zero axis, 减分 left of it', async () => {
    standardApi();
    render(<CreditPage />);
    const chart = await screen.findByTestId('dimension-chart');
    expect(within(chart).getByTestId('dimension-value-virtue')).toHaveTextContent('+25');
    expect(within(chart).getByTestId('dimension-value-law')).toHaveTextContent('\u22128');
    expect(within(chart).getByTestId('dimension-value-ethics')).toHaveTextContent('0');
    expect(within(chart).getByTestId('dimension-law')).toHaveAttribute('data-sign', 'down');
    expect(within(chart).getByTestId('dimension-virtue')).toHaveAttribute('data-sign', 'up');

    const axis = percent(within(chart).getByTestId('dimension-law').querySelector('.cx-dim-chart__axis') as HTMLElement, 'left');
    const law = within(chart).getByTestId('dimension-bar-law');
    const virtue = within(chart).getByTestId('dimension-bar-virtue');
    const honour = within(chart).getByTestId('dimension-bar-honour');
    expect(law).toHaveClass('cx-dim-chart__bar--down');
    expect(virtue).toHaveClass('cx-dim-chart__bar--up');
    expect(percent(law, 'left') + percent(law, 'width')).toBeCloseTo(axis);
    expect(percent(virtue, 'left')).toBeCloseTo(axis);
    // One scale on both sides: 25 is 2.5 times as long as 10.
    expect(percent(virtue, 'width') / percent(honour, 'width')).toBeCloseTo(2.5);
    expect(percent(law, 'width') / percent(honour, 'width')).toBeCloseTo(0.8);
    expect(within(chart).queryByTestId('dimension-bar-ethics')).not.toBeInTheDocument();
    expect(screen.getByTestId('points-formula')).toHaveTextContent('基础分 100 ＋ 各维度合计 +27 ＝ 127 分');
  });

  it('shows the 12-month trend and the value of a tapped month', async () => {
    standardApi();
    render(<CreditPage />);
    expect(await screen.findByTestId('trend-selected')).toHaveTextContent('2026-02：135 分');
    expect(screen.getByTestId('trend-chart')).toHaveTextContent('较上月 +2');
    expect(screen.getByTestId('trend-chart').querySelectorAll('.cx-trend__slot')).toHaveLength(12);
    fireEvent.click(screen.getByTestId('trend-col-2025-10'));
    expect(screen.getByTestId('trend-selected')).toHaveTextContent('2025-10：120 分');
    expect(screen.getByTestId('trend-chart')).toHaveTextContent('较上月 \u22123');
    expect(screen.getByTestId('trend-chart')).toHaveTextContent('积分上升 32 分');
  });

  it('lists the events with their status badges, department, China date and counted points', async () => {
    standardApi();
    render(<CreditPage />);
    const items = await screen.findAllByTestId('event-item');
    expect(items.map((i) => i.getAttribute('data-event-id'))).toEqual(ALL_EVENTS.map((e) => e.id));
    const row = (id: string) => items.find((i) => i.getAttribute('data-event-id') === id) as HTMLElement;

    expect(within(row('ev-penalty')).getByTestId('event-status')).toHaveTextContent('生效中');
    expect(within(row('ev-penalty')).getByTestId('event-points')).toHaveTextContent(/^\u22128$/);
    expect(row('ev-penalty')).toHaveTextContent('2026-03-01 · 管城回族区市场监督管理局');
    expect(within(row('ev-blood')).getByTestId('event-points')).toHaveTextContent(/^\+5$/);
    expect(within(row('ev-blood-4')).getByTestId('event-points')).toHaveTextContent('+5（已达年度上限，计 0 分）');
    expect(within(row('ev-charity')).getByTestId('event-status')).toHaveTextContent('已过期');
    expect(within(row('ev-charity')).getByTestId('event-points')).toHaveTextContent('+3（已过期，计 0 分）');
    expect(within(row('ev-repaired')).getByTestId('event-status')).toHaveTextContent('已修复');
    expect(within(row('ev-disputed')).getByTestId('event-status')).toHaveTextContent('异议处理中');
    expect(screen.getByTestId('events-foot')).toHaveTextContent('没有更多了');
  });

  it('opens the event detail page of a tapped event', async () => {
    standardApi();
    render(<CreditPage />);
    const items = await screen.findAllByTestId('event-item');
    fireEvent.click(items[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/event/index?id=ev-penalty' });
  });

  it('loads the next page at the bottom of the page, with the cursor, until there is none', async () => {
    const cursors: (string | null)[] = [];
    standardApi({
      'GET /api/points/me/events': (query) => {
        cursors.push(query.get('cursor'));
        expect(query.get('limit')).toBe('20');
        return query.get('cursor') === 'c1'
          ? ok({ items: [OLD_CHARITY, REPAIRED], nextCursor: null })
          : ok({ items: [PENALTY, BLOOD], nextCursor: 'c1' });
      },
    });
    render(<CreditPage />);
    expect(await screen.findAllByTestId('event-item')).toHaveLength(2);
    expect(screen.getByTestId('events-more')).toBeInTheDocument();

    await act(async () => scrollToBottom());
    expect(await screen.findAllByTestId('event-item')).toHaveLength(4);
    expect(cursors).toEqual([null, 'c1']);
    expect(screen.getByTestId('events-foot')).toHaveTextContent('没有更多了');

    await act(async () => scrollToBottom());
    expect(cursors).toEqual([null, 'c1']);
  });

  it('says 暂无信用记录 when there are no events', async () => {
    standardApi({ 'GET /api/points/me/events': ok({ items: [], nextCursor: null }) });
    render(<CreditPage />);
    expect(await screen.findByTestId('events-empty')).toHaveTextContent('暂无信用记录');
  });

  it('shows a failed timeline with 重试, which loads it again', async () => {
    let calls = 0;
    standardApi({
      'GET /api/points/me/events': () =>
        ++calls === 1 ? fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试') : ok({ items: [BLOOD], nextCursor: null }),
    });
    render(<CreditPage />);
    const error = await screen.findByTestId('events-error');
    expect(error).toHaveTextContent('服务暂时不可用');
    fireEvent.click(within(error).getByRole('button', { name: '重试' }));
    expect(await screen.findAllByTestId('event-item')).toHaveLength(1);
  });

  it('shows the page error with 重试 when the points cannot be loaded', async () => {
    let calls = 0;
    standardApi({
      'GET /api/points/me': () => (++calls === 1 ? fail(500, 'INTERNAL', '服务器开小差了，请稍后重试') : ok(POINTS)),
    });
    render(<CreditPage />);
    expect(await screen.findByTestId('page-shell-error')).toHaveTextContent('服务器开小差了');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('points-value')).toHaveTextContent('127');
  });

  it('asks an unverified resident to verify, with a way there and no toast', async () => {
    const required = fail(403, 'REAL_NAME_REQUIRED', '请先完成实名认证');
    fakeApi({
      'GET /api/points/me': required,
      'GET /api/points/me/trend': required,
      'GET /api/points/me/events': required,
    });
    render(<CreditPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('请先完成实名认证');
    fireEvent.click(screen.getByRole('button', { name: '去实名认证' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/real-name/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('reloads points, trend and events on pull-down', async () => {
    let points = 127;
    let events = [BLOOD];
    standardApi({
      'GET /api/points/me': () => ok({ ...POINTS, points }),
      'GET /api/points/me/events': () => ok({ items: events, nextCursor: null }),
    });
    render(<CreditPage />);
    expect(await screen.findByTestId('points-value')).toHaveTextContent('127');
    points = 125;
    events = [event2(), BLOOD];
    act(() => pullDown());
    expect(await screen.findByText('125')).toBeInTheDocument();
    expect(await screen.findAllByTestId('event-item')).toHaveLength(2);
    expect(screen.getAllByTestId('event-title')[0]).toHaveTextContent('行政处罚（轻微）');
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('links to 信用规则', async () => {
    standardApi();
    render(<CreditPage />);
    fireEvent.click(await screen.findByTestId('credit-rules-entry'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/rules/index' });
  });
});

function event2() {
  return { ...PENALTY, id: 'ev-new', ruleId: 'P-LAW-02', title: '行政处罚（轻微）', points: -2, countedPoints: -2, severity: 'light' as const };
}
