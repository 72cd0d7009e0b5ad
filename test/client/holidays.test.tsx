import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HolidaysPage from '../../client/src/packages/admin/holidays';
import { formatRanges, parseDates } from '../../client/src/packages/admin/holidays/dates';
import type { HolidayYear } from '../../client/src/services/admin-api';
import { clearSession, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, ok } from './support/fake-api';
import { ADMIN_ME } from './support/rights-fixtures';

const Y2026: HolidayYear = {
  year: 2026,
  holidays: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-10-01', '2026-10-02'],
  workdays: ['2026-01-04', '2026-10-10'],
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  origin: 'bundled',
};

const puts = () => (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as { url: string; method: string; data: unknown }).filter((o) => o.method === 'PUT');
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  clearSession();
  saveToken('tok');
  jest.useFakeTimers({ now: new Date('2026-12-03T02:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => jest.useRealTimers());

describe('the date lists the centre types', () => {
  it('reads single days and ranges (~, 至, a dash), in any separators, and names what it cannot read', () => {
    expect(parseDates('2027-01-01\n2027-02-05~2027-02-07，2027-05-01 至 2027-05-02 2027-10-01-2027-10-02 2027-02-30 soon')).toEqual({
      dates: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02'],
      bad: ['2027-02-30', 'soon'],
    });
    expect(parseDates('2027-02-07~2027-02-05').bad).toEqual(['2027-02-07~2027-02-05']);
  });

  it('writes dates back as ranges', () => {
    expect(formatRanges(['2026-10-02', '2026-01-01', '2026-10-01', '2026-10-03'])).toEqual(['2026-01-01', '2026-10-01~2026-10-03']);
  });
});

describe('节假日安排', () => {
  it('lists the known years, warns that next year is missing in December and offers it in the form', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/holidays': ok({ items: [Y2026], nextCursor: null }) });
    render(<HolidaysPage />);
    const card = await screen.findByTestId('holiday-year-2026');
    expect(card).toHaveTextContent('2026 年 · 系统内置');
    expect(card).toHaveTextContent('2026-01-01~2026-01-03、2026-10-01~2026-10-02');
    expect(card).toHaveTextContent('2026-01-04（周日）、2026-10-10（周六）');
    expect(screen.getByTestId('holiday-missing')).toHaveTextContent('尚未录入 2027 年的节假日安排');
    expect(screen.getByTestId('holiday-year')).toHaveValue(2027);
    expect(screen.getByTestId('holiday-source')).toHaveValue('国务院办公厅关于2027年部分节假日安排的通知');
  });

  it('sends the expanded dates of a new year and shows it after saving', async () => {
    const stored: HolidayYear[] = [Y2026];
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/admin/holidays': () => ok({ items: stored, nextCursor: null }),
      'PUT /api/admin/holidays/2027': (_q, body) => {
        const y = { ...(body as Omit<HolidayYear, 'year' | 'origin'>), year: 2027, origin: 'centre' as const };
        stored.push(y);
        return ok(y);
      },
    });
    render(<HolidaysPage />);
    await screen.findByTestId('holiday-form');
    type('holiday-days', '2027-01-01\n2027-02-05~2027-02-07');
    type('holiday-workdays', '2027-02-14');
    fireEvent.click(screen.getByTestId('holiday-save'));
    await screen.findByTestId('holiday-year-2027');
    expect(puts()).toHaveLength(1);
    expect(puts()[0].data).toEqual({ holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07'], workdays: ['2027-02-14'], source: '国务院办公厅关于2027年部分节假日安排的通知' });
    expect(screen.queryByTestId('holiday-missing')).not.toBeInTheDocument();
  });

  it('refuses unreadable dates before sending, and shows the server’s reasons', async () => {
    fakeApi({
      'GET /api/me': ok(ADMIN_ME),
      'GET /api/admin/holidays': ok({ items: [Y2026], nextCursor: null }),
      'PUT /api/admin/holidays/2027': fail(400, 'VALIDATION_FAILED', '节假日安排有误，请核对后再保存', [{ field: 'workdays.0', message: '2027-02-10 不是周末，无需调休上班', code: 'not_weekend' }]),
    });
    render(<HolidaysPage />);
    await screen.findByTestId('holiday-form');
    type('holiday-days', '2027-13-01');
    fireEvent.click(screen.getByTestId('holiday-save'));
    expect(await screen.findByTestId('holiday-error')).toHaveTextContent('无法识别的日期：2027-13-01');
    expect(puts()).toHaveLength(0);
    type('holiday-days', '2027-02-11');
    type('holiday-workdays', '2027-02-10');
    fireEvent.click(screen.getByTestId('holiday-save'));
    await waitFor(() => expect(screen.getByTestId('holiday-error')).toHaveTextContent('2027-02-10 不是周末，无需调休上班'));
  });

  it('fills the form from a year to correct it', async () => {
    fakeApi({ 'GET /api/me': ok(ADMIN_ME), 'GET /api/admin/holidays': ok({ items: [Y2026], nextCursor: null }) });
    render(<HolidaysPage />);
    fireEvent.click(await screen.findByTestId('holiday-edit-2026'));
    expect(screen.getByTestId('holiday-year')).toHaveValue(2026);
    expect(screen.getByTestId('holiday-days')).toHaveValue('2026-01-01~2026-01-03\n2026-10-01~2026-10-02');
    expect(screen.getByTestId('holiday-workdays')).toHaveValue('2026-01-04\n2026-10-10');
  });
});
