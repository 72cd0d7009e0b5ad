import { countingRecords, reportExpired } from '../../functions/reports/report-records';

const NOW = new Date('2026-11-27T04:00:00.000Z');

describe('what a credit report lists', () => {
  const view = (status: string, occurredAt: string, countsUntil: string) => ({ status: status as 'active', occurredAt, countsUntil });

  it.each([
    ['an active record', view('active', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z'), true],
    ['a disputed record that still counts', view('disputed', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z'), true],
    ['an expired record', view('expired', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'), false],
    ['a disputed record past its period', view('disputed', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'), false],
    ['a record ending at this very moment', view('active', '2026-01-01T00:00:00Z', NOW.toISOString()), false],
    ['a repaired record', view('repaired', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z'), false],
    ['a record dated after the report', view('active', '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z'), false],
  ])('%s: listed %s', (_name, v, listed) => {
    expect(countingRecords([v], NOW)).toEqual(listed ? [v] : []);
  });
});

describe('a report’s validity', () => {
  it.each([
    ['before validUntil', { validUntil: '2026-11-27T04:00:00.001Z' }, false],
    ['at validUntil', { validUntil: NOW.toISOString() }, true],
    ['after validUntil', { validUntil: '2026-11-01T00:00:00Z' }, true],
    ['without validUntil', {}, true],
    ['with an unreadable validUntil', { validUntil: 'soon' }, true],
  ])('%s: expired %s', (_name, report, expired) => {
    expect(reportExpired(report, NOW)).toBe(expired);
  });
});
