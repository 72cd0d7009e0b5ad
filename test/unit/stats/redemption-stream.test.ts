import type { DynamoDBRecord } from 'aws-lambda';
import { countsByDay, isNewRedemption, redemptionRecords, REDEMPTION_STREAM_FILTER } from '../../../functions/stats/redemption-stream';

const record = (eventName: DynamoDBRecord['eventName'], entity: string, redeemedAt = '2026-12-07T08:00:00.000Z', seq = '100'): DynamoDBRecord => ({
  eventID: `e-${seq}`,
  eventName,
  dynamodb: { SequenceNumber: seq, NewImage: { entity: { S: entity }, redeemedAt: { S: redeemedAt } } },
});

describe('the redemption counter’s view of the stream', () => {
  it('takes new redemptions only: not their later changes, not other items', () => {
    expect(isNewRedemption(record('INSERT', 'Redemption'))).toBe(true);
    expect(isNewRedemption(record('MODIFY', 'Redemption'))).toBe(false);
    expect(isNewRedemption(record('REMOVE', 'Redemption'))).toBe(false);
    expect(isNewRedemption(record('INSERT', 'Pass'))).toBe(false);
    expect(isNewRedemption({ eventID: 'x', eventName: 'INSERT', dynamodb: { SequenceNumber: '1' } })).toBe(false);
  });

  it('states in Lambda’s filter pattern what isNewRedemption checks', () => {
    expect(REDEMPTION_STREAM_FILTER).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['Redemption'] } } } });
  });

  it('counts per China day (UTC+8), keeping stream order and sequence numbers beyond 2^53', () => {
    const records = [
      record('INSERT', 'Redemption', '2026-12-07T15:59:59.999Z', '900719925474099312345'),
      record('INSERT', 'Pass', '2026-12-07T16:00:00.000Z', '900719925474099312346'),
      record('INSERT', 'Redemption', '2026-12-07T16:00:00.000Z', '900719925474099312347'),
      record('INSERT', 'Redemption', '2026-12-08T01:00:00.000Z', '900719925474099312348'),
    ];
    const kept = redemptionRecords(records);
    expect(kept.map((r) => r.sequence)).toEqual([900719925474099312345n, 900719925474099312347n, 900719925474099312348n]);
    expect(Object.fromEntries(countsByDay(kept))).toEqual({ 'D2026-12-07': 1, 'D2026-12-08': 2 });
  });
});
