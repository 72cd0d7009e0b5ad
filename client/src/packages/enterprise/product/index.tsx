import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import RoleShell, { SectionError, useRoleMe, type RoleMe } from '../../../components/loans/role-shell';
import PageShell from '../../../components/page-shell';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh } from '../../../hooks/use-refresh';
import { useAccountVersion } from '../../../services/account';
import { getEligibility, type ProductView } from '../../../services/loans-api';
import AmountTermFacts from '../../../components/loans/product-facts';
import { criteriaLines, rateRange } from '../../../services/loans-format';
import { applyPage, ENTERPRISE_PAGES, productPage } from '../../../services/loans-pages';
import { goToLogin, useToken } from '../../../services/session';
import { loadProduct } from '../shared/product';
import './index.scss';

/** What the product is: name, bank, description, rate, amount and term ranges. */
function ProductFacts({ p }: { p: ProductView }) {
  return (
    <View className='cx-card'>
      <Text className='cx-pdetail__name' data-testid='product-name'>
        {p.name}
      </Text>
      <Text className='cx-pdetail__bank' data-testid='product-bank'>
        {p.bankName}
      </Text>
      {p.description && <Text className='cx-pdetail__desc'>{p.description}</Text>}
      <View className='cx-pdetail__facts'>
        <View className='cx-pdetail__fact cx-pdetail__fact--wide'>
          <Text className='cx-pdetail__fact-label'>年利率</Text>
          <Text className='cx-pdetail__rate' data-testid='product-rate'>
            {rateRange(p.annualRateMin, p.annualRateMax)}
          </Text>
        </View>
        <AmountTermFacts p={p} block='cx-pdetail' />
      </View>
    </View>
  );
}

/**
 * A loan product for anyone who is not a business (signed out, a resident, staff): what it is and
 * its criteria in words; 登录后申请 signed out (and back here after signing in).
 */
function PublicProduct({ id, signedIn }: { id: string; signedIn: boolean }) {
  const product = useRequest(() => loadProduct(id), [id]);
  usePullToRefresh(product.reload);
  const p = product.data;
  return (
    <PageShell
      requireAuth={false}
      loading={p === undefined && !product.error}
      error={product.error}
      onRetry={product.reload}
      empty={p === null}
      emptyTitle='该产品不存在或已下架'
      emptyDescription='请回到信易贷查看其他产品。'
      emptyAction={{ text: '返回信易贷', onClick: () => void Taro.switchTab({ url: '/pages/loans/index' }) }}
    >
      {p && (
        <View data-testid='product-page' data-product-id={p.id}>
          <ProductFacts p={p} />
          <View className='cx-card' data-testid='product-criteria'>
            <Text className='cx-section-title'>申请条件</Text>
            {criteriaLines(p.criteria).map((line) => (
              <Text key={line} className='cx-pdetail__criteria-line'>
                · {line}
              </Text>
            ))}
          </View>
          <View className='cx-pdetail__actions'>
            {signedIn ? (
              <View className='cx-pdetail__note' data-testid='product-business-only'>
                <Text>信易贷由企业申请：请使用企业账号（完成企业认证的法定代表人或企业员工）登录后申请。</Text>
              </View>
            ) : (
              <Button className='cx-btn cx-btn--block' data-testid='product-login' onClick={() => goToLogin(productPage(p.id))}>
                登录后申请
              </Button>
            )}
          </View>
        </View>
      )}
    </PageShell>
  );
}

/**
 * 信易贷 product page: a business sees its eligibility and 申请 (BusinessProduct); everyone else,
 * signed out included, the product and its criteria in words (PublicProduct).
 */
export default function ProductPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const token = useToken();
  const me = useRoleMe('enterprise');
  // Until the signed-in user is known, the business frame shows its loading state.
  const business = token !== null && (me.allowed || (me.user === undefined && me.error === undefined));
  return business ? <BusinessProduct id={id} me={me} /> : <PublicProduct id={id} signedIn={token !== null} />;
}

/**
 * A loan product for a business: what it is, its ranges, and each of its criteria checked against
 * this business (✓/✗ with the concrete detail). 申请 only when every criterion is met; otherwise
 * the button says why not.
 */
function BusinessProduct({ id, me }: { id: string; me: RoleMe }) {
  const accountVersion = useAccountVersion();
  const product = useRequest(() => loadProduct(id), [id], me.allowed);
  const eligibility = useRequest(() => getEligibility(id), [id, me.user?.orgId, accountVersion], me.allowed && product.data != null);
  usePullToRefresh(async () => {
    await product.reload();
    await eligibility.reload();
  });

  const p = product.data;
  const e = eligibility.data;
  const failed = e?.criteria.filter((c) => !c.passed) ?? [];
  const unregistered = failed.some((c) => c.code === 'REGISTERED');

  return (
    <RoleShell
      me={me}
      name='信易贷产品'
      loading={p === undefined && !product.error}
      error={product.error}
      onRetry={product.reload}
      empty={p === null}
      emptyTitle='该产品不存在或已下架'
      emptyDescription='请回到产品市场查看其他产品。'
      emptyAction={{ text: '返回产品市场', onClick: () => void Taro.navigateBack().catch(() => undefined) }}
    >
      {() =>
        p && (
          <View data-testid='product-page' data-product-id={p.id}>
            <ProductFacts p={p} />

            <View className='cx-card'>
              <Text className='cx-section-title'>申请条件（按本企业信用信息逐项检查）</Text>
              {eligibility.loading && !e && <Text className='cx-text-secondary'>正在检查…</Text>}
              {eligibility.error !== undefined && !eligibility.loading && (
                <SectionError error={eligibility.error} onRetry={eligibility.reload} testId='criteria-error' />
              )}
              {e && (
                <View data-testid='criteria'>
                  {e.criteria.map((c) => (
                    <View
                      key={c.code}
                      className={`cx-criterion cx-criterion--${c.passed ? 'ok' : 'no'}`}
                      data-testid='criterion'
                      data-code={c.code}
                      data-passed={String(c.passed)}
                    >
                      <Text className='cx-criterion__mark' aria-label={c.passed ? '符合' : '不符合'}>
                        {c.passed ? '✓' : '✗'}
                      </Text>
                      <View className='cx-criterion__body'>
                        <Text className='cx-criterion__label'>{c.label}</Text>
                        <Text className='cx-criterion__detail' data-testid='criterion-detail'>
                          {c.detail}
                        </Text>
                      </View>
                    </View>
                  ))}
                </View>
              )}
            </View>

            {e && (
              <View className='cx-pdetail__actions'>
                {e.eligible ? (
                  <Button
                    className='cx-btn cx-btn--block'
                    data-testid='product-apply'
                    onClick={() => void Taro.navigateTo({ url: applyPage(p.id) })}
                  >
                    申请
                  </Button>
                ) : unregistered ? (
                  <Button
                    className='cx-btn cx-btn--block'
                    data-testid='product-register'
                    onClick={() => void Taro.navigateTo({ url: ENTERPRISE_PAGES.register })}
                  >
                    先完成企业认证
                  </Button>
                ) : (
                  <View>
                    <Button className='cx-btn cx-btn--block' data-testid='product-apply' disabled>
                      暂不符合申请条件
                    </Button>
                    <View className='cx-pdetail__why' data-testid='product-apply-why'>
                      {failed.map((c) => (
                        <Text key={c.code} className='cx-pdetail__why-line'>
                          · {c.detail}
                        </Text>
                      ))}
                    </View>
                  </View>
                )}
              </View>
            )}
          </View>
        )
      }
    </RoleShell>
  );
}
