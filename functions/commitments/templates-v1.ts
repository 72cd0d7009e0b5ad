import type { CommitmentTemplate } from './commitments.domain';

/**
 * The commitment templates `npm run bootstrap` publishes (each only where absent), after the
 * model texts of 信用中国 and 国办发〔2020〕42号. Every template carries the four core clauses:
 * materials true, law-abiding, supervision and liability, consent to publication.
 */
const CORE = {
  truthful: '本单位提交的全部材料真实、准确、完整、有效，不存在虚假记载、误导性陈述或重大遗漏。',
  lawful: '本单位严格遵守国家法律法规、规章和政策规定，依法诚信经营，自觉履行法定义务。',
  supervision: '本单位自愿接受行政机关、行业组织和社会公众的监督；如违背承诺，愿意依法承担相应法律责任，接受相应的失信惩戒。',
  publication: '本单位同意将本承诺书在「诚信管城」及信用网站公开，违诺情况记入本单位信用记录并依法公示。',
};

const at = '2021-01-01T00:00:00+08:00';

export const COMMITMENT_TEMPLATES_V1: CommitmentTemplate[] = [
  {
    id: 'tpl-proactive',
    type: 'proactive',
    title: '市场主体主动型信用承诺书',
    clauses: [CORE.truthful, CORE.lawful, '本单位依法依规开展生产经营活动，不制售假冒伪劣商品，不进行虚假宣传，不拖欠员工工资和合作方款项。', CORE.supervision, CORE.publication],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  },
  {
    id: 'tpl-approval',
    type: 'approval',
    title: '证明事项告知承诺书（审批替代型）',
    clauses: [
      '本单位已知晓行政机关告知的证明义务、证明内容和所承诺事项对应的许可条件。',
      CORE.truthful,
      '本单位符合行政机关告知的许可条件，能够在约定期限内提交相关材料；在行政机关核查时如实配合。',
      CORE.lawful,
      `${CORE.supervision}如承诺不实，同意行政机关依法撤销相关许可，并在重新作出告知承诺前完成信用修复。`,
      CORE.publication,
    ],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  },
  {
    id: 'tpl-industry',
    type: 'industry',
    title: '行业自律信用承诺书',
    clauses: [CORE.truthful, CORE.lawful, '本单位遵守行业自律公约和职业道德准则，公平竞争，不以不正当手段损害同行和消费者的合法权益。', CORE.supervision, CORE.publication],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  },
  {
    id: 'tpl-repair',
    type: 'repair',
    title: '信用修复承诺书',
    clauses: [
      '本单位已纠正所申请修复的失信行为，履行了法定责任和义务，消除了不良社会影响。',
      CORE.truthful,
      CORE.lawful,
      '本单位在修复后不再发生同类失信行为；如再次失信，自愿接受从重的信用监管措施。',
      CORE.supervision,
      CORE.publication,
    ],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  },
];
