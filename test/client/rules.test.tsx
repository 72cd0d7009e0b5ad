import { act, fireEvent, render, screen } from '@testing-library/react';
import RulesPage from '../../client/src/packages/resident/rules';
import { clearSession } from '../../client/src/services/session';
import { pullDown } from './stubs/taro';
import { RULES } from './support/credit-fixtures';
import { fail, fakeApi, ok } from './support/fake-api';

const shownIds = () => screen.queryAllByTestId('rule-item').map((r) => r.getAttribute('data-rule-id'));
const search = (text: string) => fireEvent.change(screen.getByTestId('rules-search'), { target: { value: text } });

describe('信用规则', () => {
  beforeEach(() => clearSession());

  it('is public: lists the whole catalogue without a session, with its version', async () => {
    const api = fakeApi({ 'GET /api/rules': ok(RULES) });
    render(<RulesPage />);
    expect(await screen.findByTestId('rules-version')).toHaveTextContent('第 1 版 · 2021-01-01 起施行');
    expect(shownIds()).toEqual(['P-HON-01', 'P-VIR-01', 'P-LAW-02', 'P-LAW-03', 'E-HON-02']);
    expect(screen.getByTestId('rules-count')).toHaveTextContent('共 5 条规则');
    expect(api.mock.calls[0][0].header.Authorization).toBeUndefined();
  });

  it('shows points, yearly cap, how long a rule counts, legal basis, department and subject', async () => {
    fakeApi({ 'GET /api/rules': ok(RULES) });
    render(<RulesPage />);
    await screen.findAllByTestId('rule-item');
    const card = (id: string) => screen.getAllByTestId('rule-item').find((r) => r.getAttribute('data-rule-id') === id) as HTMLElement;
    expect(card('P-VIR-01')).toHaveTextContent('+5');
    expect(card('P-VIR-01')).toHaveTextContent('每年最多加 15 分');
    expect(card('P-VIR-01')).toHaveTextContent('自记录之日起计分 24 个月');
    expect(card('P-VIR-01')).toHaveTextContent('《中华人民共和国献血法》第六条');
    expect(card('P-VIR-01')).toHaveTextContent('管城回族区卫生健康委员会');
    expect(card('P-VIR-01')).toHaveTextContent('适用对象：自然人');
    expect(card('P-LAW-03')).toHaveTextContent('\u22128');
    expect(card('P-LAW-03')).toHaveTextContent('一般失信，3–12 个月，期满不再计分');
    expect(card('P-LAW-03')).toHaveTextContent('公示满 3 个月后可申请（免费）');
    expect(card('P-LAW-02')).toHaveTextContent('轻微失信，最长 3 个月');
    expect(card('P-LAW-02')).toHaveTextContent('纠正失信行为后即可申请（免费）');
    expect(card('E-HON-02')).toHaveTextContent('适用对象：企业');
  });

  it('searches title, id, legal basis and department as the user types', async () => {
    fakeApi({ 'GET /api/rules': ok(RULES) });
    render(<RulesPage />);
    await screen.findAllByTestId('rule-item');

    search('献血');
    expect(shownIds()).toEqual(['P-VIR-01']);
    search('p-law');
    expect(shownIds()).toEqual(['P-LAW-02', 'P-LAW-03']);
    search('行政处罚法 第三十三条');
    expect(shownIds()).toEqual(['P-LAW-02']);
    search('税务局');
    expect(shownIds()).toEqual(['E-HON-02']);
    expect(screen.getByTestId('rules-count')).toHaveTextContent('找到 1 条规则（共 5 条）');

    fireEvent.click(screen.getByTestId('rules-search-clear'));
    expect(shownIds()).toHaveLength(5);
  });

  it('filters by dimension, by 守信/失信 and by subject, together with the search', async () => {
    fakeApi({ 'GET /api/rules': ok(RULES) });
    render(<RulesPage />);
    await screen.findAllByTestId('rule-item');

    fireEvent.click(screen.getByTestId('kind-negative'));
    expect(shownIds()).toEqual(['P-LAW-02', 'P-LAW-03']);
    fireEvent.click(screen.getByTestId('kind-positive'));
    expect(shownIds()).toEqual(['P-HON-01', 'P-VIR-01', 'E-HON-02']);
    fireEvent.click(screen.getByTestId('dim-honour'));
    expect(shownIds()).toEqual(['P-HON-01', 'E-HON-02']);
    expect(screen.getByTestId('dim-honour')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('subject-person'));
    expect(shownIds()).toEqual(['P-HON-01']);

    search('献血');
    expect(shownIds()).toEqual([]);
    expect(screen.getByTestId('rules-empty')).toHaveTextContent('没有符合条件的规则');
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(shownIds()).toHaveLength(5);
    expect(screen.getByTestId('rules-search')).toHaveValue('');
  });

  it('shows the error with 重试, and reloads on pull-down', async () => {
    let calls = 0;
    fakeApi({ 'GET /api/rules': () => (++calls === 1 ? fail(503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试') : ok(RULES)) });
    render(<RulesPage />);
    expect(await screen.findByTestId('page-shell-error')).toHaveTextContent('服务暂时不可用');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findAllByTestId('rule-item')).toHaveLength(5);
    await act(async () => pullDown());
    expect(calls).toBe(3);
  });
});
