import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import UploadPage from '../../client/src/packages/department/upload';
import { FileError, pickRecordsFile, type PickedFile } from '../../client/src/packages/department/shared/file-io';
import { clearSession, saveToken } from '../../client/src/services/session';
import { fail, fakeApi, ok, type FakeResponse } from './support/fake-api';
import { CATALOGUE, marketMe, SUSPENDED_ME } from './support/department-fixtures';

jest.mock('../../client/src/packages/department/shared/file-io', () => ({
  ...jest.requireActual('../../client/src/packages/department/shared/file-io'),
  pickRecordsFile: jest.fn(),
  saveTextFile: jest.fn(),
  copyText: jest.fn(),
}));

const pick = pickRecordsFile as jest.MockedFunction<typeof pickRecordsFile>;

const ID = '410104198506120047';
const HEADER = 'sourceId,subjectType,subjectId,ruleId,occurredAt,severity,note';
const line = (n: number) => `S-${n},person,${ID},P-LAW-03,2026-11-01,general,`;

type Sent = { url: string; method: string; data: { records: Array<Record<string, unknown>> } };
const posts = () =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === 'POST' && o.url === '/api/credit-records');

const file = (text: string, name = '记录.csv'): PickedFile => ({ name, size: text.length, text });

function routes(answer: FakeResponse | ((q: URLSearchParams, body: unknown) => FakeResponse | Promise<FakeResponse>), me = marketMe()) {
  return fakeApi({ 'GET /api/me': ok(me), 'GET /api/rules': ok(CATALOGUE), 'POST /api/credit-records': answer });
}

const acceptAll = (_q: URLSearchParams, body: unknown) => ok({ accepted: (body as Sent['data']).records.length, duplicates: 0, rejected: [] });

/** The clerk taps 选择文件 and picks `picked` (null: cancels). */
async function chooseFile(picked: PickedFile | null) {
  pick.mockResolvedValueOnce(picked);
  const button = await screen.findByTestId('upload-choose');
  await act(async () => {
    fireEvent.click(button);
  });
}

const rows = () => screen.getAllByTestId('upload-result-row');

beforeEach(() => {
  clearSession();
  saveToken('tok-dept');
  pick.mockReset();
});

describe('批量上传', () => {
  it('checks the file first, then sends it 500 records a call with a progress bar and a summary', async () => {
    const releases: Array<() => void> = [];
    routes(
      (q, body) =>
        new Promise<FakeResponse>((resolve) => {
          releases.push(() => resolve(acceptAll(q, body)));
        }),
    );
    render(<UploadPage />);
    const text = [HEADER, ...Array.from({ length: 1201 }, (_, i) => line(i + 1)), 'S-x,person,"broken'].join('\r\n');
    await chooseFile(file(text));

    expect(await screen.findByTestId('upload-check-text')).toHaveTextContent('共读取 1201 条记录，将分 3 批报送；另有 1 行无法解析，不会报送');
    expect(screen.getByTestId('upload-problem')).toHaveTextContent('第 1203 行：CSV 引号未闭合');
    expect(posts()).toHaveLength(0);

    fireEvent.click(screen.getByTestId('upload-send'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'sending');
    expect(screen.getByTestId('upload-progress-text')).toHaveTextContent('已发送 0 / 3 批 · 已处理 0 / 1201 条记录');

    await act(async () => releases[0]());
    await waitFor(() => expect(posts()).toHaveLength(2));
    expect(screen.getByTestId('upload-progress-text')).toHaveTextContent('已发送 1 / 3 批 · 已处理 500 / 1201 条记录');
    expect(screen.getByTestId('upload-progress-fill').style.width).toBe('42%');

    await act(async () => releases[1]());
    await waitFor(() => expect(posts()).toHaveLength(3));
    await act(async () => releases[2]());

    await waitFor(() => expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'done'));
    expect(posts().map((p) => p.data.records.length)).toEqual([500, 500, 201]);
    // Line 2 of the file is the first record of the first call, line 1202 the last of the third.
    expect(posts()[0].data.records[0]).toMatchObject({ sourceId: 'S-1', occurredAt: '2026-11-01T00:00:00+08:00' });
    expect(posts()[2].data.records[200]).toMatchObject({ sourceId: 'S-1201' });
    expect(screen.getByTestId('upload-progress-text')).toHaveTextContent('已发送 3 / 3 批 · 已处理 1201 / 1201 条记录');
    expect(screen.getByTestId('upload-summary-accepted')).toHaveTextContent('1201');
    expect(screen.getByTestId('upload-summary-duplicates')).toHaveTextContent('0');
    expect(screen.getByTestId('upload-summary-rejected')).toHaveTextContent('1');
    // A hundred rows at a time.
    expect(rows()).toHaveLength(100);
    fireEvent.click(screen.getByTestId('upload-filter-rejected'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveAttribute('data-line', '1203');
    expect(within(rows()[0]).getByTestId('upload-result-status')).toHaveTextContent('被拒绝');
  });

  it('gives every line its result: accepted, duplicate, rejected with the reason, never a full ID number', async () => {
    routes(
      ok({
        accepted: 2,
        duplicates: 1,
        rejected: [
          { index: 1, code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确，请核对' },
          { index: 4, code: 'RULE_NOT_YOURS', message: 'not your rule' },
        ],
      }),
    );
    render(<UploadPage />);
    const text = [
      HEADER,
      line(1),
      `S-2,person,410104198506120048,P-LAW-03,2026-11-01,general,`,
      '',
      line(3),
      line(1),
      `S-5,person,${ID},P-LAW-01,2026-11-01,serious,`,
    ].join('\n');
    await chooseFile(file(text));
    fireEvent.click(await screen.findByTestId('upload-send'));
    await waitFor(() => expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'done'));

    const table = rows().map((r) => [r.getAttribute('data-line'), within(r).getByTestId('upload-result-status').textContent, within(r).getByTestId('upload-result-reason').textContent]);
    expect(table).toEqual([
      ['2', '已接收', ''],
      ['3', '被拒绝', '身份证号码校验位不正确，请核对'],
      ['5', '已接收', ''],
      ['6', '重复', '与本文件中前面一行的来源编号相同'],
      ['7', '被拒绝', '该规则由其他部门报送，本部门无权报送'],
    ]);
    expect(within(rows()[1]).getByTestId('upload-result-subject')).toHaveTextContent('4101**********0048');
    expect(screen.getByTestId('upload-results')).not.toHaveTextContent(ID);
    expect(screen.getByTestId('upload-summary-accepted')).toHaveTextContent('2');
    expect(screen.getByTestId('upload-summary-duplicates')).toHaveTextContent('1');
    expect(screen.getByTestId('upload-summary-rejected')).toHaveTextContent('2');
    fireEvent.click(screen.getByTestId('upload-filter-rejected'));
    expect(rows().map((r) => r.getAttribute('data-line'))).toEqual(['3', '7']);
  });

  it('stops at a failed call, says so, and resumes from that call', async () => {
    let calls = 0;
    routes((q, body) => {
      calls++;
      return calls === 2 ? fail(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后重试') : acceptAll(q, body);
    });
    render(<UploadPage />);
    await chooseFile(file([HEADER, ...Array.from({ length: 700 }, (_, i) => line(i + 1))].join('\n')));
    fireEvent.click(await screen.findByTestId('upload-send'));
    expect(await screen.findByTestId('upload-error')).toHaveTextContent('服务暂时不可用，请稍后重试。已完成的 1 批不受影响');
    expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'failed');
    expect(screen.getByTestId('upload-progress-text')).toHaveTextContent('已发送 1 / 2 批 · 已处理 500 / 700 条记录');
    expect(Taro.showToast).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('upload-resume'));
    await waitFor(() => expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'done'));
    expect(posts().map((p) => p.data.records.length)).toEqual([500, 200, 200]);
    expect(posts()[2].data.records[0]).toMatchObject({ sourceId: 'S-501' });
    expect(screen.getByTestId('upload-summary-accepted')).toHaveTextContent('700');
    expect(screen.queryByTestId('upload-error')).not.toBeInTheDocument();
  });

  it('pauses after the call in flight and continues on request', async () => {
    const releases: Array<() => void> = [];
    routes((q, body) => new Promise<FakeResponse>((resolve) => releases.push(() => resolve(acceptAll(q, body)))));
    render(<UploadPage />);
    await chooseFile(file([HEADER, ...Array.from({ length: 1100 }, (_, i) => line(i + 1))].join('\n')));
    fireEvent.click(await screen.findByTestId('upload-send'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('upload-pause'));
    await act(async () => releases[0]());
    expect(await screen.findByTestId('upload-paused')).toHaveTextContent('已完成 1 批');
    expect(posts()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('upload-resume'));
    await waitFor(() => expect(posts()).toHaveLength(2));
    await act(async () => releases[1]());
    await waitFor(() => expect(posts()).toHaveLength(3));
    await act(async () => releases[2]());
    await waitFor(() => expect(screen.getByTestId('upload-file')).toHaveAttribute('data-phase', 'done'));
  });

  it('refuses a file whose header it does not know and sends nothing', async () => {
    routes(acceptAll);
    render(<UploadPage />);
    await chooseFile(file(`编号,类型,号码\nS-1,person,${ID}\n`));
    expect(await screen.findByTestId('upload-fatal')).toHaveTextContent('表头中有无法识别的列：编号、类型、号码');
    expect(screen.queryByTestId('upload-send')).not.toBeInTheDocument();
    // Choosing another file replaces it.
    await act(async () => {
      pick.mockResolvedValueOnce(file(`${HEADER}\n${line(1)}\n`));
      fireEvent.click(screen.getByTestId('upload-rechoose-fatal'));
    });
    expect(await screen.findByTestId('upload-check-text')).toHaveTextContent('共读取 1 条记录，将分 1 批报送');
  });

  it('reads JSON Lines and lists the lines that failed when none can be sent', async () => {
    routes(acceptAll);
    render(<UploadPage />);
    await chooseFile(file('{"sourceId": 1\nnot json\n', 'export.jsonl'));
    expect(await screen.findByTestId('upload-check-text')).toHaveTextContent('共读取 0 条记录，将分 0 批报送；另有 2 行无法解析');
    expect(screen.queryByTestId('upload-send')).not.toBeInTheDocument();
    expect(rows().map((r) => r.getAttribute('data-line'))).toEqual(['1', '2']);
  });

  it('shows why a file could not be read, and does nothing when the clerk cancels', async () => {
    routes(acceptAll);
    render(<UploadPage />);
    pick.mockRejectedValueOnce(new FileError('文件过大（12.0 MB），每个文件不超过 10 MB，请拆分后上传'));
    const button = await screen.findByTestId('upload-choose');
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByTestId('upload-pick-error')).toHaveTextContent('文件过大');
    await chooseFile(null);
    await waitFor(() => expect(pick).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('upload-start')).toBeInTheDocument();
  });

  it('keeps a suspended department from uploading', async () => {
    routes(acceptAll, SUSPENDED_ME);
    render(<UploadPage />);
    expect(await screen.findByTestId('upload-choose')).toBeDisabled();
    expect(screen.getByTestId('dept-suspended')).toBeInTheDocument();
  });
});
