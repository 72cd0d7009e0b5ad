import { createHash } from 'node:crypto';

/**
 * Which of two writes of one entry is the later: the time the platform received it, then its
 * position in its batch, then a hash of its content. Stored with the entry, it lets a write replace
 * the entry only when it is later than what is stored (a DynamoDB condition), so however re-sends
 * of one entry interleave, the stored entry is the latest one whole — never an older one written
 * last, never a mix of two.
 */
export function revisionOf(receivedAt: string, index: number, content: object): string {
  const digest = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
  return `${receivedAt}#${String(index).padStart(4, '0')}#${digest}`;
}
