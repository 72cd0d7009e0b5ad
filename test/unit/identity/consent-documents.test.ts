import { createHash } from 'node:crypto';
import { SENSITIVE_PI_CONSENT } from '../../../functions/identity/consent-documents';

/**
 * Each published version of a consent text, with the fingerprint of its words. Changing the words
 * without a new version would make a stored version mean a text the resident never saw: give the
 * changed text a new version and add its line here (old lines stay, as a record).
 */
const PUBLISHED: Record<string, string> = {
  '2026-12': 'a26e59e2018ba9392e861800fa51e765178929624720845e38bd7e43e137ecb4',
};

const fingerprint = (d: { title: string; text: string }) => createHash('sha256').update(`${d.title}\n${d.text}`).digest('hex');

describe('《个人敏感信息处理授权书》', () => {
  it('has exactly the words published under its version', () => {
    expect({ version: SENSITIVE_PI_CONSENT.version, fingerprint: fingerprint(SENSITIVE_PI_CONSENT) }).toEqual({
      version: SENSITIVE_PI_CONSENT.version,
      fingerprint: PUBLISHED[SENSITIVE_PI_CONSENT.version],
    });
  });

  it('tells what is processed, why, that a verification service checks it, how it is kept, and the rights', () => {
    const { text } = SENSITIVE_PI_CONSENT;
    for (const words of ['姓名和居民身份证号码', '匹配到您本人', '身份核验服务', '腾讯云', '不保存您提交的任何信息', '哈希值', '脱敏号码', '随时撤回本授权', '管城回族区社会信用体系建设中心']) {
      expect(text).toContain(words);
    }
  });

  it('is sections of a heading line and a body, separated by blank lines', () => {
    const sections = SENSITIVE_PI_CONSENT.text.split('\n\n');
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const s of sections) expect(s).toMatch(/^[一二三四五六七八九十]+、\S+\n\S/);
  });
});
