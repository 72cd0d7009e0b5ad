import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AGREE_BUTTON_ID, agreePrivacy, disagreePrivacy, PRIVACY_GUIDE_PAGE, usePrivacyRequest } from '../../services/privacy';
import './index.scss';

/** What a waiting API is for, in the user's words (WeChat's `referrer` names the API or component). */
function purpose(referrer: string): string {
  if (/clipboard/i.test(referrer)) return '复制凭证码、邀请码或信用报告需要使用剪贴板。';
  if (/scan|camera/i.test(referrer)) return '扫码核验或扫描邀请二维码需要使用摄像头。';
  if (/login/i.test(referrer)) return '微信登录需要使用您的微信登录标识。';
  return '';
}

/**
 * The app's own privacy agreement sheet, shown when WeChat holds a privacy-relevant API until the
 * user agrees (services/privacy.ts). 同意 is WeChat's agreePrivacyAuthorization button; 拒绝
 * lets the held API fail, and the page says what could not be done.
 */
export default function PrivacySheet() {
  const request = usePrivacyRequest();
  if (!request) return null;
  const why = purpose(request.referrer);
  return (
    <View className='cx-privacy' data-testid='privacy-sheet' role='dialog' aria-label='用户隐私保护提示' catchMove>
      <View className='cx-privacy__panel'>
        <Text className='cx-privacy__title'>用户隐私保护提示</Text>
        <Text className='cx-privacy__text'>
          感谢您使用诚信管城。{why}在使用前，请您仔细阅读
          <Text role='button' className='cx-privacy__link' data-testid='privacy-guide-link' onClick={() => void Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })}>
            《诚信管城用户隐私保护指引》
          </Text>
          。我们只在提供服务所必需的范围内处理您的信息：微信登录标识、实名认证时的姓名和身份证号、您主动复制或粘贴时的剪贴板、扫码时的摄像头。
        </Text>
        <Text className='cx-privacy__note'>您可以拒绝，拒绝后仍可浏览首页、信易+、信易贷等公开内容，只是相应功能暂时无法使用。</Text>
        <View className='cx-privacy__actions'>
          <Button className='cx-btn cx-btn--secondary cx-privacy__btn' data-testid='privacy-disagree' onClick={disagreePrivacy}>
            拒绝
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='cx-btn cx-privacy__btn'
            data-testid='privacy-agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
