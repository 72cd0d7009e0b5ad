/**
 * 《诚信管城用户隐私保护指引》: exactly what the mini program collects, why, who else sees it, how
 * long it is kept, and the user's rights. The mini program's privacy settings in WeChat's admin
 * console must declare the same items (用户信息 is not collected; 剪贴板 and 摄像头 are).
 */
export interface CollectedItem {
  what: string;
  when: string;
  why: string;
  /** Who besides the credit centre receives it, if anyone. */
  sharedWith?: string;
  kept: string;
}

export const GUIDE_UPDATED = '2026-12-07';

export const GUIDE_INTRO =
  '诚信管城由管城回族区社会信用体系建设工作机构（区信用中心）运营，依据《中华人民共和国个人信息保护法》《河南省社会信用条例》处理个人信息。我们只收集提供服务所必需的信息，下面列出了全部内容。';

export const COLLECTED: readonly CollectedItem[] = [
  {
    what: '微信登录标识（登录凭证 code 换取的 openid）',
    when: '您点击「微信一键登录」时',
    why: '识别您的账号、保持登录状态。我们不获取您的微信昵称、头像和手机号。',
    sharedWith: '腾讯（微信登录服务，用 code 换取 openid）',
    kept: '账号存续期间；登录凭证 8 小时后失效，退出登录后立即失效。',
  },
  {
    what: '姓名和身份证号',
    when: '您主动进行实名认证时',
    why: '核验是您本人，并把部门依法报送的信用记录关联到您，用于计算信用积分、信易+ 资格和信用报告。',
    sharedWith: '腾讯云人脸核身（FaceID）身份证二要素核验服务：核验姓名与身份证号是否一致，核验结果之外不保留',
    kept: '身份证号本身不保存：只保存其不可逆的加密摘要（用于关联信用记录）和脱敏号码（如 4101**********1234）；姓名和摘要在账号存续期间保存。',
  },
  {
    what: '剪贴板',
    when: '您点击「复制凭证码」「复制邀请码」「复制报告」时写入；在报告核验页点击「粘贴」时读取',
    why: '方便您把凭证码、邀请码或信用报告交给他人，或粘贴待核验的报告。我们不会在您未操作时读取剪贴板。',
    kept: '不保存：读取的内容只在当前页面使用。',
  },
  {
    what: '摄像头',
    when: '商户工作人员扫码核验信易+ 凭证、您扫描邀请二维码时，通过微信扫码调用',
    why: '识别二维码中的凭证或邀请码。',
    kept: '不保存图像，只使用识别出的文字。',
  },
];

export const GUIDE_SECTIONS: ReadonlyArray<{ title: string; text: string }> = [
  {
    title: '信用信息从哪里来',
    text: '您的信用记录由区内各部门依法报送（如行政处罚、法院失信被执行人名单、表彰奖励），不是从您的手机收集的。任何商户、银行或部门查看您的信用信息都会记入「谁查看了我的信用」。',
  },
  {
    title: '保存期限',
    text: '信用记录按信用规则的公示期计入积分，期满或修复后不再计入；信易+ 凭证 60 秒后失效，核销记录和查询记录在账号存续期间保存，供您随时查看。',
  },
  {
    title: '您的权利',
    text: '您可以随时查看自己的信用记录和查询记录，对记录提出异议、申请信用修复（免费），在「授权管理」中撤回个人敏感信息处理授权（撤回后积分暂停计算和展示），拒绝本指引后仍可浏览首页、信易+、信易贷、信用规则和报告核验等公开内容。',
  },
  {
    title: '联系我们',
    text: '管城回族区信用中心，工作日 9:00–17:00。对个人信息处理有疑问、投诉或需要注销账号，可到区政务服务中心信用窗口办理或咨询；对具体信用记录有异议的，可在「我的 → 异议与修复」中在线提出。',
  },
];
