import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import EntryCard from '../../components/entry-card';
import LargeFontSetting from '../../components/large-font-setting';
import PageShell from '../../components/page-shell';
import PointsCard from '../../components/points-card';
import EnterpriseSection from '../../components/loans/enterprise-section';
import { SectionError } from '../../components/loans/role-shell';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import { useAccountVersion } from '../../services/account';
import { setIncentiveFilter } from '../../services/incentives';
import { BANK_PAGES } from '../../services/loans-pages';
import { verifyPage } from '../../services/merchant-pages';
import { RESIDENT_PAGES } from '../../services/resident-pages';
import { RIGHTS_PAGES } from '../../services/rights-pages';
import { actingRole, useActingChoice } from '../../services/acting-role';
import { AREA_PAGES, ROLE_LABELS } from '../../services/roles';
import { getNotices } from '../../services/notices-api';
import { useToken } from '../../services/session';
import { NoticesCard, QuickEntries, SignInCard, Welcome } from './home-public';
import { greeting, loadHome, type HomeData } from './load-home';
import './index.scss';

const open = (url: string) => () => Taro.navigateTo({ url });

/** 出示信用凭证: a pass belongs to one scenario, so choose among those the resident can use now. */
function showPass() {
  setIncentiveFilter({ category: 'all', usableOnly: true });
  void Taro.switchTab({ url: '/pages/incentives/index' });
}

function ResidentSection({ data }: { data: HomeData }) {
  return (
    <View>
      {data.points ? (
        <PointsCard points={data.points} onDetail={open(RESIDENT_PAGES.credit)} />
      ) : data.consentWithdrawn ? (
        <View className='cx-card cx-home__notice' data-testid='consent-withdrawn'>
          <Text className='cx-section-title'>积分已暂停</Text>
          <Text className='cx-text-secondary'>您已撤回个人敏感信息处理授权，积分暂停计算和展示。重新授权后即可恢复。</Text>
          <Button className='cx-btn cx-btn--block cx-home__verify' data-testid='go-consents' onClick={open(RIGHTS_PAGES.consents)}>
            去授权管理
          </Button>
        </View>
      ) : (
        <View className='cx-card cx-home__notice' data-testid='real-name-required'>
          <Text className='cx-section-title'>请先完成实名认证</Text>
          <Text className='cx-text-secondary'>
            完成实名认证并同意个人信息处理授权后，即可查看您的信用积分和可享受的信易+ 权益。
          </Text>
          <Button
            className='cx-btn cx-btn--block cx-home__verify'
            data-testid='go-real-name'
            onClick={open(RESIDENT_PAGES.realName)}
          >
            去实名认证
          </Button>
        </View>
      )}
      <Button
        className='cx-btn cx-btn--block cx-home__pass'
        data-testid='show-pass'
        onClick={showPass}
      >
        出示信用凭证
      </Button>
      <Text className='cx-home__hint'>选择您可享受的信易+ 场景后出示凭证，由商户扫码核验。</Text>
    </View>
  );
}

function RoleSection({ data }: { data: HomeData }) {
  const roles = data.roles;
  return (
    <View>
      {roles.includes('resident') && <ResidentSection data={data} />}
      {roles.includes('merchant') && (
        <View className='cx-card cx-home__scan'>
          <Text className='cx-section-title'>信易+ 商户核验</Text>
          <Text className='cx-text-secondary'>扫描居民出示的信用凭证，确认优惠资格并登记核销。</Text>
          <Button
            className='cx-btn cx-btn--block cx-home__scan-btn'
            data-testid='entry-scan'
            onClick={open(verifyPage(process.env.TARO_ENV === 'weapp'))}
          >
            扫码核验
          </Button>
          <Text role='button' className='cx-home__merchant-link' data-testid='entry-merchant' onClick={open(AREA_PAGES.merchant)}>
            今日核销、核销记录与参与场景 ›
          </Text>
        </View>
      )}
      {roles.includes('enterprise') && data.business !== undefined && <EnterpriseSection business={data.business} />}
      {roles.includes('bank') && (
        <View>
          <EntryCard badge='审' title='审批' description='待审批、即将超期的信易贷申请' testId='entry-bank' onClick={open(AREA_PAGES.bank)} />
          <EntryCard badge='品' tone='accent' title='产品管理' description='发布、修改和下架本行的信易贷产品' testId='entry-bank-products' onClick={open(BANK_PAGES.products)} />
        </View>
      )}
      {roles.includes('department') && (
        <EntryCard
          badge='报'
          title='数据报送'
          description='信用记录报送、异议与修复处理'
          testId='entry-department'
          onClick={open(AREA_PAGES.department)}
        />
      )}
      {roles.includes('admin') && (
        <EntryCard
          badge='管'
          title='管理控制台'
          description='运行统计、规则与场景管理'
          testId='entry-admin'
          onClick={open(AREA_PAGES.admin)}
        />
      )}
    </View>
  );
}

/** The signed-in user's part: greeting, role and organisation, and the sections of their roles. */
function Personal({ data, role }: { data: HomeData; role: ReturnType<typeof actingRole> }) {
  return (
    <View data-testid='home'>
      <View className='cx-home__hello'>
        <Text className='cx-home__greeting' data-testid='home-greeting'>
          {greeting(new Date())}，{data.me.name}
        </Text>
        <View className='cx-home__meta'>
          {role && <Text className='cx-home__role'>{ROLE_LABELS[role]}</Text>}
          {data.me.org && (
            <Text className='cx-home__org' data-testid='home-org'>
              {data.me.org.name}
            </Text>
          )}
          {data.me.org?.status === 'suspended' && (
            <Text className='cx-home__suspended' data-testid='home-org-suspended'>
              已暂停
            </Text>
          )}
        </View>
      </View>
      <RoleSection data={data} />
    </View>
  );
}

/**
 * 首页, for everyone and without forcing a sign-in: what 诚信管城 offers, quick entries, 信用动态
 * from the credit centre; signed in, the user's own part above them (a resident's points, staff
 * their role entries). Each part loads, fails and retries on its own; a pull reloads all.
 */
export default function HomePage() {
  const token = useToken();
  const accountVersion = useAccountVersion();
  const choice = useActingChoice();
  const home = useRequest(() => loadHome(choice), [token, accountVersion, choice], token !== null);
  const notices = useRequest(() => getNotices({ limit: 3 }), []);
  usePullToRefresh(async () => {
    await Promise.all([notices.reload(), token ? home.reload() : Promise.resolve()]);
  });

  const data = home.data;
  const role = data ? actingRole(data.me, choice) : null;
  const roles = token === null ? null : (data?.roles ?? []);

  return (
    <PageShell requireAuth={false}>
      {token === null ? (
        <View>
          <Welcome />
          <SignInCard />
        </View>
      ) : home.loading && !data ? (
        <View className='cx-card' data-testid='home-loading'>
          <View className='cx-skeleton cx-skeleton--title' />
          <View className='cx-skeleton' />
          <Text className='cx-text-secondary'>加载中…</Text>
        </View>
      ) : home.error !== undefined && !data ? (
        <View className='cx-card' data-testid='home-error'>
          <SectionError error={home.error} onRetry={() => void home.reload()} />
        </View>
      ) : (
        data && <Personal data={data} role={role} />
      )}
      {(token === null || data) && <QuickEntries roles={roles} />}
      <NoticesCard notices={notices} />
      {token === null && <LargeFontSetting />}
    </PageShell>
  );
}
