import { AppError } from '../../../functions/shared/http/app-error';
import { TokenService } from '../../../functions/shared/auth/tokens';

const settings = { secret: 'k'.repeat(40), issuer: 'iss', audience: 'aud', ttlSeconds: 3600 };
const NOW = 1_800_000_000;

describe('session tokens', () => {
  const tokens = new TokenService(settings);

  it('round-trips the principal', async () => {
    const { token, expiresAt } = await tokens.issue({ userId: 'mer-museum', roles: ['merchant'], orgId: 'org-museum' }, NOW);
    expect(expiresAt).toBe(NOW + 3600);
    await expect(tokens.verify(token, NOW + 10)).resolves.toEqual({ userId: 'mer-museum', roles: ['merchant'], orgId: 'org-museum', sessionId: expect.any(String), sessionExpiresAt: expect.any(Number) });
  });

  it('refuses a token after its expiry with a Chinese message', async () => {
    const { token } = await tokens.issue({ userId: 'u', roles: ['resident'] }, NOW);
    const err = await tokens.verify(token, NOW + 3601).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
  });

  it('refuses every single-character change of the token', async () => {
    const { token } = await tokens.issue({ userId: 'u', roles: ['resident'] }, NOW);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    for (let i = 0; i < token.length; i += 7) {
      if (token[i] === '.') continue;
      const swapped = alphabet[(alphabet.indexOf(token[i]) + 1) % alphabet.length];
      const tampered = token.slice(0, i) + swapped + token.slice(i + 1);
      const ok = await tokens.verify(tampered, NOW).then(() => true, () => false);
      // A change in the last base64url character can land on the same bytes (unused padding bits).
      if (!ok) refused++;
      else expect(i).toBe(token.length - 1);
    }
    expect(refused).toBeGreaterThan(10);
  });
});
