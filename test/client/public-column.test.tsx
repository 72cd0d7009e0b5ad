import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PublicSearchPage from '../../client/src/packages/public/search';
import PublicEnterprisePage from '../../client/src/packages/public/enterprise';
import EnterpriseCommitmentsPage from '../../client/src/packages/enterprise/commitments';
import { clearSession, saveToken } from '../../client/src/services/session';
import { setRouterParams } from './stubs/taro';
import { fail, fakeApi, ok } from './support/fake-api';
import { HUAXIN, HUAXIN_ME, HUAXIN_USCC } from './support/loans-fixtures';

const COMMITMENT = {
  id: 'cm-1',
  templateId: 'tpl-approval',
  type: 'approval',
  typeLabel: '审批替代型（告知承诺）',
  title: '证明事项告知承诺书（审批替代型）',
  clauses: ['本单位提交的全部材料真实、准确、完整、有效。', '本单位同意公开本承诺。'],
  subjectMatter: '食品经营许可',
  signedAt: '2026-12-01T02:00:00.000Z',
};
const BREACHED = { ...COMMITMENT, id: 'cm-2', breach: { reason: '经营场所与承诺不符', occurredOn: '2026-12-03', severity: 'general', severityLabel: '一般', departmentName: '管城回族区市场监督管理局', recordedAt: '2026-12-03T02:00:00.000Z' } };
const PAGE = {
  uscc: HUAXIN_USCC,
  name: '郑州华信商贸有限公司',
  legalRepresentative: '周*',
  establishedOn: '2015-06-18',
  status: 'active',
  statusLabel: '存续',
  licenses: [],
  penalties: [
    { decisionNo: '管市监罚〔2026〕8号', partyName: '郑州华信商贸有限公司', uscc: HUAXIN_USCC, category: '罚款', content: '销售过期食品', legalBasis: '《食品安全法》', decidedOn: '2026-11-20', severity: 'general', fineYuan: 5000, authorityName: '管城回族区市场监督管理局', publicUntil: '2027-02-19T16:00:00.000Z', lastPublicDay: '2027-02-19', repairableFrom: '2027-02-19T16:00:00.000Z' },
  ],
  commitments: [BREACHED, COMMITMENT],
  repairGuidance: { title: '信用修复', text: '失信信息公示期间……', steps: ['纠正失信行为', '提交修复申请'] },
};
const TEMPLATES = {
  items: [
    { id: 'tpl-proactive', type: 'proactive', typeLabel: '主动型', title: '市场主体主动型信用承诺书', clauses: ['材料真实'], subjectMatter: { label: '承诺事项（可不填）', required: false }, status: 'published', updatedAt: '2021-01-01T00:00:00.000Z' },
    { id: 'tpl-approval', type: 'approval', typeLabel: '审批替代型（告知承诺）', title: '证明事项告知承诺书（审批替代型）', clauses: ['材料真实', '同意公开'], subjectMatter: { label: '告知承诺的审批事项', required: true }, status: 'published', updatedAt: '2021-01-01T00:00:00.000Z' },
  ],
  nextCursor: null,
};

describe('企业信用查询, signed out', () => {
  beforeEach(() => clearSession());

  it('asks for at least two characters without calling the API, then lists what it finds and opens a business', async () => {
    const request = fakeApi({ 'GET /api/public/enterprises': (q) => ok({ items: q.get('q') === '华信' ? [{ uscc: HUAXIN_USCC, name: '郑州华信商贸有限公司', status: 'active', statusLabel: '存续' }] : [], nextCursor: null }) });
    render(<PublicSearchPage />);
    const input = screen.getByTestId('public-search-input');
    fireEvent.change(input, { target: { value: '华' } });
    await act(async () => fireEvent.click(screen.getByTestId('public-search-go')));
    expect(screen.getByTestId('public-search-hint')).toHaveTextContent('至少 2 个字');
    expect(request).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: '华信' } });
    await act(async () => fireEvent.click(screen.getByTestId('public-search-go')));
    const hit = await screen.findByTestId('public-search-hit');
    expect(hit).toHaveTextContent('郑州华信商贸有限公司');
    expect(hit).toHaveTextContent('存续');
    expect(request.mock.calls.every(([o]) => !o.header?.Authorization)).toBe(true);
    fireEvent.click(hit);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/public/enterprise/index?uscc=${HUAXIN_USCC}` });

    fireEvent.change(input, { target: { value: '不存在的企业' } });
    await act(async () => fireEvent.click(screen.getByTestId('public-search-go')));
    expect(await screen.findByTestId('public-search-empty')).toHaveTextContent('没有找到相关企业');
  });

  it('shows the public page: masked representative, penalty with 公示至, commitments with the 违诺 mark, repair guidance', async () => {
    setRouterParams({ uscc: HUAXIN_USCC });
    fakeApi({ [`GET /api/public/enterprises/${HUAXIN_USCC}`]: ok(PAGE) });
    render(<PublicEnterprisePage />);
    await screen.findByTestId('public-enterprise');
    expect(screen.getByTestId('public-enterprise-legal')).toHaveTextContent('周*');
    expect(screen.getByTestId('public-penalty-until')).toHaveTextContent('2027-02-19');
    const items = screen.getAllByTestId('commitment-item');
    expect(items.map((i) => i.getAttribute('data-breached'))).toEqual(['true', 'false']);
    expect(within(items[0]).getByTestId('commitment-breach-mark')).toHaveTextContent('违诺');
    expect(within(items[0]).getByTestId('commitment-breach')).toHaveTextContent('经营场所与承诺不符');
    expect(screen.getByTestId('public-repair-guidance')).toHaveTextContent('信用修复');
    fireEvent.click(within(items[1]).getByTestId('commitment-toggle'));
    expect(within(items[1]).getByTestId('commitment-clauses')).toHaveTextContent('本单位同意公开本承诺');
  });
});

describe('企业信用 → 信用承诺', () => {
  beforeEach(() => {
    clearSession();
    saveToken('tok');
  });

  it('signs with one Idempotency-Key however often 签署 is tapped, and asks for the approval item first', async () => {
    const signed: Array<{ body: unknown; key?: string }> = [];
    const request = fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      'GET /api/enterprises/me': ok(HUAXIN),
      'GET /api/commitment-templates': ok(TEMPLATES),
      'GET /api/commitments': ok({ items: signed.length > 0 ? [COMMITMENT] : [], nextCursor: null }),
      'POST /api/commitments': (_q, body) => {
        signed.push({ body });
        return { status: 201, body: { id: 'cm-1', signedAt: '2026-12-01T02:00:00.000Z' } };
      },
    });
    render(<EnterpriseCommitmentsPage />);
    await screen.findByTestId('my-commitments-empty');
    const approval = screen.getAllByTestId('commitment-template').find((t) => t.getAttribute('data-template-id') === 'tpl-approval')!;
    fireEvent.click(approval);
    expect(screen.getByTestId('commitment-form-clauses')).toHaveTextContent('同意公开');
    await act(async () => fireEvent.click(screen.getByTestId('commitment-submit')));
    expect(screen.getByTestId('commitment-subject-msg')).toHaveTextContent('审批事项');
    fireEvent.change(screen.getByTestId('commitment-subject'), { target: { value: '食品经营许可' } });
    await act(async () => fireEvent.click(screen.getByTestId('commitment-submit')));
    expect(screen.getByTestId('commitment-error')).toHaveTextContent('我已阅读并同意');
    fireEvent.click(screen.getByTestId('commitment-agree'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('commitment-submit'));
      fireEvent.click(screen.getByTestId('commitment-submit'));
    });
    await screen.findByTestId('commitment-signed-banner');
    const posts = request.mock.calls.filter(([o]) => o.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0][0].data).toEqual({ templateId: 'tpl-approval', subjectMatter: '食品经营许可' });
    expect(posts[0][0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('shows why a business with a breached 告知承诺 cannot sign another', async () => {
    fakeApi({
      'GET /api/me': ok(HUAXIN_ME),
      'GET /api/enterprises/me': ok(HUAXIN),
      'GET /api/commitment-templates': ok(TEMPLATES),
      'GET /api/commitments': ok({ items: [BREACHED], nextCursor: null }),
      'POST /api/commitments': fail(409, 'COMMITMENT_BARRED', '本企业曾违背审批替代型（告知承诺）「食品经营许可」，在完成信用修复前不能再以告知承诺方式办理（国办发〔2020〕42号）'),
    });
    render(<EnterpriseCommitmentsPage />);
    await screen.findAllByTestId('commitment-item');
    fireEvent.click(screen.getAllByTestId('commitment-template').find((t) => t.getAttribute('data-template-id') === 'tpl-approval')!);
    fireEvent.change(screen.getByTestId('commitment-subject'), { target: { value: '卫生许可' } });
    fireEvent.click(screen.getByTestId('commitment-agree'));
    await act(async () => fireEvent.click(screen.getByTestId('commitment-submit')));
    expect(screen.getByTestId('commitment-error')).toHaveTextContent('完成信用修复前');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
