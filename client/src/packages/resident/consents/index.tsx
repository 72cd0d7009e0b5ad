import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import ConfirmDialog from '../../../components/confirm-dialog';
import EntryCard from '../../../components/entry-card';
import PageShell, { EmptyState } from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { accountChanged } from '../../../services/account';
import { getSensitivePiConsent, type ConsentDocument, type Me } from '../../../services/api';
import { ENTERPRISE_PAGES } from '../../../services/loans-pages';
import { RESIDENT_PAGES } from '../../../services/resident-pages';
import { getConsents, grantSensitivePiConsent, withdrawSensitivePiConsent, type ConsentView } from '../../../services/rights-api';
import { chinaDateTime } from '../../../services/time';
import { consentSections } from '../real-name/consent-text';
import { creditChanged } from '../rights/changes';
import { useMe } from '../rights/use-subject';
import '../rights/rights.scss';
import './index.scss';

const SENSITIVE_PI = 'sensitive-pi';
const open = (url: string) => () => void Taro.navigateTo({ url });

function ConsentCard({ consent, onWithdraw, onGrant }: { consent: ConsentView; onWithdraw: () => void; onGrant: () => void }) {
  return (
    <View className='cx-card' data-testid='consent-current' data-active={consent.active ? 'true' : 'false'}>
      <View className='cx-item__head'>
        <Text className='cx-item__title'>{consent.title}</Text>
        <Text className={`cx-tag cx-tag--${consent.active ? 'ok' : 'bad'}`} data-testid='consent-state'>
          {consent.active ? '授权有效' : '已撤回'}
        </Text>
      </View>
      <View className='cx-kv'>
        <Text className='cx-kv__label'>版本</Text>
        <Text className='cx-kv__value'>{consent.version}</Text>
      </View>
      <View className='cx-kv'>
        <Text className='cx-kv__label'>授权时间</Text>
        <Text className='cx-kv__value'>{chinaDateTime(consent.grantedAt)}</Text>
      </View>
      {consent.withdrawnAt && (
        <View className='cx-kv'>
          <Text className='cx-kv__label'>撤回时间</Text>
          <Text className='cx-kv__value'>{chinaDateTime(consent.withdrawnAt)}</Text>
        </View>
      )}
      <Text className='cx-consent__purpose'>
        用于核实身份、把各部门报送的信用记录匹配到您本人，并计算和展示您的信用积分及可享受的信易+ 权益。
      </Text>
      {consent.active ? (
        <Button className='cx-btn cx-btn--danger cx-btn--block cx-consent__action' data-testid='consent-withdraw' onClick={onWithdraw}>
          撤回授权
        </Button>
      ) : (
        <View>
          <Text className='cx-consent__paused' data-testid='consent-paused'>
            您的信用积分已暂停计算和展示，需要积分的信易+ 权益暂不可用。重新授权后即可恢复。
          </Text>
          <Button className='cx-btn cx-btn--block cx-consent__action' data-testid='consent-grant' onClick={onGrant}>
            重新授权
          </Button>
        </View>
      )}
    </View>
  );
}

function ResidentConsents({ verified }: { verified: boolean }) {
  const consents = useRequest(() => getConsents(), []);
  const [dialog, setDialog] = useState<'withdraw' | 'grant' | null>(null);
  // The text in force, loaded when the resident opens 重新授权: they agree to the version they read.
  const [doc, setDoc] = useState<ConsentDocument | null>(null);
  usePullToRefresh(consents.reload);

  const items = consents.data?.items.filter((c) => c.type === SENSITIVE_PI) ?? [];
  const current = items[0];

  const done = async (message: string) => {
    setDialog(null);
    await consents.reload();
    accountChanged();
    creditChanged();
    Taro.showToast({ title: message, icon: 'success' }).catch(() => undefined);
  };

  const withdraw = async () => {
    await withdrawSensitivePiConsent({ quietCodes: ['ALREADY_WITHDRAWN', 'NOT_FOUND'] });
    await done('已撤回授权');
  };

  const openGrant = async () => {
    setDoc(await getSensitivePiConsent());
    setDialog('grant');
  };

  const grant = async () => {
    if (!doc) return;
    await grantSensitivePiConsent(doc.version, { quietCodes: ['ALREADY_GRANTED', 'CONSENT_OUTDATED', 'REAL_NAME_REQUIRED'] });
    await done('已重新授权');
  };

  if (consents.loading && !consents.data) {
    return (
      <View className='cx-card' data-testid='consents-loading'>
        <View className='cx-skeleton' />
        <Text className='cx-text-secondary'>加载中…</Text>
      </View>
    );
  }
  if (consents.error) {
    return (
      <View className='cx-card' data-testid='consents-error'>
        <Text className='cx-text-secondary'>授权信息加载失败，请稍后重试。</Text>
        <Button className='cx-btn cx-btn--secondary cx-consent__action' onClick={() => void consents.reload()}>
          重试
        </Button>
      </View>
    );
  }
  if (!current && verified) {
    return (
      <EmptyState
        testId='consents-missing'
        title='未找到授权记录'
        description='您已完成实名认证，但系统中没有您的授权记录，因此暂时无法在线撤回或重新授权。如需撤回，请联系区信用中心。'
      />
    );
  }
  if (!current) {
    return (
      <EmptyState
        testId='consents-empty'
        title='尚未授权'
        description='完成实名认证并同意《个人敏感信息处理授权书》后，这里会显示您的授权。'
        action={{ text: '去实名认证', onClick: open(RESIDENT_PAGES.realName) }}
      />
    );
  }

  return (
    <View data-testid='consents'>
      <ConsentCard consent={current} onWithdraw={() => setDialog('withdraw')} onGrant={() => void openGrant()} />
      {items.length > 1 && (
        <View className='cx-card'>
          <Text className='cx-section-title'>授权记录</Text>
          {items.map((c) => (
            <View key={`${c.grantedAt}-${c.version}`} className='cx-consent__history'>
              <Text className='cx-kv__value'>
                {chinaDateTime(c.grantedAt)} 授权（{c.version}）
                {c.withdrawnAt ? `，${chinaDateTime(c.withdrawnAt)} 撤回` : '，有效'}
              </Text>
            </View>
          ))}
        </View>
      )}
      {dialog === 'withdraw' && (
        <ConfirmDialog title='确定撤回授权吗？' confirmText='确认撤回' tone='danger' onConfirm={withdraw} onCancel={() => setDialog(null)} testId='withdraw-dialog'>
          <Text className='cx-consent__line'>撤回后：</Text>
          <Text className='cx-consent__line'>· 您的信用积分将暂停计算和展示；</Text>
          <Text className='cx-consent__line'>· 需要积分的信易+ 权益暂不可用；</Text>
          <Text className='cx-consent__line'>· 各部门依法报送的信用记录不会因此删除；</Text>
          <Text className='cx-consent__line'>· 您可以随时重新授权，恢复后积分按记录重新计算。</Text>
        </ConfirmDialog>
      )}
      {dialog === 'grant' && doc && (
        <ConfirmDialog title='重新授权' confirmText='同意并授权' onConfirm={grant} onCancel={() => setDialog(null)} testId='grant-dialog'>
          <Text className='cx-consent__line'>
            请阅读《{doc.title}》（版本 {doc.version}）：
          </Text>
          {consentSections(doc.text).map((s, i) => (
            <Text key={`${i}-${s.heading}`} className='cx-consent__line cx-consent__line--small'>
              {s.heading ? `${s.heading}：` : ''}
              {s.text}
            </Text>
          ))}
        </ConfirmDialog>
      )}
    </View>
  );
}

function EnterpriseAuthorizations() {
  return (
    <View data-testid='enterprise-authorizations'>
      <Text className='cx-rights-intro'>企业的信用报告只有经您授权的银行才能查看，授权有期限，可以随时撤销。</Text>
      <EntryCard
        badge='授'
        title='银行查询授权'
        description='授权银行查看企业信用报告、查看或撤销已有授权'
        testId='consents-bank-authorizations'
        onClick={open(ENTERPRISE_PAGES.authorizations)}
      />
    </View>
  );
}

/** 授权管理: a resident's sensitive-information consent (撤回 / 重新授权); a business's bank authorisations. */
export default function ConsentsPage() {
  const me = useMe();
  usePullToRefresh(me.reload);
  const user: Me | undefined = me.data;
  const resident = user?.roles.includes('resident') ?? false;
  const enterprise = user?.roles.includes('enterprise') ?? false;

  return (
    <PageShell
      loading={me.loading && !user}
      error={me.error}
      onRetry={me.reload}
      empty={Boolean(user) && !resident && !enterprise}
      emptyTitle='暂无可管理的授权'
      emptyDescription='授权管理供居民和企业用户使用。'
    >
      {user && resident && <ResidentConsents verified={user.realNameVerified} />}
      {user && enterprise && <EnterpriseAuthorizations />}
    </PageShell>
  );
}
