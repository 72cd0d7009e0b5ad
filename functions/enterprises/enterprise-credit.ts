import type { CreditRepository } from '../credit/credit.repository';
import { enterpriseSubjectKey } from '../credit/credit.types';
import { buildProjection } from '../credit/projection';
import { applicableMeasures, type AppliedMeasure } from '../measures/measures.domain';
import type { MeasuresRepository } from '../measures/measures.repository';
import { eventViews } from '../points/event-view';
import { enterpriseGrade, evaluate, gradeInputs, type Grade } from '../points/points.engine';
import type { CreditEventView } from '../points/points.schemas';
import type { RulesRepository } from '../rules/rules.repository';
import { addMonths } from '../rules/rules.domain';
import type { Clock } from '../shared/domain/clock';
import type { Enterprise } from './enterprises.repository';

/** Administrative-penalty rules counted by the loan criterion 「近 12 个月行政处罚」. */
export const PENALTY_RULES = new Set(['E-LAW-01', 'E-LAW-02', 'E-LAW-03', 'E-LAW-08']);

export interface EnterpriseCredit {
  grade: Grade;
  score: number;
  drivers: string[];
  activeSerious: number;
  penalties12m: number;
  events: CreditEventView[];
  measures: AppliedMeasure[];
}

/**
 * A business's public credit comprehensive evaluation and the records behind it, from the same
 * pipeline as residents' points (its subject is `E#<USCC>`).
 */
export async function enterpriseCredit(deps: { credit: CreditRepository; rules: RulesRepository; measures: MeasuresRepository; clock: Clock }, e: Enterprise): Promise<EnterpriseCredit> {
  const now = deps.clock.now();
  const subjectKey = enterpriseSubjectKey(e.uscc);
  const [events, catalogue, measureList] = await Promise.all([deps.credit.listEvents(subjectKey), deps.rules.listVersions(), deps.measures.list()]);
  const measures = applicableMeasures(buildProjection(subjectKey, events, catalogue, now, 0).activeRecords, measureList, now);
  const inputs = gradeInputs(evaluate(events, catalogue, now));
  const { grade, score, drivers } = enterpriseGrade(inputs);
  const since = addMonths(now.toISOString(), -12);
  const penalties12m = events.filter((ev) => PENALTY_RULES.has(ev.ruleId) && ev.state === 'recorded' && ev.occurredAt >= since).length;
  return { grade, score, drivers, activeSerious: inputs.activeSerious, penalties12m, events: eventViews(events, catalogue, now), measures };
}
