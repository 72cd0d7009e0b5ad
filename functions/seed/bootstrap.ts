import type { CommitmentsRepository } from '../commitments/commitments.repository';
import { COMMITMENT_TEMPLATES_V1 } from '../commitments/templates-v1';
import type { IdentityRepository } from '../identity/identity.repository';
import { MEASURES_V1 } from '../measures/measures-v1';
import type { MeasuresRepository } from '../measures/measures.repository';
import { INVITATION_TTL_HOURS, invitationId, invitationStatus, newInvitationCode, type Organisation, type Registry } from '../orgs/orgs.domain';
import type { OrgsRepository } from '../orgs/orgs.repository';
import { CATALOGUE_V1, DEPARTMENT_NAMES } from '../rules/catalogue-v1';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';

/** The district's credit centre: the organisation of every administrator. */
export const CENTRE_ORG_ID = 'org-centre';
export const CENTRE_DEFAULT_NAME = '管城回族区社会信用体系建设中心';
/** When the first catalogue and measures list take effect (the catalogue covers the five years before a first run in 2026). */
const BOOTSTRAP_AT = '2021-01-01T00:00:00+08:00';
/** The registries each of the catalogue's departments feeds from the start (the centre may change it). */
const REGISTRY_FEEDS: Partial<Record<string, Registry[]>> = { 'org-dept-market': ['enterprises', 'disclosures'], 'org-dept-tax': ['tax-grades'] };

export interface BootstrapDeps {
  orgs: OrgsRepository;
  identities: IdentityRepository;
  rules: RulesRepository;
  measures: MeasuresRepository;
  commitments: CommitmentsRepository;
  clock: Clock;
}

export interface BootstrapReport {
  created: string[];
  kept: number;
  /** The first administrator's invitation: printed once, only its hash is stored. */
  adminInvitation?: { code: string; expiresAt: string };
  /** An open administrator invitation from an earlier run, when no new one was issued. */
  openAdminInvitation?: { expiresAt: string };
  hasAdministrator: boolean;
}

/**
 * What every stage needs before anyone can work in it, put only where absent (a second run changes
 * nothing and says so):
 * 1. the rule catalogue (version 1, in force from 2021-01-01, so records of the past five years can
 *    be taken in), the joint-punishment measures list and the credit commitment templates;
 * 2. the credit centre and the departments the catalogue names (the centre invites their staff and
 *    may create more);
 * 3. while the centre has no administrator and no open administrator invitation — or when asked —
 *    one administrator invitation, whose code is returned once.
 */
export async function bootstrapStage(
  deps: BootstrapDeps,
  opts: { invitationPepper: string; centreName?: string; centreUscc?: string; adminInvitation: 'when-needed' | 'new' | 'never' },
): Promise<BootstrapReport> {
  const report: BootstrapReport = { created: [], kept: 0, hasAdministrator: false };
  const note = (created: boolean, what: string) => (created ? report.created.push(what) : report.kept++);
  const at = deps.clock.now().toISOString();

  note(await deps.rules.publish(CATALOGUE_V1), `rule catalogue version ${CATALOGUE_V1.version} (${CATALOGUE_V1.rules.length} rules)`);
  for (const m of MEASURES_V1) note(await deps.measures.save(m, BOOTSTRAP_AT, null), `measure ${m.id}`);
  for (const t of COMMITMENT_TEMPLATES_V1) note(await deps.commitments.saveTemplate(t, null), `commitment template ${t.id}`);

  const org = (id: string, type: Organisation['type'], name: string, uscc?: string): Organisation => ({
    id,
    type,
    name,
    ...(uscc ? { uscc } : {}),
    status: 'active',
    ...(type === 'department' ? { feeds: { rules: [], registries: REGISTRY_FEEDS[id] ?? [] } } : {}),
    createdAt: at,
    updatedAt: at,
  });
  note(await deps.orgs.createIfAbsent(org(CENTRE_ORG_ID, 'centre', opts.centreName ?? CENTRE_DEFAULT_NAME, opts.centreUscc)), `organisation ${CENTRE_ORG_ID}`);
  for (const [id, name] of Object.entries(DEPARTMENT_NAMES)) note(await deps.orgs.createIfAbsent(org(id, 'department', name)), `department ${id}`);

  report.hasAdministrator = (await deps.orgs.listStaff(CENTRE_ORG_ID, 1)).items.length > 0;
  const open = (await deps.orgs.listInvitations(CENTRE_ORG_ID, 100)).items.find((i) => i.role === 'admin' && invitationStatus(i, deps.clock.now()) === 'open');
  if (opts.adminInvitation === 'new' || (opts.adminInvitation === 'when-needed' && !report.hasAdministrator && !open)) {
    const code = newInvitationCode();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000).toISOString();
    const created = await deps.orgs.createInvitation({
      id: invitationId(code, opts.invitationPepper),
      orgId: CENTRE_ORG_ID,
      role: 'admin',
      name: '首位管理员',
      manager: true,
      createdAt: now.toISOString(),
      createdBy: 'bootstrap',
      expiresAt,
      state: 'open',
    });
    if (!created) throw new Error('could not store the administrator invitation');
    report.adminInvitation = { code, expiresAt };
    report.created.push('administrator invitation');
  } else if (open) {
    report.openAdminInvitation = { expiresAt: open.expiresAt };
  }
  return report;
}
