import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { IntroCard, StepList } from '../../components/info';
import PageShell, { EmptyState } from '../../components/page-shell';
import Chips from '../../components/loans/chips';
import ProductCard from '../../components/loans/product-card';
import { useRequest } from '../../hooks/use-request';
import { usePullToRefresh } from '../../hooks/use-refresh';
import { useAccountVersion } from '../../services/account';
import { getMe, isApiError } from '../../services/api';
import { getLoanProducts } from '../../services/loans-api';
import { BANK_PAGES, ENTERPRISE_PAGES, productPage } from '../../services/loans-pages';
import { useToken } from '../../services/session';
import './index.scss';

const STEPS = [
  '企业用统一社会信用代码完成认证',
  '选择银行产品，查看本企业是否符合各项准入条件',
  '在线提交申请（提交即授权该银行在审批期间查询企业信用报告）',
  '银行在 10 个工作日内答复，进度可随时查看',
];

/** Filters: a product must cover the amount and the term chosen (0 = any). */
const AMOUNT_FILTERS = [
  { value: 0, label: '不限金额' },
  { value: 100_000, label: '10 万' },
  { value: 500_000, label: '50 万' },
  { value: 1_000_000, label: '100 万' },
  { value: 3_000_000, label: '300 万' },
] as const;

const TERM_FILTERS = [
  { value: 0, label: '不限期限' },
  { value: 6, label: '6 个月' },
  { value: 12, label: '12 个月' },
  { value: 24, label: '24 个月' },
  { value: 36, label: '36 个月' },
] as const;

/**
 * 信易贷: for a business the marketplace (its eligibility on every card, filters by amount and
 * term, each card opening the product page); for everyone else a readable catalogue with each
 * product's criteria in words and a note that businesses apply.
 */
export default function LoansPage() {
  const token = useToken();
  const accountVersion = useAccountVersion();
  const [amount, setAmount] = useState<number>(0);
  const [term, setTerm] = useState<number>(0);
  // Only to choose the business or the bank view; the page itself is public.
  const me = useRequest(() => getMe({ quietCodes: ['UNAUTHENTICATED'] }).then((r) => r.user), [token, accountVersion], token !== null);
  const products = useRequest(
    () => getLoanProducts({ amount: amount || undefined, termMonths: term || undefined }),
    [token, accountVersion, amount, term],
  );
  usePullToRefresh(async () => {
    await Promise.all([products.reload(), token ? me.reload() : Promise.resolve()]);
  });

  const roles = me.data?.roles ?? [];
  const isEnterprise = roles.includes('enterprise');
  const isBank = roles.includes('bank');
  const items = products.data?.items;
  const filtered = amount !== 0 || term !== 0;
  // Until the signed-in user is known, neither the business banner nor the public intro flashes.
  const whoPending = token !== null && me.data === undefined && me.error === undefined;

  return (
    <PageShell requireAuth={false}>
      {whoPending ? null : isEnterprise ? (
        <View className='cx-card cx-loans__banner' data-testid='loans-market-banner'>
          <Text className='cx-loans__banner-title'>信易贷产品市场</Text>
          <Text className='cx-loans__banner-text'>已按本企业的信用信息逐项检查申请条件，符合条件的产品排在前面。</Text>
          <Text
            role='button'
            className='cx-loans__banner-link'
            data-testid='loans-enterprise'
            onClick={() => void Taro.navigateTo({ url: ENTERPRISE_PAGES.index })}
          >
            企业服务：认证、我的申请、授权管理 ›
          </Text>
        </View>
      ) : (
        <View>
          <IntroCard
            title='信易贷 信用贷款'
            text='信易贷让守信的中小微企业凭公共信用信息获得银行贷款：企业授权后，其公共信用综合评价等信息提供给银行作为审批依据。'
          />
          <View className='cx-card'>
            <Text className='cx-section-title'>申请流程</Text>
            <StepList steps={STEPS} />
            <View className='cx-loans__note' data-testid='loans-note'>
              <Text>信易贷由企业申请：企业账号登录后可查看本企业是否符合各产品的条件并在线申请。个人用户可在这里了解政策和产品。</Text>
            </View>
            {isBank && (
              <Button
                className='cx-btn cx-btn--block cx-loans__enter'
                data-testid='loans-bank'
                onClick={() => void Taro.navigateTo({ url: BANK_PAGES.index })}
              >
                进入信贷审批
              </Button>
            )}
          </View>
        </View>
      )}

      <View className='cx-loans__filters' data-testid='loans-filters'>
        <Chips options={AMOUNT_FILTERS} value={amount} onChange={setAmount} testId='filter-amount' label='贷款金额' />
        <Chips options={TERM_FILTERS} value={term} onChange={setTerm} testId='filter-term' label='贷款期限' />
      </View>

      <View data-testid='loans-products'>
        {products.loading && !items && (
          <View className='cx-card' data-testid='products-loading'>
            <View className='cx-skeleton cx-skeleton--title' />
            <View className='cx-skeleton' />
            <Text className='cx-text-secondary'>加载中…</Text>
          </View>
        )}
        {products.error !== undefined && !products.loading && (
          <View className='cx-card cx-loans__error' data-testid='products-error'>
            <Text className='cx-loans__error-text'>{isApiError(products.error) ? products.error.message : '产品加载失败，请稍后重试'}</Text>
            <Button className='cx-btn cx-btn--secondary cx-loans__retry' onClick={() => void products.reload()}>
              重试
            </Button>
          </View>
        )}
        {items && items.length === 0 && !products.error && (
          <EmptyState
            testId='products-empty'
            title={filtered ? '没有符合筛选条件的产品' : '暂无贷款产品'}
            description={filtered ? '换个金额或期限试试。' : '合作银行发布的信易贷产品会显示在这里。'}
            action={
              filtered
                ? {
                    text: '清除筛选',
                    onClick: () => {
                      setAmount(0);
                      setTerm(0);
                    },
                  }
                : undefined
            }
          />
        )}
        {items &&
          !products.error &&
          items.map((p) =>
            p.eligible !== undefined ? (
              <ProductCard key={p.id} product={p} mode='eligibility' onOpen={() => void Taro.navigateTo({ url: productPage(p.id) })} />
            ) : (
              // Anyone may open a product: its page shows the criteria, and 登录后申请 when signed out.
              <ProductCard key={p.id} product={p} mode='catalogue' onOpen={() => void Taro.navigateTo({ url: productPage(p.id) })} />
            ),
          )}
      </View>
    </PageShell>
  );
}
