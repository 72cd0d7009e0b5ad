export { getMyEnterpriseOrNull as loadMyEnterprise } from '../../../services/loans-api';

/** The field messages of a `400 VALIDATION_FAILED` answer, by field name. */
export function detailsByField(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const d of details as { field?: unknown; message?: unknown }[]) {
    if (typeof d?.field === 'string' && typeof d.message === 'string' && !out[d.field]) out[d.field] = d.message;
  }
  return out;
}
