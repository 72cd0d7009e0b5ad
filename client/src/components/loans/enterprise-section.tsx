import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import EntryCard from '../entry-card';
import type { EnterpriseProfile } from '../../services/loans-api';
import { ENTERPRISE_PAGES, LOANS_TAB } from '../../services/loans-pages';
import { maskUscc } from '../../../../functions/shared/domain/identifiers';
import GradeBadge from './grade-badge';
import './enterprise-section.scss';

const open = (url: string) => () => void Taro.navigateTo({ url });

/**
 * A business user's home: the business card (name, masked code, grade A–D large with its score
 * and what drives it) or 企业认证 before registration; then 产品市场, 我的申请, 授权管理.
 */
export default function EnterpriseSection({ business }: { business: EnterpriseProfile | null }) {
  return (
    <View data-testid='enterprise-section'>
      {business ? (
        <View role='button' className='cx-card cx-ent-card' hoverClass='cx-ent-card--pressed' data-testid='business-card' onClick={open(ENTERPRISE_PAGES.business)}>
          <Text className='cx-ent-card__name' data-testid='business-name'>
            {business.name}
          </Text>
          <Text className='cx-ent-card__code' data-testid='business-code'>
            统一社会信用代码 {maskUscc(business.uscc)}
          </Text>
          <View className='cx-ent-card__grade'>
            <GradeBadge grade={business.grade} score={business.score} />
          </View>
          <View className='cx-ent-card__drivers' data-testid='business-drivers'>
            {business.drivers.map((d) => (
              <Text key={d} className='cx-ent-card__driver'>
                · {d}
              </Text>
            ))}
          </View>
          <Text className='cx-ent-card__more'>评价依据与信用记录 ›</Text>
        </View>
      ) : (
        <View className='cx-card cx-ent-register' data-testid='business-unregistered'>
          <Text className='cx-section-title'>尚未完成企业认证</Text>
          <Text className='cx-text-secondary'>
            请用营业执照上的统一社会信用代码认证企业。认证后可查看企业的公共信用综合评价，并申请信易贷。
          </Text>
          <Button className='cx-btn cx-btn--block cx-ent-register__btn' data-testid='go-register' onClick={open(ENTERPRISE_PAGES.register)}>
            企业认证
          </Button>
        </View>
      )}

      <EntryCard
        badge='贷'
        title='产品市场'
        description='各银行信易贷产品，逐项查看是否符合条件'
        testId='entry-market'
        onClick={() => void Taro.switchTab({ url: LOANS_TAB })}
      />
      <EntryCard
        badge='申'
        tone='accent'
        title='我的申请'
        description='申请进度、银行答复期限与审批记录'
        testId='entry-applications'
        onClick={open(ENTERPRISE_PAGES.applications)}
      />
      <EntryCard
        badge='权'
        title='授权管理'
        description='授权银行查询本企业信用报告，可随时撤销'
        testId='entry-authorizations'
        onClick={open(ENTERPRISE_PAGES.authorizations)}
      />
    </View>
  );
}
