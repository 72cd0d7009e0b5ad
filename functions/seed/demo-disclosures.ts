import type { DisclosuresRepository } from '../disclosures/disclosures.repository';
import { publishDisclosures, type PublishDeps } from '../disclosures/publish-disclosures';
import { chinaDate } from '../shared/domain/china-time';
import { HUAXIN_USCC } from './demo-data';
import { REVOKED_USCC } from './demo-registry';

const DAY = 86_400_000;
const MARKET = 'org-dept-market';

/**
 * The demo's 双公示 decisions, dated relative to the first seeding: a food-business licence of
 * 华信, sent late (which stays grade A with no penalties, as the demo identities promise), and a
 * general penalty of 恒达建材 sent on time, public for a year from its decision and its business's
 * credit record.
 */
export function demoDisclosures(now: Date): Array<Record<string, unknown>> {
  const day = (daysAgo: number) => chinaDate(new Date(now.getTime() - daysAgo * DAY));
  return [
    {
      kind: 'license',
      sourceId: 'DEMO-XK-HX-01',
      uscc: HUAXIN_USCC,
      partyName: '郑州华信商贸有限公司',
      decisionNo: 'JY14101040012345',
      decidedOn: day(40),
      category: '普通',
      content: '食品经营许可（预包装食品销售，含冷藏冷冻食品）',
      legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
      validFrom: day(40),
      validTo: chinaDate(new Date(now.getTime() + (5 * 365 - 41) * DAY)),
    },
    {
      kind: 'penalty',
      sourceId: 'DEMO-CF-HD-01',
      uscc: REVOKED_USCC,
      partyName: '郑州恒达建材有限公司',
      decisionNo: '管市监罚〔2026〕58号',
      decidedOn: day(3),
      category: '罚款',
      content: '销售不合格建筑材料（防火涂料），没收违法所得并处罚款人民币贰万元',
      legalBasis: '《中华人民共和国产品质量法》第四十九条',
      severity: 'general',
      fineYuan: 20000,
    },
  ];
}

/**
 * Publishes the demo decisions through the same use case departments use, each only if absent
 * (a later run, on another day, would otherwise correct their dates): returns created and kept.
 */
export async function seedDemoDisclosures(deps: PublishDeps & { disclosures: DisclosuresRepository }): Promise<{ created: number; kept: number }> {
  const items = demoDisclosures(deps.clock.now());
  const absent: Array<Record<string, unknown>> = [];
  for (const item of items) if (!(await deps.disclosures.get(MARKET, item.sourceId as string))) absent.push(item);
  if (absent.length === 0) return { created: 0, kept: items.length };
  const result = await publishDisclosures(deps, MARKET, absent);
  if (result.rejected.length > 0) throw new Error(`demo disclosures rejected: ${JSON.stringify(result.rejected)}`);
  return { created: result.accepted, kept: items.length - result.accepted };
}
