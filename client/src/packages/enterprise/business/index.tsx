import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import EntryCard from '../../../components/entry-card';
import { EmptyState } from '../../../components/page-shell';
import { PUBLIC_COLUMN_PAGES } from '../../../services/commitments-api';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import { subjectEventPage } from '../../../services/rights-pages';
import CreditRecords from '../../../components/loans/credit-records';
import GradeBadge from '../../../components/loans/grade-badge';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { useAccountVersion } from '../../../services/account';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { maskUscc } from '../../../../../functions/shared/domain/identifiers';
import { loadMyEnterprise } from '../shared/enterprise';
import './index.scss';

/**
 * The business page: what the registries say about it (status, founding date, tax grade — never
 * self-declared), its grade and what drives it, penalties in 12 months, and its credit records.
 * A business the registry shows as revoked or cancelled is told so first: it cannot apply for loans.
 */
export default function BusinessPage() {
  const me = useRoleMe('enterprise');
  const accountVersion = useAccountVersion();
  const business = useRequest(loadMyEnterprise, [me.user?.id, me.user?.orgId, accountVersion], me.allowed);
  usePullToRefresh(business.reload);
  const b = business.data;

  return (
    <RoleShell
      me={me}
      name='企业信用'
      loading={b === undefined && !business.error}
      error={business.error}
      onRetry={business.reload}
      empty={b === null}
      emptyTitle='尚未完成企业认证'
      emptyDescription='完成企业认证后，这里会显示企业的公共信用综合评价和信用记录。'
      emptyAction={{ text: '去企业认证', onClick: () => void Taro.redirectTo({ url: ENTERPRISE_PAGES.register }) }}
    >
      {() =>
        b && (
          <View data-testid='business-page'>
            {b.registryStatus !== 'active' && (
              <View className='cx-card cx-business__status-alert' data-testid='business-status-alert' role='alert'>
                <Text className='cx-business__status-alert-title'>
                  {b.registryStatus ? `企业登记状态：${b.registryStatusLabel}` : '企业登记信息中暂无本企业'}
                </Text>
                <Text className='cx-business__status-alert-text'>
                  {b.registryStatus
                    ? '市场监管部门报送的登记状态不是「存续」，本企业暂不能申请信易贷。如有疑问请联系市场监管部门。'
                    : '市场监管部门尚未报送本企业的登记信息，暂不能申请信易贷。'}
                </Text>
              </View>
            )}
            <View className='cx-card'>
              <Text className='cx-business__name' data-testid='business-name'>
                {b.name}
              </Text>
              <View className='cx-business__rows'>
                <View className='cx-business__row'>
                  <Text className='cx-business__label'>统一社会信用代码</Text>
                  <Text className='cx-business__value'>{maskUscc(b.uscc)}</Text>
                </View>
                <View className='cx-business__row'>
                  <Text className='cx-business__label'>法定代表人</Text>
                  <Text className='cx-business__value'>{b.legalRepresentative}</Text>
                </View>
                <View className='cx-business__row'>
                  <Text className='cx-business__label'>登记状态</Text>
                  <Text
                    className={`cx-business__value${b.registryStatus === 'active' ? '' : ' cx-business__value--danger'}`}
                    data-testid='business-registry-status'
                    data-status={b.registryStatus ?? 'missing'}
                  >
                    {b.registryStatusLabel}
                  </Text>
                </View>
                <View className='cx-business__row'>
                  <Text className='cx-business__label'>成立日期</Text>
                  <Text className='cx-business__value' data-testid='business-established'>
                    {b.establishedOn ?? '登记信息中暂无'}
                  </Text>
                </View>
                <View className='cx-business__row'>
                  <Text className='cx-business__label'>纳税信用等级</Text>
                  <Text className='cx-business__value' data-testid='business-tax-grade'>
                    {b.taxGradeYear !== undefined ? `${b.taxCreditGrade} 级（${b.taxGradeYear} 年度）` : `${b.taxCreditGrade} 级（尚未评价）`}
                  </Text>
                </View>
              </View>
              <Text className='cx-business__source'>以上信息来自市场监管部门的企业登记信息和税务部门的纳税信用评价</Text>
            </View>

            <View className='cx-card'>
              <Text className='cx-section-title'>公共信用综合评价</Text>
              <GradeBadge grade={b.grade} score={b.score} />
              <View className='cx-business__drivers' data-testid='business-drivers'>
                <Text className='cx-business__drivers-title'>评价依据</Text>
                {b.drivers.map((d) => (
                  <Text key={d} className='cx-business__driver'>
                    · {d}
                  </Text>
                ))}
              </View>
              <View className='cx-business__penalties'>
                <Text className='cx-business__penalties-label'>近 12 个月行政处罚</Text>
                <Text className='cx-business__penalties-value' data-testid='business-penalties'>
                  {b.penalties12m} 次
                </Text>
              </View>
            </View>

            <EntryCard
              badge='诺'
              title='信用承诺'
              description='签署信用承诺；查看本企业的承诺和信用公示页'
              testId='business-entry-commitments'
              onClick={() => void Taro.navigateTo({ url: PUBLIC_COLUMN_PAGES.commitments })}
            />

            <View className='cx-card'>
              <Text className='cx-section-title'>信用记录</Text>
              {b.events.length > 0 ? (
                <CreditRecords records={b.events} onOpen={(e) => void Taro.navigateTo({ url: subjectEventPage(e.id, 'enterprise') })} />
              ) : (
                <EmptyState title='暂无信用记录' description='各部门报送的本企业信用记录会显示在这里。' testId='business-records-empty' />
              )}
            </View>
          </View>
        )
      }
    </RoleShell>
  );
}
