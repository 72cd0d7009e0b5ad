import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Me } from '../../services/api';
import { PUBLIC_PAGES, RIGHTS_PAGES } from '../../services/rights-pages';
import EntryCard from '../entry-card';

const open = (url: string) => () => void Taro.navigateTo({ url });

/**
 * 我的's way into the subject's rights: a verified resident's and a registered business's own
 * (异议与修复, 谁查看了我的信用, 授权管理, 信用报告, 联合惩戒), and 报告核验 for everyone.
 */
export default function RightsEntries({ user }: { user: Me }) {
  const resident = user.roles.includes('resident') && user.realNameVerified;
  const business = user.roles.includes('enterprise') && Boolean(user.orgId);
  const subject = resident || business;
  return (
    <View data-testid='rights-entries'>
      {subject && (
        <View>
          <EntryCard badge='异' title='异议与修复' description='对记录提出异议、申请信用修复（免费）及处理结果' testId='mine-cases' onClick={open(RIGHTS_PAGES.cases)} />
          <EntryCard badge='查' tone='accent' title='谁查看了我的信用' description='商户、银行、部门查看记录：谁、何时、为何' testId='mine-access-log' onClick={open(RIGHTS_PAGES.accessLog)} />
          <EntryCard
            badge='授'
            title='授权管理'
            description={resident ? '个人敏感信息处理授权：查看、撤回或重新授权' : '银行查看企业信用报告的授权'}
            testId='mine-consents'
            onClick={open(RIGHTS_PAGES.consents)}
          />
          <EntryCard badge='报' tone='accent' title='信用报告' description='带数字签名的信用报告，可复制给他人核验' testId='mine-report' onClick={open(RIGHTS_PAGES.report)} />
          <EntryCard badge='惩' title='联合惩戒' description='对我适用的惩戒措施、原因、期限和解除方式' testId='mine-measures' onClick={open(RIGHTS_PAGES.measures)} />
        </View>
      )}
      <EntryCard badge='验' tone='accent' title='报告核验' description='核验他人出示的信用报告是否真实、未被改动' testId='mine-verify' onClick={open(PUBLIC_PAGES.verify)} />
    </View>
  );
}
