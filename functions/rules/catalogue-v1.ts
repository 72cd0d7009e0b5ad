import type { CatalogueVersion, Rule } from './rules.domain';

/**
 * Version 1 of the district's rule catalogue, modelled on published personal-credit-points and
 * public-credit-evaluation catalogues. Negative rules count for their maximum publication period;
 * the court's dishonest-debtor list counts for its listing period of two years.
 */
export const DEPARTMENTS = {
  market: 'org-dept-market',
  court: 'org-dept-court',
  tax: 'org-dept-tax',
  civil: 'org-dept-civil',
  civilization: 'org-dept-civilization',
  health: 'org-dept-health',
  hrss: 'org-dept-hrss',
  urban: 'org-dept-urban',
  traffic: 'org-dept-traffic',
  ecology: 'org-dept-ecology',
} as const;

export const DEPARTMENT_NAMES: Record<string, string> = {
  'org-dept-market': '管城回族区市场监督管理局',
  'org-dept-court': '管城回族区人民法院',
  'org-dept-tax': '国家税务总局郑州市管城回族区税务局',
  'org-dept-civil': '管城回族区民政局',
  'org-dept-civilization': '管城回族区精神文明建设办公室',
  'org-dept-health': '管城回族区卫生健康委员会',
  'org-dept-hrss': '管城回族区人力资源和社会保障局',
  'org-dept-urban': '管城回族区城市管理局',
  'org-dept-traffic': '郑州市公安局交通警察支队管城大队',
  'org-dept-ecology': '郑州市生态环境局管城分局',
};

const D = DEPARTMENTS;
const CREDIT_LAW = '《河南省社会信用条例》第二十二条';
const COMMITMENT_LAW = '《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）';

const positive = (id: string, title: string, dimension: Rule['dimension'], subjectType: Rule['subjectType'], points: number, yearlyCap: number, validityMonths: number, department: string, legalBasis: string): Rule => ({
  id, title, dimension, subjectType, points, yearlyCap, validityMonths, department, legalBasis,
});

const negative = (id: string, title: string, dimension: Rule['dimension'], subjectType: Rule['subjectType'], points: number, severity: NonNullable<Rule['severity']>, department: string, legalBasis: string, validityMonths?: number): Rule => {
  const months = { light: { min: 0, max: 3 }, general: { min: 3, max: 12 }, serious: { min: 12, max: 36 } }[severity];
  return {
    id, title, dimension, subjectType, points, yearlyCap: Math.abs(points) * 3, severity,
    validityMonths: validityMonths ?? months.max, minPublicationMonths: months.min, department, legalBasis,
  };
};

export const CATALOGUE_V1_RULES: Rule[] = [
  // Persons — honours (荣誉信息)
  positive('P-HON-01', '获得国家级荣誉称号', 'honour', 'person', 20, 20, 36, D.civilization, `${CREDIT_LAW}；《郑州市个人信用积分管理办法》附件一第1项`),
  positive('P-HON-02', '获得省级荣誉称号', 'honour', 'person', 15, 15, 36, D.civilization, '《郑州市个人信用积分管理办法》附件一第2项'),
  positive('P-HON-03', '获得市、区级劳动模范或道德模范称号', 'honour', 'person', 10, 20, 24, D.civilization, '《郑州市个人信用积分管理办法》附件一第3项'),
  positive('P-HON-04', '入选“最美管城人”等区级先进典型', 'honour', 'person', 5, 10, 12, D.civilization, '《管城回族区个人信用积分实施细则》第八条'),
  // Persons — public virtue (社会公德)
  positive('P-VIR-01', '无偿献血（每次）', 'virtue', 'person', 5, 15, 24, D.health, '《中华人民共和国献血法》第六条；《郑州市个人信用积分管理办法》附件一第9项'),
  positive('P-VIR-02', '登记为造血干细胞捐献志愿者', 'virtue', 'person', 5, 5, 36, D.health, '《郑州市个人信用积分管理办法》附件一第10项'),
  positive('P-VIR-03', '志愿服务时长每满 20 小时', 'virtue', 'person', 2, 20, 12, D.civilization, '《志愿服务条例》第二十一条；《郑州市个人信用积分管理办法》附件一第11项'),
  positive('P-VIR-04', '慈善捐赠经民政部门认定', 'virtue', 'person', 3, 10, 12, D.civil, '《中华人民共和国慈善法》第九十一条'),
  positive('P-VIR-05', '见义勇为行为经确认', 'virtue', 'person', 20, 20, 36, D.civil, '《河南省见义勇为人员奖励和保障条例》第十条'),
  negative('P-VIR-06', '公共场所不文明行为受到行政处罚', 'virtue', 'person', -3, 'light', D.urban, '《郑州市文明行为促进条例》第四十五条'),
  negative('P-VIR-07', '违规饲养犬只受到行政处罚', 'virtue', 'person', -2, 'light', D.urban, '《郑州市养犬管理条例》第三十六条'),
  // Persons — professional ethics (职业道德)
  positive('P-ETH-01', '获评行业“诚信之星”或优秀从业者', 'ethics', 'person', 5, 10, 24, D.hrss, '《管城回族区个人信用积分实施细则》第九条'),
  positive('P-ETH-02', '年度个人所得税依法按时足额申报缴纳', 'ethics', 'person', 3, 3, 12, D.tax, '《中华人民共和国个人所得税法》第十条'),
  negative('P-ETH-03', '提供虚假材料骗取行政许可', 'ethics', 'person', -10, 'general', D.market, '《中华人民共和国行政许可法》第七十八条'),
  negative('P-ETH-04', '骗取社会保险待遇', 'ethics', 'person', -15, 'serious', D.hrss, '《中华人民共和国社会保险法》第八十八条'),
  // Persons — family virtue (家庭美德)
  positive('P-FAM-01', '获评“文明家庭”或“最美家庭”', 'family', 'person', 5, 5, 24, D.civilization, '《郑州市个人信用积分管理办法》附件一第14项'),
  positive('P-FAM-02', '长期照护失能老人经社区认定', 'family', 'person', 3, 6, 12, D.civil, '《河南省老年人权益保障条例》第十二条'),
  negative('P-FAM-03', '拒不履行赡养、抚养义务经法院判决', 'family', 'person', -10, 'general', D.court, '《中华人民共和国民法典》第一千零六十七条'),
  // Persons — legal compliance (法律法规)
  negative('P-LAW-01', '列入失信被执行人名单', 'law', 'person', -30, 'serious', D.court, '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条、第二条', 24),
  negative('P-LAW-02', '行政处罚（轻微）', 'law', 'person', -2, 'light', D.market, '《中华人民共和国行政处罚法》第三十三条'),
  negative('P-LAW-03', '行政处罚（一般）', 'law', 'person', -8, 'general', D.market, '《中华人民共和国行政处罚法》第四十八条'),
  negative('P-LAW-04', '行政处罚（严重）', 'law', 'person', -20, 'serious', D.market, '《中华人民共和国行政处罚法》第四十八条；《失信行为纠正后的信用信息修复管理办法》第十条'),
  negative('P-LAW-05', '欠缴税款被税务机关公告', 'law', 'person', -10, 'general', D.tax, '《中华人民共和国税收征收管理法》第四十五条'),
  negative('P-LAW-06', '醉酒驾驶机动车受到处罚', 'law', 'person', -15, 'serious', D.traffic, '《中华人民共和国道路交通安全法》第九十一条'),
  // Enterprises (public credit comprehensive evaluation)
  positive('E-HON-01', '获评“守合同重信用”企业', 'honour', 'enterprise', 10, 10, 24, D.market, '《河南省“守合同重信用”企业公示管理办法》'),
  positive('E-HON-02', '纳税信用评价为 A 级', 'honour', 'enterprise', 10, 10, 12, D.tax, '《纳税信用管理办法》第二十九条'),
  positive('E-ETH-01', '获评劳动保障守法诚信示范单位', 'ethics', 'enterprise', 5, 5, 24, D.hrss, '《企业劳动保障守法诚信等级评价办法》第九条'),
  positive('E-VIR-01', '公益捐赠经民政部门认定', 'virtue', 'enterprise', 3, 6, 12, D.civil, '《中华人民共和国慈善法》第八十条'),
  negative('E-LAW-01', '行政处罚（轻微）', 'law', 'enterprise', -2, 'light', D.market, '《中华人民共和国行政处罚法》第三十三条'),
  negative('E-LAW-02', '行政处罚（一般）', 'law', 'enterprise', -8, 'general', D.market, '《中华人民共和国行政处罚法》第四十八条'),
  negative('E-LAW-03', '行政处罚（严重）', 'law', 'enterprise', -20, 'serious', D.market, '《中华人民共和国行政处罚法》第四十八条'),
  negative('E-LAW-04', '列入经营异常名录', 'law', 'enterprise', -5, 'general', D.market, '《企业经营异常名录管理暂行办法》第四条'),
  negative('E-LAW-05', '列入严重违法失信名单', 'law', 'enterprise', -30, 'serious', D.market, '《市场监督管理严重违法失信名单管理办法》第二条'),
  negative('E-LAW-06', '重大税收违法失信主体', 'law', 'enterprise', -30, 'serious', D.tax, '《重大税收违法失信主体信息公布管理办法》第六条'),
  negative('E-LAW-07', '列入失信被执行人名单（企业）', 'law', 'enterprise', -30, 'serious', D.court, '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', 24),
  negative('E-ETH-02', '拖欠农民工工资列入失信惩戒名单', 'ethics', 'enterprise', -25, 'serious', D.hrss, '《保障农民工工资支付条例》第四十八条'),
  negative('E-LAW-08', '环境违法受到行政处罚（一般）', 'law', 'enterprise', -8, 'general', D.ecology, '《中华人民共和国环境保护法》第五十九条'),
  // Breaches of credit commitments (违诺), recorded by the department that finds them (commitments/record-breach.ts)
  negative('E-ETH-03', '违背信用承诺（轻微）', 'ethics', 'enterprise', -3, 'light', D.market, COMMITMENT_LAW),
  negative('E-ETH-04', '违背信用承诺（一般）', 'ethics', 'enterprise', -10, 'general', D.market, COMMITMENT_LAW),
  negative('E-ETH-05', '违背信用承诺（严重）', 'ethics', 'enterprise', -20, 'serious', D.market, COMMITMENT_LAW),
];

export const CATALOGUE_V1: CatalogueVersion = {
  version: 1,
  effectiveFrom: '2021-01-01T00:00:00+08:00',
  publishedAt: '2020-12-20T10:00:00+08:00',
  publishedBy: 'admin',
  note: '管城回族区信用信息目录及评分规则（第一版）',
  rules: CATALOGUE_V1_RULES,
};
