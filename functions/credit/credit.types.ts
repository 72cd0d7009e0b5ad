import type { ScoredEvent } from '../points/points.engine';
import type { DimensionCode } from '../points/points.domain';
import type { ActiveRecord } from '../measures/measures.domain';
import type { Severity, SubjectType } from '../rules/rules.domain';

/** A credit event: one accepted department record, scored by one rule of one catalogue version. */
export interface CreditEvent extends ScoredEvent {
  subjectKey: string;
  subjectType: SubjectType;
  department: string;
  sourceId: string;
  severity?: Severity;
  receivedAt: string;
  /** The subject as the submitting department may see it again: a masked ID number, or the USCC. */
  subjectMasked?: string;
  note?: string;
  /** An objection about this event is waiting for the department's answer. */
  openObjectionId?: string;
  /** A credit-repair application for this event is waiting for a decision. */
  openRepairId?: string;
}

/**
 * The per-subject projection, written in the same transaction as every event of the subject.
 * Reading points is one GetItem; `nextChangeAt` tells the reader when it must recompute
 * (an event expiring), so time-based changes are correct without a scheduler.
 */
export interface SubjectProjection {
  subjectKey: string;
  /** Incremented by every write; writers race on it with a condition. */
  version: number;
  dimensions: Record<DimensionCode, number>;
  delta: number;
  activeNegatives: Record<Severity, number>;
  /** The negative records counting now (few: each counts at most 3 years); joint punishment measures are matched against them. */
  activeRecords: ActiveRecord[];
  eventCount: number;
  computedAt: string;
  nextChangeAt: string | null;
  /**
   * The events that can still change the points (projection.ts eventsThatMatter), so an ingestion
   * scores new records against these instead of reading the whole history; absent on projections
   * written before it existed or with more than MAX_PROJECTION_HISTORY of them (then it reads the events).
   */
  history?: ScoredEvent[];
}

export const personSubjectKey = (idHash: string) => `P#${idHash}`;
export const enterpriseSubjectKey = (uscc: string) => `E#${uscc}`;
