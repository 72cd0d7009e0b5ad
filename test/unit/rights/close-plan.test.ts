import { closePlan } from '../../../functions/rights/rights.domain';

describe('what answering a case does to its event', () => {
  it.each([
    ['objection', 'reject', { state: 'recorded' }, { status: 'REJECTED' }],
    ['objection', 'uphold', { state: 'recorded' }, { status: 'UPHELD', nextState: 'retracted' }],
    ['objection', 'uphold', { state: 'recorded', openRepairId: 'rp-1' }, { status: 'UPHELD', nextState: 'retracted', supersedesRepairId: 'rp-1' }],
    ['objection', 'uphold', { state: 'repaired' }, { status: 'UPHELD', nextState: 'retracted' }],
    ['objection', 'uphold', { state: 'retracted' }, { status: 'UPHELD' }],
    ['repair', 'reject', { state: 'recorded' }, { status: 'REJECTED' }],
    ['repair', 'approve', { state: 'recorded' }, { status: 'APPROVED', nextState: 'repaired' }],
    ['repair', 'approve', { state: 'retracted' }, { status: 'SUPERSEDED' }],
  ] as const)('%s %s on a %j record → %j', (kind, decision, event, plan) => {
    expect(closePlan(kind, decision, event)).toEqual(plan);
  });

  it('never turns a retracted record into anything else', () => {
    for (const kind of ['objection', 'repair'] as const) {
      for (const decision of ['uphold', 'approve', 'reject'] as const) {
        expect([undefined, 'retracted']).toContain(closePlan(kind, decision, { state: 'retracted' }).nextState);
      }
    }
  });
});
