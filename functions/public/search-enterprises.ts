import { MIN_QUERY_CHARS, searchableName } from '../registry/name-keys';
import { registryStatusLabel, type RegistryEntry } from '../registry/registry.domain';
import type { RegistryRepository } from '../registry/registry.repository';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import { AppError, errors } from '../shared/http/app-error';
import type { SearchResponse } from './public.schemas';

export const MAX_SEARCH_RESULTS = 20;

/** Eighteen letters and digits: meant as a unified social credit code, so it is checked as one. */
const USCC_SHAPED = /^[0-9A-Z]{18}$/;

const hit = (e: RegistryEntry) => ({ uscc: e.uscc, name: e.name, status: e.status, statusLabel: registryStatusLabel(e.status) });

/**
 * Anyone looks businesses up in the enterprise registry.
 * 1. A query shaped like a USCC is one: checked (400 INVALID_USCC with the reason) and looked up
 *    exactly (one Query of the business's registry partition).
 * 2. Anything else is part of a name, at least two characters after normalisation (400
 *    otherwise): the name index answers it with Queries (registry/name-keys.ts), never a scan.
 * 3. At most 20 businesses, those whose name starts with the query first.
 */
export async function searchEnterprises(deps: { registry: RegistryRepository }, rawQuery: string): Promise<SearchResponse> {
  const q = rawQuery.normalize('NFKC').trim();
  const code = q.replace(/\s+/g, '').toUpperCase();
  if (USCC_SHAPED.test(code)) {
    const problem = usccProblem(code);
    if (problem) throw new AppError(400, 'INVALID_USCC', USCC_MESSAGES[problem], [{ field: 'q', message: USCC_MESSAGES[problem], code: 'uscc' }]);
    const { entry } = await deps.registry.get(code);
    return { items: entry ? [hit(entry)] : [], nextCursor: null };
  }
  if (Array.from(searchableName(q)).length < MIN_QUERY_CHARS) {
    const message = `请输入统一社会信用代码，或企业名称中至少 ${MIN_QUERY_CHARS} 个字`;
    throw errors.validation([{ field: 'q', message, code: 'too_short' }], message);
  }
  return { items: (await deps.registry.searchByName(q, MAX_SEARCH_RESULTS)).map(hit), nextCursor: null };
}
