import type { IdentityRepository } from '../identity/identity.repository';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import type { Incentive } from './incentives.domain';
import type { IncentivesRepository } from './incentives.repository';
import type { IncentiveInput, IncentiveUpdate, IncentiveView } from './incentives.schemas';
import { incentiveView } from './list-incentives';

/**
 * The credit centre creates or edits a 信易+ scenario and assigns its merchants.
 * 1. Dates in order; every merchant id is a merchant organisation.
 * 2. Create only if the id is free (409 otherwise); edit only over the version the admin saw
 *    (409 if someone saved in between).
 */
export async function saveIncentive(
  deps: { incentives: IncentivesRepository; identities: IdentityRepository; clock: Clock },
  input: (IncentiveInput & { expectedUpdatedAt?: undefined }) | (IncentiveUpdate & { id: string }),
): Promise<IncentiveView> {
  if (new Date(input.validFrom).getTime() >= new Date(input.validUntil).getTime()) {
    throw errors.validation([{ field: 'validUntil', message: '结束时间必须晚于开始时间', code: 'range' }]);
  }
  const merchants: Incentive['merchants'] = [];
  for (const id of [...new Set(input.merchantIds)]) {
    const org = await deps.identities.getOrg(id);
    if (!org || org.type !== 'merchant') {
      throw errors.validation([{ field: 'merchantIds', message: `${id} 不是已登记的商户`, code: 'unknown_merchant' }]);
    }
    merchants.push({ id: org.id, name: org.name });
  }
  const incentive: Incentive = {
    id: input.id,
    category: input.category as Incentive['category'],
    title: input.title,
    benefit: input.benefit,
    description: input.description,
    minPoints: input.minPoints,
    quota: input.quota,
    ...(input.totalStock !== undefined ? { totalStock: input.totalStock } : {}),
    validFrom: new Date(input.validFrom).toISOString(),
    validUntil: new Date(input.validUntil).toISOString(),
    excludeSerious: input.excludeSerious,
    merchants,
    active: input.active,
    updatedAt: deps.clock.now().toISOString(),
  };
  const expected = input.expectedUpdatedAt ?? null;
  if (expected !== null && !(await deps.incentives.get(input.id))) throw errors.notFound('该信易+场景不存在');
  if (!(await deps.incentives.save(incentive, expected))) {
    throw expected === null
      ? new AppError(409, 'INCENTIVE_EXISTS', `场景编号 ${input.id} 已存在`)
      : new AppError(409, 'EDIT_CONFLICT', '该场景刚被其他管理员修改，请刷新后重试');
  }
  return incentiveView(incentive);
}
