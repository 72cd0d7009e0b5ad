import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SubmitPage from '../../client/src/packages/department/submit';
import { generateSourceId, singleOutcome } from '../../client/src/packages/department/submit/form';
import { departmentRules, rulesFor } from '../../client/src/packages/department/shared/rules';
import { subjectHint } from '../../client/src/packages/department/shared/subject';
import { clearSession, saveToken } from '../../client/src/services/session';
import { chinaToday } from '../../client/src/services/time';
import { fail, fakeApi, ok, ZHANG_ME, type FakeResponse } from './support/fake-api';
import { BLOOD, CATALOGUE, DEPT_RULES, marketMe, SUSPENDED_ME, TAX_A } from './support/department-fixtures';

const ID = '410104198506120047';
const USCC = '91350100M000100Y43';

type Sent = { url: string; method: string; data: { records: Array<Record<string, unknown>> } };
const posts = () =>
  (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Sent).filter((o) => o.method === 'POST' && o.url === '/api/credit-records');

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const ruleIds = () => screen.getAllByTestId('rule-option').map((el) => el.getAttribute('data-rule-id'));
const message = (testId: string) => screen.getByTestId(`${testId}-msg`);

function routes(answer: FakeResponse | ((q: URLSearchParams, body: unknown) => FakeResponse | Promise<FakeResponse>), me = marketMe()) {
  return fakeApi({ 'GET /api/me': ok(me), 'GET /api/rules': ok(CATALOGUE), 'POST /api/credit-records': answer });
}

async function fillValidPerson() {
  await screen.findByTestId('submit-form');
  type('submit-subject', ID);
  fireEvent.click(screen.getAllByTestId('rule-option').find((el) => el.getAttribute('data-rule-id') === 'P-LAW-03')!);
}

beforeEach(() => {
  clearSession();
  saveToken('tok-dept');
});

describe('报送一条记录: identifiers checked as typed', () => {
  it('counts the digits left, then checks the birth date and check character of an ID number', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    type('submit-subject', '41010419850612');
    expect(message('submit-subject')).toHaveTextContent('身份证号码应为 18 位，还需输入 4 位');
    expect(message('submit-subject')).toHaveAttribute('data-tone', 'info');
    type('submit-subject', '4101A');
    expect(message('submit-subject')).toHaveTextContent('身份证号码只能包含数字，最后一位可以是 X');
    type('submit-subject', '410104198502300047');
    expect(message('submit-subject')).toHaveTextContent('身份证号码中的出生日期无效');
    type('submit-subject', '410104198506120048');
    expect(message('submit-subject')).toHaveTextContent('身份证号码校验位不正确，请核对');
    expect(message('submit-subject')).toHaveAttribute('data-tone', 'error');
    // Spaces go and a lower-case x is raised, as people paste numbers in many ways.
    type('submit-subject', ' 4101 0419 8506 1200 47 ');
    expect(screen.getByTestId('submit-subject')).toHaveValue(ID);
    expect(message('submit-subject')).toHaveTextContent('号码校验通过，记录中仅显示为 4101**********0047');
  });

  it('checks a unified social credit code for forbidden letters and its check character', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    fireEvent.click(screen.getByTestId('submit-type-enterprise'));
    expect(screen.getByText('统一社会信用代码')).toBeInTheDocument();
    type('submit-subject', '91350100MO');
    expect(message('submit-subject')).toHaveTextContent('统一社会信用代码不使用字母 I、O、S、V、Z');
    type('submit-subject', '91350100M000100Y4');
    expect(message('submit-subject')).toHaveTextContent('还需输入 1 位');
    type('submit-subject', '91350100M000100Y44');
    expect(message('submit-subject')).toHaveTextContent('统一社会信用代码校验位不正确，请核对');
    type('submit-subject', USCC.toLowerCase());
    expect(message('submit-subject')).toHaveTextContent('代码校验通过：913501**********43');
  });

  it('subjectHint says nothing for an empty field and refuses an X before the end', () => {
    expect(subjectHint('person', '')).toBeNull();
    expect(subjectHint('person', '4101X')).toEqual({ tone: 'error', text: '身份证号码只能包含数字，最后一位可以是 X' });
    expect(subjectHint('person', '4101041985061200471')).toEqual({ tone: 'error', text: '身份证号码应为 18 位，已输入 19 位' });
  });
});

describe('报送一条记录: rules of this department for the chosen subject', () => {
  it('lists only this department’s person rules, then its business rules, gains first', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    expect(ruleIds()).toEqual(['P-LAW-03', 'P-LAW-02', 'P-ETH-03']);
    fireEvent.click(screen.getByTestId('submit-type-enterprise'));
    expect(ruleIds()).toEqual(['E-HON-01', 'E-LAW-02']);
  });

  it('adds the rules the centre granted the department (feeds.rules)', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }), marketMe({ feeds: { rules: ['P-VIR-01'], registries: [] } }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    expect(ruleIds()).toEqual(['P-VIR-01', 'P-LAW-03', 'P-LAW-02', 'P-ETH-03']);
  });

  it('searches by title or number, and says when nothing matches', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    type('rule-search', '虚假');
    expect(ruleIds()).toEqual(['P-ETH-03']);
    type('rule-search', 'p-law-02');
    expect(ruleIds()).toEqual(['P-LAW-02']);
    type('rule-search', '献血');
    expect(screen.queryAllByTestId('rule-option')).toHaveLength(0);
    expect(screen.getByTestId('rule-nomatch')).toHaveTextContent('没有找到「献血」相关的规则');
  });

  it('folds the list to the chosen rule, shows its fixed severity, and drops it when the subject type changes', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await fillValidPerson();
    expect(within(screen.getByTestId('rule-selected')).getByTestId('rule-option')).toHaveAttribute('data-rule-id', 'P-LAW-03');
    expect(screen.getByTestId('submit-severity')).toHaveTextContent('一般');
    fireEvent.click(screen.getByTestId('rule-change'));
    expect(ruleIds()).toEqual(['P-LAW-03', 'P-LAW-02', 'P-ETH-03']);
    fireEvent.click(screen.getByTestId('submit-type-enterprise'));
    expect(screen.queryByTestId('rule-selected')).not.toBeInTheDocument();
    expect(screen.queryByTestId('submit-severity')).not.toBeInTheDocument();
  });

  it('explains a department with no rule for a kind of subject', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }), marketMe({ orgId: 'org-dept-tax' }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    expect(screen.getByTestId('rule-none')).toHaveTextContent('本部门没有适用于个人的规则');
    fireEvent.click(screen.getByTestId('submit-type-enterprise'));
    expect(ruleIds()).toEqual(['E-HON-02']);
  });

  it('departmentRules and rulesFor filter by department, grant and subject type', () => {
    const all = CATALOGUE.items;
    expect(departmentRules(all, { orgId: 'org-dept-tax' }).map((r) => r.id)).toEqual([TAX_A.id]);
    expect(departmentRules(all, { orgId: 'org-dept-tax', feeds: { rules: [BLOOD.id], registries: [] } }).map((r) => r.id)).toEqual([BLOOD.id, TAX_A.id]);
    expect(departmentRules(all, { orgId: undefined })).toEqual([]);
    expect(rulesFor(DEPT_RULES, 'enterprise', '守合同').map((r) => r.id)).toEqual(['E-HON-01']);
  });
});

describe('报送一条记录: sending and its answer', () => {
  it('sends one record with the rule’s severity and the day’s start in China, and shows 已接收', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await fillValidPerson();
    type('submit-note', '  管市监罚〔2026〕12号  ');
    const sourceId = (screen.getByTestId('submit-source') as HTMLInputElement).value;
    expect(sourceId).toMatch(/^DEPT-MARKET-\d{8}-\d{6}-[0-9A-Z]{4}$/);
    fireEvent.click(screen.getByTestId('submit-send'));
    expect(await screen.findByTestId('submit-result')).toHaveAttribute('data-outcome', 'accepted');
    expect(screen.getByTestId('submit-result-title')).toHaveTextContent('已接收');
    expect(screen.getByTestId('submit-result')).toHaveTextContent('主体：4101**********0047');
    expect(screen.getByTestId('submit-result')).not.toHaveTextContent(ID);
    expect(posts()).toHaveLength(1);
    expect(posts()[0].data).toEqual({
      records: [
        {
          sourceId,
          subjectType: 'person',
          subjectId: ID,
          ruleId: 'P-LAW-03',
          occurredAt: `${chinaToday()}T00:00:00+08:00`,
          severity: 'general',
          note: '管市监罚〔2026〕12号',
        },
      ],
    });

    // 再报送一条: a fresh form with a new source id, the rule kept.
    fireEvent.click(screen.getByTestId('submit-next'));
    expect(screen.getByTestId('submit-subject')).toHaveValue('');
    expect((screen.getByTestId('submit-source') as HTMLInputElement).value).not.toBe(sourceId);
    expect(screen.getByTestId('rule-selected')).toBeInTheDocument();
  });

  it('sends a positive rule without severity', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    fireEvent.click(screen.getByTestId('submit-type-enterprise'));
    type('submit-subject', USCC);
    fireEvent.click(screen.getAllByTestId('rule-option').find((el) => el.getAttribute('data-rule-id') === 'E-HON-01')!);
    fireEvent.click(screen.getByTestId('submit-send'));
    await screen.findByTestId('submit-result');
    expect(posts()[0].data.records[0]).not.toHaveProperty('severity');
    expect(posts()[0].data.records[0]).toMatchObject({ subjectType: 'enterprise', subjectId: USCC, ruleId: 'E-HON-01' });
  });

  it('sends once however often 提交 is tapped while it is sending', async () => {
    let release: (r: FakeResponse) => void = () => undefined;
    routes(() => new Promise<FakeResponse>((resolve) => (release = resolve)));
    render(<SubmitPage />);
    await fillValidPerson();
    const button = screen.getByTestId('submit-send');
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveTextContent('提交中…');
    expect(posts()).toHaveLength(1);
    await act(async () => release(ok({ accepted: 1, duplicates: 0, rejected: [] })));
    expect(await screen.findByTestId('submit-result')).toBeInTheDocument();
    expect(posts()).toHaveLength(1);
  });

  it('shows a duplicate as such, naming the source id', async () => {
    routes(ok({ accepted: 0, duplicates: 1, rejected: [] }));
    render(<SubmitPage />);
    await fillValidPerson();
    type('submit-source', 'CASE-2026-0042');
    fireEvent.click(screen.getByTestId('submit-send'));
    expect(await screen.findByTestId('submit-result')).toHaveAttribute('data-outcome', 'duplicate');
    expect(screen.getByTestId('submit-result-title')).toHaveTextContent('重复记录');
    expect(screen.getByTestId('submit-result-text')).toHaveTextContent('来源编号 CASE-2026-0042 此前已报送过，本次未重复记录');
  });

  it('shows a rejection with its reason next to the field, keeping the form to correct', async () => {
    routes(ok({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: 'FUTURE_DATE', message: 'occurredAt is in the future' }] }));
    render(<SubmitPage />);
    await fillValidPerson();
    fireEvent.click(screen.getByTestId('submit-send'));
    expect(await screen.findByTestId('submit-rejected-reason')).toHaveTextContent('发生时间不能晚于当前时间');
    expect(message('submit-day')).toHaveTextContent('发生时间不能晚于当前时间');
    expect(screen.getByTestId('submit-subject')).toHaveValue(ID);
    expect(screen.queryByTestId('submit-result')).not.toBeInTheDocument();
  });

  it('keeps the server’s Chinese reason as it is', () => {
    expect(singleOutcome({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: 'RULE_NOT_YOURS', message: '规则 P-LAW-01 由其他部门报送，本部门无权报送' }] })).toEqual({
      kind: 'rejected',
      code: 'RULE_NOT_YOURS',
      reason: '规则 P-LAW-01 由其他部门报送，本部门无权报送',
      field: 'rule',
    });
  });

  it('shows why a whole call was refused (a suspended department), without a toast', async () => {
    routes(fail(403, 'ORG_SUSPENDED', '本部门已被信用中心暂停报送'));
    render(<SubmitPage />);
    await fillValidPerson();
    fireEvent.click(screen.getByTestId('submit-send'));
    expect(await screen.findByTestId('submit-rejected-reason')).toHaveTextContent('本部门已被信用中心暂停报送');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('checks the form before sending anything', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }));
    render(<SubmitPage />);
    await screen.findByTestId('submit-form');
    type('submit-source', 'bad id with spaces');
    fireEvent.change(within(screen.getByTestId('submit-day')).getByTestId('picker-input'), { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByTestId('submit-send'));
    expect(message('submit-subject')).toHaveTextContent('请输入身份证号码');
    expect(screen.getByTestId('rule-error')).toHaveTextContent('请选择规则');
    expect(message('submit-day')).toHaveTextContent('发生日期不能晚于今天');
    expect(message('submit-source')).toHaveTextContent('来源编号只能包含字母、数字和 _ . : - /');
    expect(posts()).toHaveLength(0);
  });

  it('never writes the ID number to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    routes(ok({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确，请核对' }] }));
    render(<SubmitPage />);
    await fillValidPerson();
    fireEvent.click(screen.getByTestId('submit-send'));
    await screen.findByTestId('submit-rejected');
    expect(message('submit-subject')).toHaveTextContent('身份证号码校验位不正确，请核对');
    for (const spy of spies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(ID);
      spy.mockRestore();
    }
  });

  it('generateSourceId: department, China time to the second, four random characters', () => {
    expect(generateSourceId('org-dept-market', new Date('2026-12-03T06:30:15Z'), () => 0)).toBe('DEPT-MARKET-20261203-143015-2222');
    expect(generateSourceId('', new Date('2026-12-31T16:00:00Z'), () => 0.999)).toBe('DEPT-20270101-000000-ZZZZ');
  });
});

describe('报送一条记录: who may use it', () => {
  it('disables sending for a suspended department and says why', async () => {
    routes(ok({ accepted: 1, duplicates: 0, rejected: [] }), SUSPENDED_ME);
    render(<SubmitPage />);
    await fillValidPerson();
    expect(screen.getByTestId('dept-suspended')).toHaveTextContent('报送权限已被信用中心暂停');
    const button = screen.getByTestId('submit-send');
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(posts()).toHaveLength(0);
  });

  it('refuses a resident', async () => {
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    render(<SubmitPage />);
    expect(await screen.findByTestId('page-shell-empty')).toHaveTextContent('无权访问');
  });

  it('offers 重试 when the rule catalogue fails', async () => {
    let rules = fail(500, 'INTERNAL', '服务暂时不可用，请稍后重试');
    fakeApi({ 'GET /api/me': ok(marketMe()), 'GET /api/rules': () => rules });
    render(<SubmitPage />);
    const retry = await screen.findByTestId('submit-rules-retry');
    rules = ok(CATALOGUE);
    fireEvent.click(retry);
    expect(await screen.findByTestId('submit-form')).toBeInTheDocument();
  });
});
