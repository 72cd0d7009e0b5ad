import { commitmentViewOf, newestFirst } from '../commitments/commitment-views';
import type { CommitmentsRepository } from '../commitments/commitments.repository';
import type { CreditRepository } from '../credit/credit.repository';
import { publicDisclosuresOf } from '../disclosures/public-disclosures';
import type { DisclosuresRepository } from '../disclosures/disclosures.repository';
import { registryStatusLabel } from '../registry/registry.domain';
import type { RegistryRepository } from '../registry/registry.repository';
import { maskName, USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import type { PublicEnterprise, RepairGuidance } from './public.schemas';

/** What a business can do about a published penalty or breach (《信用修复管理办法》, NDRC Order 2025 No. 36). */
export const REPAIR_GUIDANCE: RepairGuidance = {
  title: '信用修复',
  text: '失信信息公示期间，企业纠正失信行为、履行法定义务后，在最短公示期满后可以申请信用修复，经认定后提前停止公示。',
  steps: [
    '纠正失信行为：履行行政处罚决定（缴清罚款等）、整改到位、消除不良影响。',
    '登录「诚信管城」，在 企业信用 → 信用记录 中打开该记录，提交信用修复申请和证明材料。',
    '作出决定的部门在 5 个工作日内答复；同意修复的，该记录停止公示、不再计入信用评价。',
  ],
};

/**
 * A business's public page: what 信用中国 shows about it.
 * 1. The code is checked (400 INVALID_USCC); a business the registry does not hold is 404.
 * 2. Registry data with the legal representative masked to the surname (王*).
 * 3. Its 双公示 decisions as the public may see them (disclosures/public-disclosures.ts: licences
 *    that stand, penalties inside their publicity period) and its commitments, newest first, with
 *    their breaches.
 * 4. 「信用修复」 guidance while a penalty or a breach is shown. No grade: the centre publishes none.
 */
export async function getPublicEnterprise(
  deps: { registry: RegistryRepository; commitments: CommitmentsRepository; disclosures: DisclosuresRepository; credit: CreditRepository; clock: Clock },
  rawUscc: string,
): Promise<PublicEnterprise> {
  const uscc = rawUscc.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) throw new AppError(400, 'INVALID_USCC', USCC_MESSAGES[problem]);
  const [{ entry }, commitments, decisions] = await Promise.all([deps.registry.get(uscc), deps.commitments.listByBusiness(uscc), publicDisclosuresOf(deps, uscc, deps.clock.now())]);
  if (!entry) throw errors.notFound('企业登记信息中没有该企业');
  const guidance = decisions.penalties.length > 0 || commitments.some((c) => c.breach);
  return {
    uscc: entry.uscc,
    name: entry.name,
    legalRepresentative: maskName(entry.legalRepresentative),
    establishedOn: entry.establishedOn,
    status: entry.status,
    statusLabel: registryStatusLabel(entry.status),
    licenses: decisions.licenses,
    penalties: decisions.penalties,
    commitments: newestFirst(commitments).map(commitmentViewOf),
    ...(guidance ? { repairGuidance: REPAIR_GUIDANCE } : {}),
  };
}
