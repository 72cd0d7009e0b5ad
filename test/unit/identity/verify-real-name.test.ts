import { SENSITIVE_PI_CONSENT } from '../../../functions/identity/consent-documents';
import type { IdentityCheck, IdentityVerifier } from '../../../functions/identity/identity-verification';
import { StandInIdentityVerifier } from '../../../functions/identity/identity-verification';
import type { IdentityRepository } from '../../../functions/identity/identity.repository';
import { chinaDayStart, type RealNameAttempts } from '../../../functions/identity/real-name-attempts.repository';
import { REAL_NAME_FAILURES_PER_DAY, verifyRealName } from '../../../functions/identity/verify-real-name';
import type { Clock } from '../../../functions/shared/domain/clock';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { idCheckChar } from '../../../functions/shared/domain/identifiers';
import { AppError } from '../../../functions/shared/http/app-error';

const withCheck = (first17: string) => first17 + idCheckChar(first17);
const ID = withCheck('41010419900307123');

/** In-memory failure counter with the repository's semantics (one counter per China day). */
class MemoryAttempts {
  counts = new Map<number, number>();
  async reserve(_u: string, now: number, limit: number) {
    const day = chinaDayStart(now);
    const c = this.counts.get(day) ?? 0;
    if (c >= limit) return false;
    this.counts.set(day, c + 1);
    return true;
  }
  async countFailure(_u: string, now: number) {
    const day = chinaDayStart(now);
    this.counts.set(day, (this.counts.get(day) ?? 0) + 1);
  }
  async release(_u: string, now: number) {
    const day = chinaDayStart(now);
    this.counts.set(day, Math.max(0, (this.counts.get(day) ?? 0) - 1));
  }
  today(now: Date) {
    return this.counts.get(chinaDayStart(Math.floor(now.getTime() / 1000))) ?? 0;
  }
}

function setup(opts: { check?: IdentityCheck; store?: 'ok' | 'id-taken' | 'already-verified'; verified?: boolean; at?: string } = {}) {
  const steps: string[] = [];
  const clock = { at: new Date(opts.at ?? '2026-12-03T10:00:00Z'), now() { return this.at; } } satisfies Clock & { at: Date };
  const attempts = new MemoryAttempts();
  const verifier: IdentityVerifier = {
    kind: 'standin',
    verify: jest.fn(async () => {
      steps.push('verify');
      return opts.check ?? 'match';
    }),
  };
  const identities = {
    getUser: jest.fn(async () => ({ id: 'u1', name: '微信用户', roles: ['resident'], createdAt: '', ...(opts.verified ? { realNameVerifiedAt: '2026-01-01T00:00:00Z' } : {}) })),
    verifyRealName: jest.fn(async () => {
      steps.push('store');
      return opts.store ?? 'ok';
    }),
  };
  const deps = {
    identities: identities as unknown as IdentityRepository,
    identityVerifier: verifier,
    realNameAttempts: attempts as unknown as RealNameAttempts,
    clock,
    idHashPepper: 'pepper-0123456789abcdef0123456789abcdef',
  };
  const run = (input: Partial<{ name: string; idNumber: string; consentVersion: string }> = {}) =>
    verifyRealName(deps, 'u1', { name: '刘洋', idNumber: ID, consentVersion: SENSITIVE_PI_CONSENT.version, ...input });
  return { run, steps, attempts, verifier, identities, clock };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return `${e.status} ${e.code}`;
    throw e;
  }
}

describe('verifyRealName (use case)', () => {
  it('verifies through the identity service, then stores hash, mask and consent', async () => {
    const s = setup();
    await expect(s.run()).resolves.toEqual({ realNameVerified: true, maskedIdNumber: `4101**********${ID.slice(-4)}`, name: '刘洋' });
    expect(s.steps).toEqual(['verify', 'store']);
    expect(s.verifier.verify).toHaveBeenCalledWith({ name: '刘洋', idNumber: ID }, undefined);
    const [, stored, consent] = s.identities.verifyRealName.mock.calls[0] as unknown as [string, Record<string, string>, object];
    expect(JSON.stringify(stored)).not.toContain(ID);
    expect(stored.idHash).toBe(hashIdNumber(ID, 'pepper-0123456789abcdef0123456789abcdef'));
    expect(consent).toEqual({ type: 'sensitive-pi', version: SENSITIVE_PI_CONSENT.version });
    expect(s.attempts.today(s.clock.at)).toBe(0);
  });

  it('normalises a lower-case x before checking and asking', async () => {
    let xId = '';
    for (let n = 100; !xId; n++) if (idCheckChar(`41010419850611${n}`) === 'X') xId = `41010419850611${n}X`;
    const s = setup();
    await s.run({ idNumber: ` ${xId.toLowerCase()} ` });
    expect(s.verifier.verify).toHaveBeenCalledWith({ name: '刘洋', idNumber: xId }, undefined);
  });

  it.each([
    ['a stale consent version', { consentVersion: '2026-01' }, '409 CONSENT_OUTDATED', 0],
    ['a province code that does not exist', { idNumber: withCheck('99010419900307123') }, '400 INVALID_ID_NUMBER', 1],
    ['a birth date in the future', { idNumber: withCheck('41010420300101123') }, '400 INVALID_ID_NUMBER', 1],
    ['a birth date before 1900', { idNumber: withCheck('41010418990101123') }, '400 INVALID_ID_NUMBER', 1],
    ['a wrong check character', { idNumber: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') }, '400 INVALID_ID_NUMBER', 1],
  ])('refuses %s before asking anyone, counting only number problems as failures', async (_label, input, answer, failures) => {
    const s = setup();
    expect(await codeOf(s.run(input))).toBe(answer);
    expect(s.steps).toEqual([]);
    expect(s.attempts.today(s.clock.at)).toBe(failures);
  });

  it('tells which part of the number is wrong', async () => {
    const s = setup();
    await expect(s.run({ idNumber: withCheck('41010420300101123') })).rejects.toMatchObject({ message: '身份证号码中的出生日期晚于今天，请核对', details: [{ field: 'idNumber', code: 'born-in-future' }] });
    await expect(s.run({ idNumber: withCheck('24010419900101123') })).rejects.toMatchObject({ details: [{ field: 'idNumber', code: 'province' }] });
  });

  it('stores nothing and counts a failure on a mismatch (422)', async () => {
    const s = setup({ check: 'mismatch' });
    expect(await codeOf(s.run())).toBe('422 IDENTITY_MISMATCH');
    expect(s.steps).toEqual(['verify']);
    expect(s.attempts.today(s.clock.at)).toBe(1);
  });

  it('stores nothing and counts nothing when the service is unavailable (503)', async () => {
    const s = setup({ check: 'unavailable' });
    for (let i = 0; i < REAL_NAME_FAILURES_PER_DAY + 2; i++) expect(await codeOf(s.run())).toBe('503 IDENTITY_SERVICE_UNAVAILABLE');
    expect(s.identities.verifyRealName).not.toHaveBeenCalled();
    expect(s.attempts.today(s.clock.at)).toBe(0);
  });

  it('counts a number another account holds as a failure (409 ID_NUMBER_TAKEN)', async () => {
    const s = setup({ store: 'id-taken' });
    expect(await codeOf(s.run())).toBe('409 ID_NUMBER_TAKEN');
    expect(s.attempts.today(s.clock.at)).toBe(1);
  });

  it('answers an account already verified without asking the (paid) service', async () => {
    const s = setup({ verified: true });
    expect(await codeOf(s.run())).toBe('409 ALREADY_VERIFIED');
    expect(s.steps).toEqual([]);
  });

  it('after 5 failures of any kind a day, refuses even a correct attempt before asking the service (429)', async () => {
    const s = setup({ check: 'mismatch' });
    await codeOf(s.run({ idNumber: withCheck('99010419900307123') }));
    await codeOf(s.run({ idNumber: withCheck('41010420300101123') }));
    for (let i = 0; i < 3; i++) expect(await codeOf(s.run())).toBe('422 IDENTITY_MISMATCH');
    (s.verifier.verify as jest.Mock).mockClear();
    (s.verifier.verify as jest.Mock).mockResolvedValue('match');
    expect(await codeOf(s.run())).toBe('429 RATE_LIMITED');
    expect(s.verifier.verify).not.toHaveBeenCalled();
    // An invalid number is still told as such (it leaks nothing), and still counted.
    expect(await codeOf(s.run({ idNumber: withCheck('99010419900307123') }))).toBe('400 INVALID_ID_NUMBER');
  });

  it('counts per China day: the limit lifts at midnight in Beijing, not in UTC', async () => {
    const s = setup({ check: 'mismatch', at: '2026-12-03T15:30:00Z' }); // 23:30 in China
    for (let i = 0; i < REAL_NAME_FAILURES_PER_DAY; i++) await codeOf(s.run());
    expect(await codeOf(s.run())).toBe('429 RATE_LIMITED');
    s.clock.at = new Date('2026-12-03T16:00:00Z'); // 00:00 on 4 December in China
    expect(await codeOf(s.run())).toBe('422 IDENTITY_MISMATCH');
  });
});

describe('chinaDayStart', () => {
  it.each([
    ['2026-12-03T15:59:59Z', '2026-12-02T16:00:00.000Z'],
    ['2026-12-03T16:00:00Z', '2026-12-03T16:00:00.000Z'],
    ['2026-12-03T00:00:00Z', '2026-12-02T16:00:00.000Z'],
  ])('puts %s in the China day starting at %s', (at, start) => {
    expect(new Date(chinaDayStart(Date.parse(at) / 1000) * 1000).toISOString()).toBe(start);
  });
});

describe('the stand-in identity service (stages local and test)', () => {
  it.each([
    ['王不符', 'mismatch'],
    ['王超时', 'unavailable'],
    ['张伟', 'match'],
    ['欧阳娜娜', 'match'],
  ])('answers %s with %s', async (name, check) => {
    await expect(new StandInIdentityVerifier().verify({ name })).resolves.toBe(check);
  });
});
