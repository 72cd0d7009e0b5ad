import { createHmac } from 'node:crypto';

/**
 * Residents are matched by a keyed hash of their ID number: without the pepper (kept in SSM) a
 * stolen table cannot be reversed by enumerating the small space of valid ID numbers.
 */
export function hashIdNumber(idNumber: string, pepper: string): string {
  return createHmac('sha256', pepper).update(`cn-id:${idNumber.toUpperCase()}`).digest('base64url');
}
