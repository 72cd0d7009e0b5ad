import type { Organisation, Registry } from '../orgs/orgs.domain';
import type { OrgsRepository } from '../orgs/orgs.repository';
import { AppError } from '../shared/http/app-error';
import { MAX_ITEMS_PER_CALL } from './registry.schemas';

const REGISTRY_NAMES: Record<Registry, string> = { enterprises: '企业登记信息', 'tax-grades': '纳税信用等级', disclosures: '双公示（行政许可、行政处罚）信息' };

/**
 * The department a feed comes from, if it may feed that registry: its organisation must be an
 * active department whose entitlements (`feeds.registries`, set by the credit centre) include the
 * registry. A batch over 500 items is refused whole first (413), as for credit records.
 */
export async function feedingDepartment(orgs: OrgsRepository, orgId: string | undefined, registry: Registry, itemCount: number): Promise<Organisation> {
  if (itemCount > MAX_ITEMS_PER_CALL) {
    throw new AppError(413, 'TOO_MANY_RECORDS', `每次最多报送 ${MAX_ITEMS_PER_CALL} 条，本次 ${itemCount} 条`);
  }
  const org = orgId ? await orgs.get(orgId) : null;
  if (!org || org.type !== 'department') throw new AppError(403, 'FORBIDDEN', '当前账号未绑定报送部门');
  if (org.status === 'suspended') throw new AppError(403, 'ORG_SUSPENDED', '本部门已被信用中心暂停报送');
  if (!(org.feeds?.registries ?? []).includes(registry)) {
    throw new AppError(403, 'FORBIDDEN', `本部门无权报送${REGISTRY_NAMES[registry]}，如需报送请联系信用中心`);
  }
  return org;
}
