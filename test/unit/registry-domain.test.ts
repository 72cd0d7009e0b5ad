import { evaluateCriteria, type EnterpriseStanding, type ProductCriteria } from '../../functions/loans/loans.domain';
import { currentTaxGrade, registryFacts, sameRegistryName } from '../../functions/registry/registry.domain';
import { validateEnterpriseItem, validateTaxGradeItem } from '../../functions/registry/registry-validation';
import { revisionOf } from '../../functions/registry/revision';
import { usccCheckChar } from '../../functions/shared/domain/identifiers';

const NOW = new Date('2026-12-03T18:00:00Z'); // 2026-12-04 02:00 in China
const USCC = '91410104MA45HX0Q3' + usccCheckChar('91410104MA45HX0Q3');
const item = (over: object = {}) => ({ uscc: USCC, name: '郑州华信商贸有限公司', legalRepresentative: '周杰', establishedOn: '2015-06-18', status: 'active', ...over });

describe('registry items, judged one by one', () => {
  it('takes a valid entry, the code normalised to upper case', () => {
    expect(validateEnterpriseItem(item({ uscc: ` ${USCC.toLowerCase()} ` }), NOW)).toEqual({
      ok: true,
      item: { uscc: USCC, name: '郑州华信商贸有限公司', legalRepresentative: '周杰', establishedOn: '2015-06-18', status: 'active' },
    });
  });

  it.each([
    ['a wrong check character', item({ uscc: USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0') }), 'INVALID_USCC'],
    ['a founding date after today in China', item({ establishedOn: '2026-12-05' }), 'FUTURE_DATE'],
    ['a founding date before 1900', item({ establishedOn: '1899-12-31' }), 'INVALID_DATE'],
    ['a date that does not exist', item({ establishedOn: '2021-02-29' }), 'INVALID_RECORD'],
    ['an unknown status', item({ status: 'suspended' }), 'INVALID_RECORD'],
    ['an unknown field', item({ capital: 100 }), 'INVALID_RECORD'],
    ['a missing legal representative', item({ legalRepresentative: '  ' }), 'INVALID_RECORD'],
    ['something that is not an entry', [1, 2], 'INVALID_RECORD'],
  ])('rejects %s', (_label, raw, code) => {
    const v = validateEnterpriseItem(raw, NOW);
    expect(v).toMatchObject({ ok: false, rejection: { code } });
    if (!v.ok) expect(v.rejection.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('takes today in China as a founding date (already tomorrow in UTC terms)', () => {
    expect(validateEnterpriseItem(item({ establishedOn: '2026-12-04' }), NOW).ok).toBe(true);
  });

  it.each([
    [{ uscc: USCC, year: 2026, grade: 'A' }, null],
    [{ uscc: USCC, year: 2014, grade: 'D' }, null],
    [{ uscc: USCC, year: 2027, grade: 'A' }, 'INVALID_YEAR'],
    [{ uscc: USCC, year: 2013, grade: 'A' }, 'INVALID_YEAR'],
    [{ uscc: USCC, year: 2025.5, grade: 'A' }, 'INVALID_RECORD'],
    [{ uscc: USCC, year: 2025, grade: 'a' }, 'INVALID_RECORD'],
    [{ uscc: '91410104MA45HX0Q', year: 2025, grade: 'A' }, 'INVALID_USCC'],
  ])('judges the tax grade %j: %s', (raw, code) => {
    const v = validateTaxGradeItem(raw, NOW);
    expect(v.ok ? null : v.rejection.code).toBe(code);
  });
});

describe('what the registries say', () => {
  it('applies the latest year’s tax grade, and M while there is none', () => {
    expect(currentTaxGrade([])).toEqual({ grade: 'M' });
    expect(currentTaxGrade([{ uscc: USCC, year: 2025, grade: 'C' }, { uscc: USCC, year: 2024, grade: 'A' }])).toEqual({ grade: 'C', year: 2025 });
    expect(registryFacts({ entry: null, taxGrades: [] })).toEqual({ taxCreditGrade: 'M' });
  });

  it('orders revisions by receipt, then position in the batch, then content — the same for the same input', () => {
    const a = revisionOf('2026-12-03T10:00:00.000Z', 0, { name: 'A' });
    expect(revisionOf('2026-12-03T10:00:00.001Z', 0, { name: 'A' }) > a).toBe(true);
    expect(revisionOf('2026-12-03T10:00:00.000Z', 1, { name: 'A' }) > a).toBe(true);
    expect(revisionOf('2026-12-03T10:00:00.000Z', 0, { name: 'A' })).toBe(a);
    expect(revisionOf('2026-12-03T10:00:00.000Z', 0, { name: 'B' })).not.toBe(a);
  });

  it.each([
    ['郑州示例（管城）商贸有限公司', '郑州示例(管城)商贸有限公司', true],
    [' 钱多多 ', '钱多多', true],
    ['阿卜杜拉・买买提', '阿卜杜拉·买买提', true],
    ['钱多多', '钱少少', false],
  ])('compares %s and %s as %s', (a, b, same) => {
    expect(sameRegistryName(a, b)).toBe(same);
  });
});

describe('the loan criterion of registry status', () => {
  const criteria: ProductCriteria = { minGrade: 'C', noSeriousDishonesty: false, maxPenalties12m: 5, minYearsOperating: 0, minTaxGrade: 'D' };
  const standing = (registryStatus?: EnterpriseStanding['registryStatus']): EnterpriseStanding => ({
    registered: true,
    ...(registryStatus ? { registryStatus } : {}),
    grade: 'A',
    activeSerious: 0,
    penalties12m: 0,
    establishedOn: '2015-06-18',
    taxCreditGrade: 'A',
    restrictions: [],
  });

  it.each([
    ['active', true, '登记状态：存续'],
    ['revoked', false, '企业登记状态为「吊销」，不能申请贷款'],
    ['cancelled', false, '企业登记状态为「注销」，不能申请贷款'],
    [undefined, false, '企业登记信息中暂无本企业，不能申请贷款'],
  ] as const)('a business %s in the registry: passed %s', (status, passed, detail) => {
    const list = evaluateCriteria(standing(status), criteria, NOW);
    expect(list[0]).toEqual({ code: 'REGISTRY_STATUS', label: '企业登记状态', passed, detail });
    expect(list.filter((c) => !c.passed).length).toBe(passed ? 0 : 1);
  });

  it('asks an unregistered business to register first, without a registry criterion', () => {
    const list = evaluateCriteria({ ...standing('active'), registered: false }, criteria, NOW);
    expect(list[0].code).toBe('REGISTERED');
    expect(list.some((c) => c.code === 'REGISTRY_STATUS')).toBe(false);
  });
});
