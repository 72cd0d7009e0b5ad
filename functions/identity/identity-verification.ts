import type { IdentityServiceConfig } from '../shared/config/config';
import type { Log } from '../shared/log/logger';
import { TencentFaceIdVerifier } from './tencent-faceid.client';

/**
 * 二要素核验: does this name belong to this ID number? Real-name verification asks an outside
 * identity-verification service; a checksum alone proves nothing.
 *
 * - `match`: the service confirms name and number belong together.
 * - `mismatch`: the service says they do not, or that the number has no record (both answered
 *   alike, so the endpoint cannot tell a caller whether a number exists).
 * - `unavailable`: no usable answer (service error, timeout, unexpected reply): nothing is stored
 *   and the attempt does not count against the resident.
 *
 * Implementations never log the name or the number.
 */
export type IdentityCheck = 'match' | 'mismatch' | 'unavailable';

export interface IdentityVerifier {
  readonly kind: 'standin' | 'tencent';
  verify(person: { name: string; idNumber: string }, log?: Log): Promise<IdentityCheck>;
}

/** Names the local/test stand-in answers specially (API.md); any other name matches. */
export const STANDIN_MISMATCH_NAME = '王不符';
export const STANDIN_UNAVAILABLE_NAME = '王超时';

/**
 * The stages `local` and `test` use this built-in stand-in: no outside call, deterministic
 * answers by name. Configuration refuses it in any other stage.
 */
export class StandInIdentityVerifier implements IdentityVerifier {
  readonly kind = 'standin' as const;

  async verify(person: { name: string }): Promise<IdentityCheck> {
    if (person.name === STANDIN_MISMATCH_NAME) return 'mismatch';
    if (person.name === STANDIN_UNAVAILABLE_NAME) return 'unavailable';
    return 'match';
  }
}

export function createIdentityVerifier(config: IdentityServiceConfig): IdentityVerifier {
  return config.service === 'tencent' ? new TencentFaceIdVerifier(config) : new StandInIdentityVerifier();
}
