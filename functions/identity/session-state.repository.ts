import { BatchGetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import type { Role } from '../shared/auth/roles';
import { CATALOGUE_NAMES, offerCatalogueVersions, versionsOf, type CatalogueVersions } from '../shared/db/catalogues';
import { keys, signedOutAttribute } from '../shared/db/keys';
import { backoff } from '../shared/db/models';

/** What confirming a session needs to know about the caller's account (see confirm-session.ts). */
export interface SessionState {
  user: {
    roles: Role[];
    orgId?: string;
    manager?: boolean;
    name?: string;
    realNameVerifiedAt?: string;
    subjectKey?: string;
    consentWithdrawnAt?: string;
  } | null;
  org: { status: 'active' | 'suspended' } | null;
  revoked: boolean;
}

/**
 * The account (with the token's sign-out marker, an attribute of it), its organisation and (unless the route reads no
 * catalogue) the catalogue versions (shared/db/catalogues.ts) in one strongly consistent BatchGetItem: a removal or sign-out written a
 * moment ago is seen by every instance, and so is a catalogue edit. The versions are offered to the
 * request before the read is sent, so its catalogue reads wait for this one instead of making their own.
 * The account's real-name state and name come with it: handlers use them instead of reading the
 * account again.
 */
export async function readSessionState(tableName: string, userId: string, orgId: string | undefined, sessionId: string, withCatalogueVersions = true): Promise<SessionState> {
  const wanted = [keys.user(userId), ...(withCatalogueVersions ? [keys.catalogueVersions()] : []), ...(orgId ? [keys.org(orgId)] : [])];
  let resolveVersions: (v: CatalogueVersions) => void = () => undefined;
  let rejectVersions: (e: unknown) => void = () => undefined;
  if (withCatalogueVersions) {
    offerCatalogueVersions(
      new Promise<CatalogueVersions>((resolve, reject) => {
        resolveVersions = resolve;
        rejectVersions = reject;
      }),
    );
  }
  const names: Record<string, string> = { '#roles': 'roles', '#name': 'name', '#so': signedOutAttribute(sessionId), ...Object.fromEntries(CATALOGUE_NAMES.map((n) => [`#c_${n}`, n])) };
  let pending: Array<Record<string, AttributeValue>> = wanted.map((k) => marshall(k));
  const found: Array<Record<string, unknown>> = [];
  try {
    for (let attempt = 0; pending.length > 0; attempt++) {
      const out = await dynamoose.aws.ddb().send(
        new BatchGetItemCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ConsistentRead: true,
              ProjectionExpression: `pk, sk, #roles, orgId, manager, orgStatus, #name, #so, realNameVerifiedAt, subjectKey, consentWithdrawnAt, ${CATALOGUE_NAMES.map((n) => `#c_${n}`).join(', ')}`,
              ExpressionAttributeNames: names,
            },
          },
        }),
      );
      for (const item of out.Responses?.[tableName] ?? []) found.push(unmarshall(item));
      pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Array<Record<string, AttributeValue>>;
      if (pending.length > 0) await backoff(attempt);
    }
  } catch (e) {
    rejectVersions(e);
    throw e;
  }
  const byKey = (k: { pk: string; sk: string }) => found.find((i) => i.pk === k.pk && i.sk === k.sk);
  resolveVersions(versionsOf(byKey(keys.catalogueVersions())));
  const user = byKey(keys.user(userId));
  const org = orgId ? byKey(keys.org(orgId)) : undefined;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    user: user
      ? {
          roles: (user.roles as Role[]) ?? [],
          ...(user.orgId ? { orgId: user.orgId as string } : {}),
          ...(user.manager ? { manager: true } : {}),
          ...(text(user.name) ? { name: text(user.name) } : {}),
          ...(text(user.realNameVerifiedAt) ? { realNameVerifiedAt: text(user.realNameVerifiedAt) } : {}),
          ...(text(user.subjectKey) ? { subjectKey: text(user.subjectKey) } : {}),
          ...(text(user.consentWithdrawnAt) ? { consentWithdrawnAt: text(user.consentWithdrawnAt) } : {}),
        }
      : null,
    org: org ? { status: org.orgStatus === 'suspended' ? 'suspended' : 'active' } : null,
    revoked: user?.[signedOutAttribute(sessionId)] !== undefined,
  };
}
