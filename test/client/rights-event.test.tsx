import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EventPage from '../../client/src/packages/resident/event';
import { repairAvailability } from '../../client/src/packages/resident/rights/availability';
import { forgetEvents, rememberEvents } from '../../client/src/packages/resident/shared/event-cache';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { BLOOD, DISPUTED, OLD_CHARITY, PENALTY, REPAIRED, event } from './support/credit-fixtures';
import { fail, fakeApi, ok } from './support/fake-api';

// PENALTY: repairable from 2026-06-01 00:30 China time, counts until 2027-06-01.
const BEFORE = new Date('2026-05-20T00:00:00.000Z');
const AFTER = new Date('2026-07-01T00:00:00.000Z');

const bodiesOf = (path: string) =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as { url: string; method: string; data: unknown }).filter((o) => o.url === path && o.method === 'POST').map((o) => o.data);

function openEvent(e = PENALTY) {
  rememberEvents([e]);
  setRouterParams({ id: e.id });
  render(<EventPage />);
}

describe('repairAvailability: when 申请信用修复 can be tapped, and what it says', () => {
  it('waits for the minimum publication period, saying from when and that it is free', () => {
    const r = repairAvailability(PENALTY, BEFORE);
    expect(r).toMatchObject({ state: 'waiting', enabled: false });
    expect(r.message).toContain('最短公示期未满，可于 2026-06-01 后申请信用修复（免费）');
    expect(r.message).toContain('信用修复免费，无需任何中介');
  });

  it('is enabled from repairableFrom on, for a negative record still counting', () => {
    expect(repairAvailability(PENALTY, new Date('2026-05-31T16:29:59.000Z')).enabled).toBe(false);
    expect(repairAvailability(PENALTY, new Date('2026-05-31T16:30:00.000Z'))).toMatchObject({ state: 'available', enabled: true });
    expect(repairAvailability(PENALTY, AFTER).message).toContain('无需任何中介');
  });

  it('is never enabled for a repaired, expired, pending or positive record', () => {
    expect(repairAvailability(REPAIRED, AFTER)).toMatchObject({ state: 'repaired', enabled: false });
    expect(repairAvailability(PENALTY, new Date('2027-06-02T00:00:00.000Z'))).toMatchObject({ state: 'expired', enabled: false });
    expect(repairAvailability({ ...PENALTY, openRepairId: 'rp-1' }, AFTER)).toMatchObject({ state: 'pending', enabled: false });
    expect(repairAvailability(BLOOD, AFTER)).toMatchObject({ state: 'none', enabled: false });
    expect(repairAvailability(OLD_CHARITY, AFTER).state).toBe('none');
  });
});

describe('信用记录详情: 提出异议 and 申请信用修复', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
    forgetEvents();
  });

  afterEach(() => jest.restoreAllMocks());

  it('shows a disabled 申请信用修复 with the date before the minimum period has passed', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(BEFORE.getTime());
    fakeApi({});
    openEvent();
    const button = await screen.findByTestId('repair-open');
    expect(button).toBeDisabled();
    expect(screen.getByTestId('repair-message')).toHaveTextContent('可于 2026-06-01 后申请信用修复（免费）');
    fireEvent.click(button);
    expect(screen.queryByTestId('repair-form')).not.toBeInTheDocument();
  });

  it('after the minimum period sends the statement to /api/repairs and shows 修复申请处理中', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(AFTER.getTime());
    fakeApi({ 'POST /api/repairs': { status: 201, body: { id: 'rp-1', status: 'OPEN', deadline: '2026-07-07T15:59:59.999Z' } } });
    openEvent();
    const button = await screen.findByTestId('repair-open');
    expect(button).toBeEnabled();
    expect(screen.getByTestId('event-repair')).toHaveTextContent('信用修复免费，无需任何中介');
    fireEvent.click(button);
    fireEvent.change(screen.getByTestId('repair-text'), { target: { value: '罚款已于 6 月缴清，已整改完毕' } });
    fireEvent.click(screen.getByTestId('repair-submit'));
    expect(await screen.findByTestId('repair-pending')).toHaveTextContent('修复申请处理中');
    expect(screen.getByTestId('repair-pending')).toHaveTextContent('报送部门应于 2026-07-07 前答复');
    expect(bodiesOf('/api/repairs')).toEqual([{ eventId: 'ev-penalty', statement: '罚款已于 6 月缴清，已整改完毕' }]);
    expect(screen.queryByTestId('repair-open')).not.toBeInTheDocument();
  });

  it('shows the server’s reason when a repair is refused', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(AFTER.getTime());
    fakeApi({ 'POST /api/repairs': fail(409, 'REPAIR_NOT_ALLOWED', '最短公示期未满，可于 2026-08-01 后申请') });
    openEvent();
    fireEvent.click(await screen.findByTestId('repair-open'));
    fireEvent.change(screen.getByTestId('repair-text'), { target: { value: '已经整改完毕了' } });
    fireEvent.click(screen.getByTestId('repair-submit'));
    expect(await screen.findByTestId('repair-text-error')).toHaveTextContent('最短公示期未满，可于 2026-08-01 后申请');
    // Shown in the form, not twice as a toast as well.
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('posts the objection with its reason and then shows 异议处理中', async () => {
    fakeApi({ 'POST /api/objections': { status: 201, body: { id: 'ob-1', status: 'OPEN', deadline: '2026-12-04T15:59:59.999Z' } } });
    openEvent(BLOOD);
    expect(await screen.findByTestId('event-detail-status')).toHaveTextContent('生效中');
    fireEvent.click(screen.getByTestId('objection-open'));
    fireEvent.change(screen.getByTestId('objection-text'), { target: { value: '这次献血记录日期不对' } });
    fireEvent.click(screen.getByTestId('objection-submit'));

    expect(await screen.findByTestId('objection-pending')).toHaveTextContent('异议处理中');
    expect(screen.getByTestId('objection-pending')).toHaveTextContent('报送部门应于 2026-12-04 前答复');
    expect(screen.getByTestId('event-detail-status')).toHaveTextContent('异议处理中');
    expect(bodiesOf('/api/objections')).toEqual([{ eventId: 'ev-blood', reason: '这次献血记录日期不对' }]);
    expect(screen.queryByTestId('objection-open')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '异议已提交' }));
  });

  it('asks for at least 5 characters before sending an objection, and sends it once however often tapped', async () => {
    let release: () => void = () => undefined;
    fakeApi({
      'POST /api/objections': () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 201, body: { id: 'ob-2', status: 'OPEN', deadline: '2026-12-04T15:59:59.999Z' } });
        }),
    });
    openEvent(BLOOD);
    fireEvent.click(await screen.findByTestId('objection-open'));
    fireEvent.change(screen.getByTestId('objection-text'), { target: { value: '不对' } });
    fireEvent.click(screen.getByTestId('objection-submit'));
    expect(screen.getByTestId('objection-text-error')).toHaveTextContent('请至少写 5 个字');
    expect(bodiesOf('/api/objections')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('objection-text'), { target: { value: '日期和地点都不对' } });
    fireEvent.click(screen.getByTestId('objection-submit'));
    fireEvent.click(screen.getByTestId('objection-submit'));
    await waitFor(() => expect(bodiesOf('/api/objections')).toHaveLength(1));
    release();
    expect(await screen.findByTestId('objection-pending')).toBeInTheDocument();
  });

  it('a disputed record offers no second objection, a repaired one neither objection nor repair', async () => {
    fakeApi({});
    openEvent({ ...DISPUTED, openObjectionId: 'ob-9' });
    expect(await screen.findByTestId('objection-pending')).toHaveTextContent('异议处理中');
    expect(screen.queryByTestId('objection-open')).not.toBeInTheDocument();
  });

  it('a repaired record shows neither action', async () => {
    fakeApi({});
    openEvent(REPAIRED);
    await screen.findByTestId('event-detail');
    expect(screen.queryByTestId('objection-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('repair-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('event-repair')).not.toBeInTheDocument();
  });

  it('finds a business’s record among the business’s records when opened by itself', async () => {
    const mine = event({ id: 'ev-ent-1', title: '纳税信用 A 级', points: 5, countedPoints: 5 });
    fakeApi({ 'GET /api/enterprises/me': ok({ events: [mine] }) });
    setRouterParams({ id: 'ev-ent-1', subject: 'enterprise' });
    render(<EventPage />);
    expect(await screen.findByTestId('event-detail-title')).toHaveTextContent('纳税信用 A 级');
    expect(screen.getByTestId('objection-open')).toBeInTheDocument();
  });
});
