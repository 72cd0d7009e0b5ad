import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import EntryCard from '../../components/entry-card';
import LargeFontSetting from '../../components/large-font-setting';
import PageShell from '../../components/page-shell';
import RightsEntries from '../../components/rights-entries';
import RoleSwitchSheet from '../../components/role-switch';
import { useAccountVersion } from '../../services/account';
import { actingRole, setActingRole, useActingChoice, visibleRoles } from '../../services/acting-role';
import { getMe, type Role } from '../../services/api';
import { BANK_PAGES, ENTERPRISE_PAGES } from '../../services/loans-pages';
import { MERCHANT_PAGES } from '../../services/merchant-pages';
import { ORG_PAGES } from '../../services/org-pages';
import type { StaffMe } from '../../services/orgs-api';
import { RESIDENT_PAGES } from '../../services/resident-pages';
import { ROLE_LABELS } from '../../services/roles';
import { signOutEverywhere } from '../../services/sign-out';
import { goToLogin, HOME_PAGE, useToken } from '../../services/session';
import { PRIVACY_GUIDE_PAGE } from '../../services/privacy';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import './index.scss';

const open = (url: string) => () => void Taro.navigateTo({ url });

const STAFF_ROLES: readonly Role[] = ['merchant', 'bank', 'department', 'admin'];

function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await signOutEverywhere();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className='cx-btn cx-btn--danger cx-btn--block' data-testid='logout' disabled={busy ? true : undefined} onClick={leave}>
      {busy ? '正在退出…' : '退出登录'}
    </Button>
  );
}

export default function MinePage() {
  const token = useToken();
  const accountVersion = useAccountVersion();
  const choice = useActingChoice();
  const [switching, setSwitching] = useState(false);
  const me = useRequest(() => getMe().then((r) => r.user as StaffMe), [token, accountVersion], token !== null);
  usePullToRefresh(me.reload);
  const user = me.data;
  const shown = user ? visibleRoles(user, choice) : [];
  const acting = user ? actingRole(user, choice) : null;
  const several = (user?.roles.length ?? 0) > 1;
  const resident = shown.includes('resident');
  const mustVerify = resident && user?.realNameVerified === false;
  const staff = user?.roles.some((r) => STAFF_ROLES.includes(r)) ?? false;
  // 员工管理 for the manager of a merchant or a bank (the centre manages every organisation's staff in its console).
  const managesStaff = Boolean(user?.manager && user.orgId && shown.some((r) => r === 'merchant' || r === 'bank'));

  const pickRole = (role: Role) => {
    if (!user) return;
    setSwitching(false);
    setActingRole(user.id, role);
    Taro.showToast({ title: `已切换为${ROLE_LABELS[role]}身份`, icon: 'none' }).catch(() => undefined);
    void Taro.switchTab({ url: HOME_PAGE });
  };

  return (
    // Signed out, 我的 still offers sign-in, 大字模式 and the public rules and privacy guidelines.
    <PageShell requireAuth={token !== null} loading={me.loading && !user} error={me.error} onRetry={me.reload}>
      {token === null && (
        <View data-testid='mine-signed-out'>
          <View className='cx-card'>
            <Text className='cx-section-title'>登录诚信管城</Text>
            <Text className='cx-text-secondary'>登录后查看我的信用、核销记录、授权管理和查询记录。</Text>
            <Button className='cx-btn cx-btn--block cx-mine__login' data-testid='mine-login' onClick={() => goToLogin()}>
              微信登录
            </Button>
          </View>
          <EntryCard badge='规' tone='accent' title='信用规则' description='每类记录加减多少分、计分多久、依据哪条法规' testId='mine-rules-public' onClick={open(RESIDENT_PAGES.rules)} />
          <EntryCard badge='私' title='用户隐私保护指引' description='我们收集哪些信息、用于什么、保存多久' testId='mine-privacy' onClick={open(PRIVACY_GUIDE_PAGE)} />
        </View>
      )}
      {user && (
        <View data-testid='mine'>
          <View className='cx-card cx-mine__profile'>
            <View className='cx-mine__avatar'>
              <Text>{user.name.slice(0, 1)}</Text>
            </View>
            <View className='cx-mine__who'>
              <Text className='cx-mine__name' data-testid='mine-name'>
                {user.name}
              </Text>
              <Text className='cx-mine__roles'>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
              {several && acting && (
                <Text className='cx-mine__acting' data-testid='mine-acting-role'>
                  当前身份：{ROLE_LABELS[acting]}
                </Text>
              )}
            </View>
          </View>

          {several && (
            <EntryCard
              badge='换'
              tone='accent'
              title='切换身份'
              description={`您有 ${user.roles.length} 个身份，当前为${acting ? ROLE_LABELS[acting] : ''}`}
              testId='mine-switch-role'
              onClick={() => setSwitching(true)}
            />
          )}

          <View className='cx-card'>
            <View
              role={mustVerify ? 'button' : undefined}
              className='cx-mine__row'
              hoverClass={mustVerify ? 'cx-mine__row--pressed' : 'none'}
              data-testid='mine-real-name-row'
              onClick={mustVerify ? open(RESIDENT_PAGES.realName) : undefined}
            >
              <Text className='cx-mine__label'>实名认证</Text>
              <Text
                className={`cx-mine__value ${user.realNameVerified ? 'cx-mine__value--ok' : 'cx-mine__value--warn'}`}
                data-testid='mine-real-name'
              >
                {user.realNameVerified ? '已认证' : mustVerify ? '未认证，去认证 ›' : '未认证'}
              </Text>
            </View>
            {user.maskedIdNumber && (
              <View className='cx-mine__row'>
                <Text className='cx-mine__label'>身份证号</Text>
                <Text className='cx-mine__value'>{user.maskedIdNumber}</Text>
              </View>
            )}
            {user.org && (
              <View className='cx-mine__row'>
                <Text className='cx-mine__label'>所属单位</Text>
                <View className='cx-mine__value'>
                  <Text data-testid='mine-org'>{user.org.name}</Text>
                  {user.manager && <Text className='cx-mine__tag'>管理员</Text>}
                  {user.org.status === 'suspended' && (
                    <Text className='cx-mine__tag cx-mine__tag--danger' data-testid='mine-org-suspended'>
                      已暂停
                    </Text>
                  )}
                </View>
              </View>
            )}
          </View>

          {resident && user.realNameVerified && (
            <EntryCard
              badge='信'
              title='我的信用'
              description='积分构成、近 12 个月走势和信用记录'
              testId='mine-credit'
              onClick={open(RESIDENT_PAGES.credit)}
            />
          )}
          {resident && (
            <EntryCard
              badge='销'
              title='核销记录'
              description='在哪里、什么时候使用了信易+ 权益'
              testId='mine-redemptions'
              onClick={open(RESIDENT_PAGES.redemptions)}
            />
          )}
          {shown.includes('enterprise') && (
            <View>
              <EntryCard
                badge='企'
                title='企业信用'
                description='公共信用综合评价、近 12 个月处罚与信用记录'
                testId='mine-business'
                onClick={open(ENTERPRISE_PAGES.business)}
              />
              <EntryCard badge='申' tone='accent' title='我的申请' description='信易贷申请进度' testId='mine-applications' onClick={open(ENTERPRISE_PAGES.applications)} />
            </View>
          )}
          {shown.includes('bank') && (
            <View>
              <EntryCard badge='审' title='信贷审批' description='待审批与即将超期的申请' testId='mine-bank' onClick={open(BANK_PAGES.index)} />
              <EntryCard badge='品' tone='accent' title='产品管理' description='本行的信易贷产品' testId='mine-bank-products' onClick={open(BANK_PAGES.products)} />
            </View>
          )}
          {shown.includes('merchant') && (
            <View>
              <EntryCard
                badge='验'
                title='商户核验'
                description='今日核销、参与的信易+ 场景'
                testId='mine-merchant'
                onClick={open(MERCHANT_PAGES.index)}
              />
              <EntryCard
                badge='销'
                tone='accent'
                title='核销记录'
                description='本单位的核销记录，可按日期筛选'
                testId='mine-merchant-history'
                onClick={open(MERCHANT_PAGES.history)}
              />
            </View>
          )}
          {managesStaff && (
            <EntryCard
              badge='员'
              title='员工管理'
              description='邀请员工（邀请码 / 二维码）、查看和移除本单位人员'
              testId='mine-staff'
              onClick={open(ORG_PAGES.staff)}
            />
          )}
          {!staff && (
            <EntryCard
              badge='加'
              tone='accent'
              title='加入机构（输入邀请码）'
              description='商户、银行或部门的工作人员，凭单位发放的邀请码加入'
              testId='mine-join-org'
              onClick={open(ORG_PAGES.join)}
            />
          )}
          <EntryCard
            badge='规'
            tone='accent'
            title='信用规则'
            description='每类记录加减多少分、计分多久、依据哪条法规'
            testId='mine-rules'
            onClick={open(RESIDENT_PAGES.rules)}
          />
          <RightsEntries user={user} />
        </View>
      )}
      <LargeFontSetting />
      {token && <SignOutButton />}
      {switching && user && <RoleSwitchSheet roles={user.roles} current={acting} onPick={pickRole} onClose={() => setSwitching(false)} />}
    </PageShell>
  );
}
