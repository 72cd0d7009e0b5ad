import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { IntroCard, StepList } from '../../components/info';
import PageShell, { EmptyState } from '../../components/page-shell';
import { getMe } from '../../services/api';
import { AREA_PAGES } from '../../services/roles';
import { useToken } from '../../services/session';
import { useRequest } from '../../hooks/use-request';
import './index.scss';

const STEPS = [
  '企业用统一社会信用代码完成认证',
  '选择银行产品，查看本企业是否符合各项准入条件',
  '授权银行在限定期限内查询企业信用报告（可随时撤销）',
  '在线提交申请，银行在 10 个工作日内答复',
];

/** 信易贷: what it is and that businesses apply; the product list comes with its own issue. */
export default function LoansPage() {
  const token = useToken();
  // Only to offer the business area to a business user; the page itself is public.
  const me = useRequest(() => getMe({ quietCodes: ['UNAUTHENTICATED'] }).then((r) => r.user), [token], token !== null);
  const isEnterprise = me.data?.roles.includes('enterprise') ?? false;

  return (
    <PageShell requireAuth={false}>
      <IntroCard
        title='信易贷 信用贷款'
        text='信易贷让守信的中小微企业凭公共信用信息获得银行贷款：企业授权后，其公共信用综合评价等信息提供给银行作为审批依据。信易贷由企业申请，个人用户可以在这里了解政策。'
      />

      <View className='cx-card'>
        <Text className='cx-section-title'>申请流程</Text>
        <StepList steps={STEPS} />
        {isEnterprise && (
          <Button
            className='cx-btn cx-btn--block cx-loans__enter'
            data-testid='loans-enterprise'
            onClick={() => Taro.navigateTo({ url: AREA_PAGES.enterprise })}
          >
            进入企业服务
          </Button>
        )}
      </View>

      <EmptyState title='贷款产品即将上线' description='合作银行发布的信易贷产品会显示在这里。' />
    </PageShell>
  );
}
