import type { z } from 'zod';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor, startKeyCursor } from '../shared/http/pagination';
import type { Clock } from '../shared/domain/clock';
import { currentCreditSource, decisionFieldsOf, isPublicAt, publicUntil } from './disclosures.domain';
import type { DisclosuresRepository } from './disclosures.repository';
import type { departmentDisclosureView } from './disclosures.schemas';
import { repairedAt } from './public-disclosures';

export type DepartmentDisclosureView = z.infer<typeof departmentDisclosureView>;

/**
 * A department's own decisions, latest received first, each with whether it was late, when its
 * publication ends and where its credit record stands.
 * 1. One page of the department's decisions (its own only: the key is its organisation).
 * 2. The credit records of the page's penalties (two batched reads): an approved repair ends
 *    publication at the repair's time.
 */
export async function listDisclosures(
  deps: { disclosures: DisclosuresRepository; clock: Clock },
  department: string | undefined,
  q: { limit: number; cursor?: string },
): Promise<{ items: DepartmentDisclosureView[]; nextCursor: string | null }> {
  if (!department) throw errors.forbidden('当前账号未绑定报送部门');
  const scope = `disclosures:${department}`;
  const page = await deps.disclosures.listByDepartment(department, q.limit, decodeCursor(q.cursor, startKeyCursor, scope));
  const sources = page.items.map(currentCreditSource).filter((s) => s !== null);
  const links = await deps.disclosures.creditLinks(sources.map((sourceId) => ({ department, sourceId })));
  const recordOf = (dep: string, sourceId: string) => links.get(`${dep}#${sourceId}`);
  const now = deps.clock.now();
  return {
    items: page.items.map((d) => {
      const repaired = repairedAt(d, recordOf);
      const source = currentCreditSource(d);
      const link = source ? recordOf(department, source) : undefined;
      return {
        ...decisionFieldsOf(d),
        authorityName: d.authorityName,
        ...(d.authorityUscc ? { authorityUscc: d.authorityUscc } : {}),
        status: d.status,
        receivedAt: d.firstReceivedAt,
        updatedAt: d.updatedAt,
        ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
        late: d.late,
        deadline: d.deadline,
        publicUntil: publicUntil(d, repaired),
        published: isPublicAt(d, now, repaired),
        creditRecordState: link?.state ?? 'none',
      };
    }),
    nextCursor: page.last ? encodeCursor(page.last, scope) : null,
  };
}
