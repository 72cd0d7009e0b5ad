import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { defineModel, getPlainItem, isConditionalFailure, isTransactionConflict } from '../shared/db/models';
import type { TaxGrade } from '../loans/loans.domain';

export interface Enterprise {
  orgId: string;
  uscc: string;
  name: string;
  legalRepresentative: string;
  establishedOn?: string;
  taxCreditGrade: TaxGrade;
  registeredBy: string;
  registeredAt: string;
}

const EnterpriseModel = defineModel('Enterprise', {
  orgId: String,
  uscc: String,
  name: String,
  legalRepresentative: String,
  establishedOn: String,
  taxCreditGrade: String,
  registeredBy: String,
  registeredAt: String,
});
const UsccOwnerModel = defineModel('UsccOwner', { orgId: String, createdAt: String });
const OrgRefModel = defineModel('EnterpriseOrg', { orgId: String, orgType: String, name: String });
const UserRefModel = defineModel('EnterpriseUserRef', { orgId: String, roles: { type: Array, schema: [String] }, manager: Boolean, staffSince: String, staffName: String });

type Doc = Record<string, any>;
const toEnterprise = (d: Doc): Enterprise => ({
  orgId: d.orgId,
  uscc: d.uscc,
  name: d.name,
  legalRepresentative: d.legalRepresentative,
  ...(d.establishedOn ? { establishedOn: d.establishedOn } : {}),
  taxCreditGrade: d.taxCreditGrade,
  registeredBy: d.registeredBy,
  registeredAt: d.registeredAt,
});

function enterpriseItem(e: Enterprise): Doc {
  return { ...keys.enterprise(e.orgId), entity: 'Enterprise', ...e };
}

export type RegisterOutcome = 'ok' | 'uscc-taken' | 'already-registered' | 'conflict';

export class EnterprisesRepository {
  constructor(private readonly tableName: string) {}

  /** A hot read (every loan page, eligibility, application): straight through the SDK. */
  async get(orgId: string): Promise<Enterprise | null> {
    const item = await getPlainItem(this.tableName, keys.enterprise(orgId));
    return item ? toEnterprise(item) : null;
  }

  /**
   * Registers a business in one transaction: the USCC is claimed only if no business holds it,
   * the organisation and its details are created, and the registering user joins it — as its
   * manager, gaining the enterprise role (`registrant.roles` already include it) — only if they
   * belong to no organisation yet.
   */
  async register(e: Enterprise, registrant: { roles: string[]; name: string }): Promise<RegisterOutcome> {
    try {
      await dynamoose.transaction([
        UsccOwnerModel.transaction.create({ ...keys.usccOwner(e.uscc), entity: 'UsccOwner', orgId: e.orgId, createdAt: e.registeredAt }, { overwrite: false }),
        UserRefModel.transaction.update(
          keys.user(e.registeredBy),
          { orgId: e.orgId, roles: registrant.roles, manager: true, staffSince: e.registeredAt, staffName: registrant.name, gsi1pk: `ORG#${e.orgId}`, gsi1sk: `USER#${e.registeredBy}` },
          {
            condition: new dynamoose.Condition('pk').exists().and().where('orgId').not().exists(),
          },
        ),
        OrgRefModel.transaction.create({ ...keys.org(e.orgId), ...keys.orgsByTypeIndex('enterprise', e.orgId), entity: 'Org', orgId: e.orgId, orgType: 'enterprise', name: e.name }, { overwrite: false }),
        EnterpriseModel.transaction.create(enterpriseItem(e), { overwrite: false }),
      ]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const r = err.CancellationReasons ?? [];
        if (r[1]?.Code === 'ConditionalCheckFailed') return 'already-registered';
        if (r[0]?.Code === 'ConditionalCheckFailed') return 'uscc-taken';
        if (isTransactionConflict(err)) return 'conflict';
      }
      throw err;
    }
  }

  /** Seeding: the demo business, unless present. */
  async putIfAbsent(e: Enterprise): Promise<boolean> {
    try {
      await dynamoose.transaction([
        UsccOwnerModel.transaction.create({ ...keys.usccOwner(e.uscc), entity: 'UsccOwner', orgId: e.orgId, createdAt: e.registeredAt }, { overwrite: false }),
        EnterpriseModel.transaction.create(enterpriseItem(e), { overwrite: false }),
      ]);
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }
}
