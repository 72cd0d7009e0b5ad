import type { AppDeps } from '../container';
import { errors } from '../shared/http/app-error';

/**
 * The credit centre takes a notice down (撤下): it leaves the public list at once.
 * 1. Delete it on the condition that it exists (404 otherwise).
 */
export async function withdrawNotice(deps: Pick<AppDeps, 'notices'>, id: string): Promise<void> {
  if (!(await deps.notices.remove(id))) throw errors.notFound('该公告不存在或已撤下');
}
