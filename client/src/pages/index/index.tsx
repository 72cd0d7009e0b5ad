import Taro, { useLoad } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import EntryCard from '../../components/entry-card';
import PageShell from '../../components/page-shell';
import PointsCard from '../../components/points-card';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import { useAccountVersion } from '../../services/account';
import { RESIDENT_PAGES } from '../../services/resident-pages';
import { AREA_PAGES, ROLE_LABELS, primaryRole } from '../../services/roles';
import { getToken, LOGIN_PAGE, useToken } from '../../services/session';
import { greeting, loadHome, type HomeData } from './load-home';
import './index.scss';

const open = (url: string) => () => Taro.navigateTo({ url });

function ResidentSection({ data }: { data: HomeData }) {
  return (
    <View>
      {data.points ? (
        <PointsCard points={data.points} onDetail={open(RESIDENT_PAGES.credit)} />
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
        onClick={() => Taro.switchTab({ url: '/pages/incentives/index' })}
      >
        出示信用凭证
      </Button>
      <Text className='cx-home__hint'>在信易+ 中选择场景后出示凭证，由商户扫码核验。</Text>
    </View>
  );
}

function RoleSection({ data }: { data: HomeData }) {
  const roles = data.me.roles;
  return (
    <View>
      {roles.includes('resident') && <ResidentSection data={data} />}
      {roles.includes('merchant') && (
        <View className='cx-card cx-home__scan'>
          <Text className='cx-section-title'>信易+ 商户核验</Text>
          <Text className='cx-text-secondary'>扫描居民出示的信用凭证，确认优惠资格并登记核销。</Text>
          <Button className='cx-btn cx-btn--block cx-home__scan-btn' data-testid='entry-scan' onClick={open(AREA_PAGES.merchant)}>
            扫码核验
          </Button>
        </View>
      )}
      {roles.includes('enterprise') && (
        <View>
          <EntryCard
            badge='认'
            title='企业认证'
            description='用统一社会信用代码认证企业'
            testId='entry-enterprise-register'
            onClick={open(AREA_PAGES.enterprise)}
          />
          <EntryCard
            badge='贷'
            tone='accent'
            title='产品市场'
            description='查看信易贷产品与准入条件'
            testId='entry-enterprise-market'
            onClick={open(AREA_PAGES.enterprise)}
          />
        </View>
      )}
      {roles.includes('bank') && (
        <EntryCard badge='审' title='审批' description='处理企业的信易贷申请' testId='entry-bank' onClick={open(AREA_PAGES.bank)} />
      )}
      {roles.includes('department') && (
        <EntryCard
          badge='报'
          title='数据报送'
          description='信用记录报送、异议与修复处理'
          testId='entry-department'
          onClick={open(AREA_PAGES.admin)}
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

export default function HomePage() {
  const token = useToken();
  const accountVersion = useAccountVersion();
  const home = useRequest(loadHome, [token, accountVersion], token !== null);
  usePullToRefresh(home.reload);

  // A first visit without a session goes straight to sign-in; later the page shows 「请先登录」.
  useLoad(() => {
    if (!getToken()) Taro.reLaunch({ url: LOGIN_PAGE });
  });

  const data = home.data;
  const role = data ? primaryRole(data.me.roles) : null;

  return (
    <PageShell loading={home.loading && !data} error={home.error} onRetry={home.reload}>
      {data && (
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
            </View>
          </View>
          <RoleSection data={data} />
        </View>
      )}
    </PageShell>
  );
}
