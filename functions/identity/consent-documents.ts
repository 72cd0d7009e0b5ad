/**
 * The consent texts residents accept, one source for the server and the mini program: the page
 * shows the text served by `GET /api/consents/sensitive-pi` and sends back its `version`, and the
 * stored consent names that version. Any change to a text needs a new version (a unit test pins
 * each version's fingerprint), so a version always means the words the resident saw.
 */
export interface ConsentDocument {
  type: 'sensitive-pi';
  version: string;
  title: string;
  /** Sections separated by a blank line; each section's first line is its heading. */
  text: string;
}

const SENSITIVE_PI_SECTIONS: readonly (readonly [heading: string, body: string])[] = [
  ['一、处理哪些信息', '您的姓名和居民身份证号码。身份证号码属于敏感个人信息，我们仅在您单独同意后处理。'],
  [
    '二、为什么处理',
    '用于核实您的身份，把各部门依法报送的信用记录准确匹配到您本人，并据此计算和展示您的个人信用积分及可享受的信易+ 权益。不用于其他目的。',
  ],
  [
    '三、如何核验',
    '提交后，我们通过加密连接把您的姓名和身份证号码发送给身份核验服务（腾讯云人脸核身 FaceID 的身份信息核验，即“二要素核验”），仅用于比对二者是否属于同一人；核验服务只告诉我们是否一致。核验不一致或暂时无法核验时，我们不保存您提交的任何信息。为防止他人试探号码，同一账号每天核验失败不超过 5 次。',
  ],
  [
    '四、如何保存',
    '我们不保存身份证号码原文：只保存经密钥处理、无法还原的哈希值（用于匹配信用记录）和脱敏号码（如 4101**********1234，用于向您展示）。系统日志中也不会记录您的身份证号码。',
  ],
  ['五、谁能看到', '商户核验时只能看到您是否符合条件和脱敏姓名（如 张*）。任何单位查询您的信用信息都会留下记录，您可以随时查看。'],
  [
    '六、您的权利',
    '您可以随时撤回本授权。撤回后将停止计算和展示您的个人信用积分，但不影响撤回前已进行的处理。您也可以依法查阅、复制、更正您的个人信息，或对信用记录提出异议。',
  ],
  ['七、联系我们', '如有疑问、需要撤回授权或提出异议，请联系管城回族区社会信用体系建设中心（区信用中心）。'],
];

/** 《个人敏感信息处理授权书》 (PIPL arts. 29–30: separate consent for sensitive personal information). */
export const SENSITIVE_PI_CONSENT: ConsentDocument = {
  type: 'sensitive-pi',
  version: '2026-12',
  title: '个人敏感信息处理授权书',
  text: SENSITIVE_PI_SECTIONS.map(([heading, body]) => `${heading}\n${body}`).join('\n\n'),
};

export const CONSENT_TITLES: Record<string, string> = { [SENSITIVE_PI_CONSENT.type]: SENSITIVE_PI_CONSENT.title };

/** Message of the 409 CONSENT_OUTDATED answer: the resident accepted a text that is no longer current. */
export const CONSENT_OUTDATED_MESSAGE = '授权书已更新，请重新阅读并同意最新版本';
