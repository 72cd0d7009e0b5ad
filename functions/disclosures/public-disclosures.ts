import type { z } from 'zod';
import type { CreditRepository } from '../credit/credit.repository';
import { enterpriseSubjectKey, type CreditEvent } from '../credit/credit.types';
import { creditSourceId, isPublicAt, lastPublicDay, publicityBounds, publicUntil, type Disclosure } from './disclosures.domain';
import type { DisclosuresRepository } from './disclosures.repository';
import type { publicLicenseView, publicPenaltyView } from './disclosures.schemas';

export type PublicLicense = z.infer<typeof publicLicenseView>;
export type PublicPenalty = z.infer<typeof publicPenaltyView>;

/** When an approved credit repair of the decision's record ended its publication early. */
export function repairedAt(d: Disclosure, recordOf: (department: string, sourceId: string) => Pick<CreditEvent, 'state' | 'endedAt'> | undefined): string | undefined {
  if (d.kind !== 'penalty') return undefined;
  const e = recordOf(d.department, creditSourceId(d.sourceId, d.creditRevision));
  return e?.state === 'repaired' ? e.endedAt : undefined;
}

/**
 * What the public sees of one business's 双公示 decisions.
 * 1. Its decisions (one Query by USCC) and its credit records (one Query of its history, to know
 *    which penalty's record an approved credit repair ended early) — no scan.
 * 2. Licences that stand (not revoked); penalties only inside their publicity period — never
 *    light ones, simple-procedure decisions or warnings alone — each with when publication ends
 *    and from when the business may apply for credit repair to end it early.
 */
export async function publicDisclosuresOf(
  deps: { disclosures: DisclosuresRepository; credit: CreditRepository },
  uscc: string,
  now: Date,
): Promise<{ licenses: PublicLicense[]; penalties: PublicPenalty[] }> {
  const [decisions, events] = await Promise.all([deps.disclosures.listByParty(uscc), deps.credit.listEvents(enterpriseSubjectKey(uscc))]);
  const bySource = new Map(events.map((e) => [`${e.department}#${e.sourceId}`, e]));
  const recordOf = (department: string, sourceId: string) => bySource.get(`${department}#${sourceId}`);
  const licenses: PublicLicense[] = [];
  const penalties: PublicPenalty[] = [];
  for (const d of decisions) {
    const repaired = repairedAt(d, recordOf);
    if (!isPublicAt(d, now, repaired)) continue;
    const common = {
      decisionNo: d.decisionNo,
      partyName: d.partyName,
      uscc: d.uscc,
      category: d.category,
      content: d.content,
      legalBasis: d.legalBasis,
      decidedOn: d.decidedOn,
      authorityName: d.authorityName,
      ...(d.authorityUscc ? { authorityUscc: d.authorityUscc } : {}),
    };
    if (d.kind === 'license') {
      licenses.push({ ...common, validFrom: d.validFrom ?? d.decidedOn, validTo: d.validTo ?? d.decidedOn });
      continue;
    }
    penalties.push({
      ...common,
      severity: d.severity as 'general' | 'serious',
      ...(d.fineYuan !== undefined ? { fineYuan: d.fineYuan } : {}),
      publicUntil: publicUntil(d, repaired)!,
      lastPublicDay: lastPublicDay(publicUntil(d, repaired)!),
      repairableFrom: publicityBounds(d)!.min,
    });
  }
  return { licenses, penalties };
}
