import fc from 'fast-check';
import { USCC_CHARSET, USCC_MESSAGES, USCC_ORG_TYPES, usccCheckChar, usccProblem, usccStructureProblem } from '../../../functions/shared/domain/identifiers';

/** A code whose only possible fault is its structure: the body completed with its right check character. */
const withCheck = (first17: string) => first17 + usccCheckChar(first17);

describe('unified social credit code: structure beyond the check character (GB 32100-2015)', () => {
  it.each([
    ['11100000000019713', '机构编制 · 机关, registered at national level'],
    ['12410100MB1234567', '机构编制 · 事业单位'],
    ['13100000500000000', '机构编制 · 群众团体'],
    ['31410000MD0000000', '司法行政 · 律师执业机构'],
    ['51100000500019541', '民政 · 社会团体, 民政部'],
    ['52610500MJU603500', '民政 · 民办非企业单位'],
    ['53410000MJ0000000', '民政 · 基金会'],
    ['71410100MC0000000', '宗教 · 宗教活动场所'],
    ['81410100MC0000000', '工会 · 基层工会'],
    ['91410104MA45HX0Q3', '工商 · 企业'],
    ['92510100MA61WJ320', '工商 · 个体工商户'],
    ['93410100MA0000000', '工商 · 农民专业合作社'],
    ['A1110000MB0000000', '中央军委改革和编制办公室 · 军队事业单位'],
    ['N2410100MF0000000', '农业 · 村级集体经济组织'],
    ['Y1410100MC0000000', '其他'],
  ])('accepts %s (%s)', (first17) => {
    expect(usccProblem(withCheck(first17))).toBeNull();
  });

  it.each([
    ['01410104MA45HX0Q3', 'authority', '0 is no registration authority'],
    ['B1410104MA45HX0Q3', 'authority', 'B is no registration authority'],
    ['94410104MA45HX0Q3', 'orgType', '工商 defines 1, 2 and 3 only'],
    ['99410104MA45HX0Q3', 'orgType', '工商 has no 其他'],
    ['54410104MA45HX0Q3', 'orgType', '民政 defines 1, 2, 3 and 9'],
    ['Y9410104MA45HX0Q3', 'orgType', 'Y has only 1'],
    ['1A410104MA45HX0Q3', 'orgType', 'a letter is no organisation type'],
    ['91000000MA45HX0Q3', 'division', '00 is no province'],
    ['91990104MA45HX0Q3', 'division', '99 is no province'],
    ['91200104MA45HX0Q3', 'division', '20 is no province'],
    ['914101A4MA45HX0Q3', 'division', 'a letter in the division code'],
    ['91101000MA45HX0Q3', 'division', '10 only as the national 100000'],
  ])('refuses %s (%s: %s)', (first17, problem) => {
    expect(usccStructureProblem(withCheck(first17))).toBe(problem);
    expect(usccProblem(withCheck(first17))).toBe(problem);
  });

  it('names the position and what it should be in each message', () => {
    expect(USCC_MESSAGES.authority).toContain('第 1 位（登记管理部门代码）');
    expect(USCC_MESSAGES.orgType).toContain('第 2 位（机构类别代码）');
    expect(USCC_MESSAGES.division).toContain('第 3–8 位（登记管理机关行政区划码）');
  });

  it('reports the structure before the check character, and the character set before the structure', () => {
    expect(usccProblem('01410104MA45HX0Q3X')).toBe('authority');
    expect(usccProblem('0141010IMA45HX0Q3X')).toBe('forbidden');
    expect(usccProblem('91410104MA45HX0Q3' + (usccCheckChar('91410104MA45HX0Q3') === '0' ? '1' : '0'))).toBe('check');
  });

  it('property: every pair outside the standard’s table is refused, whatever follows', () => {
    const pairs = USCC_CHARSET.split('').flatMap((a) => USCC_CHARSET.split('').map((b) => a + b));
    const undefinedPairs = pairs.filter((p) => !USCC_ORG_TYPES[p[0]]?.includes(p[1]));
    expect(undefinedPairs.length).toBe(31 * 31 - 36); // the table defines 36 pairs
    fc.assert(
      fc.property(fc.constantFrom(...undefinedPairs), fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 15, maxLength: 15 }), (pair, rest) => {
        const problem = usccProblem(withCheck(pair + rest.join('')));
        return problem === 'authority' || problem === 'orgType';
      }),
    );
  });
});
