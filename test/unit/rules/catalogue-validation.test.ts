import { CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { publishCatalogueVersion } from '../../../functions/rules/publish-catalogue-version';
import { PUBLICATION, ruleProblems, type Rule, type Severity } from '../../../functions/rules/rules.domain';
import type { RulesRepository } from '../../../functions/rules/rules.repository';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { AppError } from '../../../functions/shared/http/app-error';

const negative = (severity: Severity, validityMonths: number, minPublicationMonths?: number): Rule => ({
  id: 'P-TST-01', title: '测试', dimension: 'law', subjectType: 'person', points: -5, yearlyCap: 15, severity, validityMonths,
  ...(minPublicationMonths === undefined ? {} : { minPublicationMonths }), legalBasis: '测试依据', department: 'org-dept-market',
});

describe('publication periods by severity in the catalogue', () => {
  it('accepts every seeded rule, the court list’s 24 months among the serious ones', () => {
    for (const r of CATALOGUE_V1_RULES) expect({ id: r.id, problems: ruleProblems(r) }).toEqual({ id: r.id, problems: [] });
    expect(CATALOGUE_V1_RULES.find((r) => r.id === 'P-LAW-01')).toMatchObject({ severity: 'serious', validityMonths: 24 });
  });

  it.each([
    ['light', 1, true], ['light', 3, true], ['light', 4, false],
    ['general', 2, false], ['general', 3, true], ['general', 12, true], ['general', 13, false],
    ['serious', 11, false], ['serious', 12, true], ['serious', 24, true], ['serious', 36, true], ['serious', 37, false],
  ] as const)('a %s rule counting %i months is %s', (severity, months, ok) => {
    const min = Math.min(PUBLICATION[severity].minMonths, months);
    const problems = ruleProblems(negative(severity, months, min));
    expect(problems.some((p) => p.field === 'validityMonths' && p.code === 'publication_period')).toBe(!ok);
    if (!ok) expect(problems[0].message).toMatch(/^P-TST-01：/);
  });

  it('refuses repair before the severity’s minimum, after the record stops counting, or unstated', () => {
    expect(ruleProblems(negative('general', 12, 2)).map((p) => [p.field, p.code])).toEqual([['minPublicationMonths', 'min_publication_period']]);
    expect(ruleProblems(negative('serious', 24, 30)).map((p) => [p.field, p.code])).toEqual([['minPublicationMonths', 'min_publication_period']]);
    expect(ruleProblems(negative('serious', 24)).map((p) => [p.field, p.code])).toEqual([['minPublicationMonths', 'min_publication_required']]);
    expect(ruleProblems(negative('light', 3, 0))).toEqual([]);
  });

  it('answers a bad catalogue with 400 details naming each rule and field', async () => {
    const rules: Rule[] = CATALOGUE_V1_RULES.map((r) => (r.id === 'P-LAW-03' ? { ...r, validityMonths: 24 } : r.id === 'P-LAW-02' ? { ...r, validityMonths: 6 } : r));
    const repo = { listVersions: jest.fn(async () => []), publish: jest.fn(async () => true) } as unknown as RulesRepository;
    const call = publishCatalogueVersion({ rules: repo, clock: fixedClock('2026-12-01T00:00:00Z') }, 'admin', { effectiveFrom: '2026-12-02T00:00:00+08:00', note: '测试', rules });
    await expect(call).rejects.toBeInstanceOf(AppError);
    const error = (await call.catch((e: AppError) => e)) as AppError;
    expect(error.status).toBe(400);
    const i2 = CATALOGUE_V1_RULES.findIndex((r) => r.id === 'P-LAW-02');
    const i3 = CATALOGUE_V1_RULES.findIndex((r) => r.id === 'P-LAW-03');
    expect(error.details).toEqual([
      { field: `rules.${i2}.validityMonths`, code: 'publication_period', ruleId: 'P-LAW-02', message: 'P-LAW-02：轻微失信信息公示期应为 1–3 个月，不能为 6 个月' },
      { field: `rules.${i3}.validityMonths`, code: 'publication_period', ruleId: 'P-LAW-03', message: 'P-LAW-03：一般失信信息公示期应为 3–12 个月，不能为 24 个月' },
    ]);
    expect(repo.publish).not.toHaveBeenCalled();
  });
});
