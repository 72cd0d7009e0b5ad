import { redactRecord, redactText } from '../../../functions/credit/import/redact';

describe('what the importer writes about a rejected record', () => {
  it.each([
    ['a valid ID number', { subjectType: 'person', subjectId: '410104199003071234' }, '4101**********1234'],
    ['one with a wrong check character', { subjectType: 'person', subjectId: '410104198805123011' }, '4101**********3011'],
    ['a lower-case x', { subjectType: 'person', subjectId: '41010419900307123x' }, '4101**********123x'],
    ['a 15-digit one', { subjectType: 'person', subjectId: '410104900307123' }, '4101*******7123'],
    ['a truncated one', { subjectType: 'person', subjectId: '41010419900' }, '4101***9900'],
    ['a short fragment', { subjectType: 'person', subjectId: '4101' }, '****'],
    ['no subject type', { subjectId: '410104199003071234' }, '4101**********1234'],
    ['a number, in JSON Lines', { subjectType: 'person', subjectId: 410104900307123 }, '4101*******7123'],
  ])('masks a person’s subjectId: %s', (_name, record, masked) => {
    expect(redactRecord(record).subjectId).toBe(masked);
  });

  it('keeps a business’s USCC, the rule, the date and the source id', () => {
    const record = { sourceId: 'CF-2026-001', subjectType: 'enterprise', subjectId: '91410104MA44ABCD1X', ruleId: 'E-LAW-01', occurredAt: '2026-11-01' };
    expect(redactRecord(record)).toEqual(record);
  });

  it('masks an ID number wherever else it turns up: in a note, a source id, a nested value, the message', () => {
    const out = redactRecord({ sourceId: 'SRC-410104199003071234', subjectType: 'enterprise', subjectId: '91410104MA44ABCD1X', note: '当事人身份证410104199003071234号', extra: { ids: ['41010419900307123X'] }, n: 410104900307123 });
    expect(JSON.stringify(out)).not.toMatch(/\d{15}/);
    expect(out).toMatchObject({ sourceId: 'SRC-4101**********1234', note: '当事人身份证4101**********1234号', extra: { ids: ['4101**********123X'] }, n: '4101*******7123' });
    expect(redactText('subjectId：410104199003071234 格式不正确')).toBe('subjectId：4101**********1234 格式不正确');
  });

  it('does not touch the record it was given', () => {
    const record = { subjectType: 'person', subjectId: '410104199003071234' };
    redactRecord(record);
    expect(record.subjectId).toBe('410104199003071234');
  });
});
