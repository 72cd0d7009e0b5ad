import type { CreditEvent } from '../../functions/credit/credit.types';
import { applicableMeasures, isProportionate, restrictionReasons, type ActiveRecord, type Measure } from '../../functions/measures/measures.domain';
import { MEASURES_V1 } from '../../functions/measures/measures-v1';
import { CATALOGUE_V1, CATALOGUE_V1_RULES } from '../../functions/rules/catalogue-v1';
import { addMonths, type Severity } from '../../functions/rules/rules.domain';
import { repairRefusal } from '../../functions/rights/rights.domain';
import { canonicalJson, ReportSigner } from '../../functions/reports/report-signer';

const SEVERITIES: Severity[] = ['light', 'general', 'serious'];
const now = new Date('2026-11-27T04:00:00Z');
const record = (ruleId: string, severity: Severity, occurredAt = '2026-10-01T00:00:00.000Z', until = '2027-10-01T00:00:00.000Z'): ActiveRecord => ({ eventId: 'e1', ruleId, severity, occurredAt, until });

describe('joint punishment is proportionate and listed', () => {
  it.each(SEVERITIES.flatMap((r) => SEVERITIES.map((m) => [r, m] as const)))('a %s record against a %s measure', (recordSeverity, measureSeverity) => {
    const measure: Measure = { ...MEASURES_V1[0], severity: measureSeverity, ruleIds: ['X-TST-01'] };
    const applied = applicableMeasures([record('X-TST-01', recordSeverity)], [measure], now);
    const rank = { light: 1, general: 2, serious: 3 };
    expect(applied.length === 1).toBe(rank[recordSeverity] >= rank[measureSeverity]);
    expect(isProportionate(recordSeverity, measureSeverity)).toBe(rank[recordSeverity] >= rank[measureSeverity]);
  });

  it('never restricts anyone through a record whose rule is on no measure', () => {
    const listed = new Set(MEASURES_V1.flatMap((m) => m.ruleIds));
    for (const rule of CATALOGUE_V1_RULES.filter((r) => r.points < 0 && !listed.has(r.id))) {
      expect(applicableMeasures([record(rule.id, rule.severity!)], MEASURES_V1, now)).toEqual([]);
    }
  });

  it('lists only serious measures on the seeded list, each with basis, duration and a way out', () => {
    for (const m of MEASURES_V1) {
      expect(m.legalBasis.length).toBeGreaterThan(4);
      expect(m.howToExit.length).toBeGreaterThan(4);
      for (const id of m.ruleIds) {
        const rule = CATALOGUE_V1_RULES.find((r) => r.id === id);
        expect(rule).toBeDefined();
        expect(isProportionate(rule!.severity!, m.severity)).toBe(true);
      }
    }
  });

  it('ends a measure at its duration or when the record stops counting, whichever is first', () => {
    const court = MEASURES_V1.find((m) => m.id === 'M-COURT-01')!;
    const r = record('P-LAW-01', 'serious', '2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
    expect(applicableMeasures([r], [court], new Date('2026-05-31T00:00:00Z'))).toHaveLength(1);
    expect(applicableMeasures([r], [court], new Date('2026-06-01T00:00:00Z'))).toHaveLength(0);
    const long = record('P-LAW-01', 'serious', '2026-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z');
    expect(applicableMeasures([long], [court], now)[0].until).toBe(addMonths('2026-01-01T00:00:00.000Z', 24));
  });

  it('tells each service only about the measures that affect it', () => {
    const applied = applicableMeasures([record('P-LAW-01', 'serious')], MEASURES_V1, now);
    expect(restrictionReasons(applied, 'incentives')).toEqual(['存在未修复的严重失信记录（限制享受信易+ 守信激励，至 2027-10-01）']);
    expect(restrictionReasons(applied, 'loans')).toHaveLength(1);
  });
});

describe('credit repair timing (time travel)', () => {
  const event = (ruleId: string, occurredAt: string, over: Partial<CreditEvent> = {}): CreditEvent => {
    const rule = CATALOGUE_V1_RULES.find((r) => r.id === ruleId)!;
    return { id: 'e1', subjectKey: 'P#x', subjectType: 'person', ruleId, ruleVersion: 1, occurredAt, countsUntil: addMonths(occurredAt, rule.validityMonths), state: 'recorded', department: rule.department, sourceId: 's', receivedAt: occurredAt, severity: rule.severity, ...over };
  };
  const at = (iso: string) => new Date(iso);

  it.each([
    ['light', 'P-LAW-02', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ['general', 'P-LAW-03', '2026-01-15T00:00:00.000Z', '2026-04-15T00:00:00.000Z'],
    ['serious', 'P-LAW-04', '2025-06-10T00:00:00.000Z', '2026-06-10T00:00:00.000Z'],
  ])('a %s record may be repaired from the end of its minimum period', (_s, ruleId, occurredAt, from) => {
    const e = event(ruleId, occurredAt);
    expect(repairRefusal(e, [CATALOGUE_V1], new Date(new Date(from).getTime() - 1000))).toMatch(/最短公示期未满|^null$/);
    expect(repairRefusal(e, [CATALOGUE_V1], at(from))).toBeNull();
  });

  it('refuses positive, repaired, retracted, expired and already-applied records', () => {
    expect(repairRefusal(event('P-VIR-01', '2026-01-01T00:00:00.000Z'), [CATALOGUE_V1], now)).toBe('只有失信记录可以申请信用修复');
    expect(repairRefusal(event('P-LAW-03', '2026-01-01T00:00:00.000Z', { state: 'repaired' }), [CATALOGUE_V1], now)).toBe('该记录已修复');
    expect(repairRefusal(event('P-LAW-03', '2026-01-01T00:00:00.000Z', { state: 'retracted' }), [CATALOGUE_V1], now)).toBe('该记录已撤销');
    expect(repairRefusal(event('P-LAW-03', '2025-01-01T00:00:00.000Z'), [CATALOGUE_V1], now)).toMatch(/届满/);
    expect(repairRefusal(event('P-LAW-03', '2026-01-01T00:00:00.000Z', { openRepairId: 'rp-1' }), [CATALOGUE_V1], now)).toMatch(/正在处理/);
  });
});

describe('report signatures', () => {
  const signer = new ReportSigner(Buffer.alloc(32, 1).toString('base64url'));
  const other = new ReportSigner(Buffer.alloc(32, 2).toString('base64url'));
  const report = { keyId: signer.keyId, title: '个人信用积分报告', points: 135, records: [{ title: '无偿献血', points: 5 }] };

  it('is independent of key order but not of any value', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    const signature = signer.sign(report);
    expect(ReportSigner.verify({ records: report.records, points: 135, title: report.title, keyId: report.keyId }, signature, [signer.publicJwk])).toBe(true);
    expect(ReportSigner.verify({ ...report, points: 136 }, signature, [signer.publicJwk])).toBe(false);
    expect(ReportSigner.verify({ ...report, title: '个人信用积分報告' }, signature, [signer.publicJwk])).toBe(false);
  });

  it('refuses another key, another key id and a malformed signature', () => {
    expect(ReportSigner.verify(report, other.sign(report), [signer.publicJwk])).toBe(false);
    expect(ReportSigner.verify({ ...report, keyId: other.keyId }, signer.sign({ ...report, keyId: other.keyId }), [signer.publicJwk])).toBe(false);
    expect(ReportSigner.verify(report, 'abc', [signer.publicJwk])).toBe(false);
    expect(ReportSigner.verify('not an object', signer.sign(report), [signer.publicJwk])).toBe(false);
  });
});
