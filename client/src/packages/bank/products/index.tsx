import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import RoleShell, { useRoleMe } from '../../../components/loans/role-shell';
import ConfirmDialog from '../../../components/confirm-dialog';
import ProductCard from '../../../components/loans/product-card';
import { Tag } from '../../../components/loans/status-tag';
import { useRequest } from '../../../hooks/use-request';
import { usePullToRefresh, useReloadOnReturn } from '../../../hooks/use-refresh';
import { isApiError } from '../../../services/api';
import { getLoanProducts, withdrawProduct, type ProductView } from '../../../services/loans-api';
import { productEditPage } from '../../../services/loans-pages';
import { chinaDateTime } from '../../../services/time';
import './index.scss';

/** 产品管理: the bank's own products, withdrawn ones too; 新增, 编辑 and 下架 (confirmed). */
export default function ProductsPage() {
  const me = useRoleMe('bank');
  const products = useRequest(() => getLoanProducts({ mine: true }).then((r) => r.items), [me.user?.orgId], me.allowed);
  const [withdrawing, setWithdrawing] = useState<ProductView | null>(null);
  usePullToRefresh(products.reload);
  useReloadOnReturn(products.reload, me.allowed);

  const items = products.data;
  const active = items?.filter((p) => p.status === 'active') ?? [];
  const withdrawn = items?.filter((p) => p.status === 'withdrawn') ?? [];

  const withdraw = async () => {
    if (!withdrawing) return;
    try {
      await withdrawProduct(withdrawing.id, withdrawing.updatedAt);
      void Taro.showToast({ title: '已下架', icon: 'success', duration: 1500 });
    } catch (e) {
      // Changed by someone else meanwhile (the toast says so): show the current list instead.
      if (!(isApiError(e) && e.code === 'EDIT_CONFLICT')) throw e;
    }
    setWithdrawing(null);
    void products.reload();
  };

  const row = (p: ProductView) => (
    <View key={p.id} className='cx-bank-product' data-testid='bank-product' data-product-id={p.id} data-status={p.status}>
      <ProductCard product={p} mode='catalogue' />
      <View className='cx-bank-product__bar'>
        <View className='cx-bank-product__meta'>
          <Tag text={p.status === 'active' ? '在售' : '已下架'} tone={p.status === 'active' ? 'success' : 'muted'} testId='bank-product-status' />
          <Text className='cx-bank-product__updated'>更新于 {chinaDateTime(p.updatedAt)}</Text>
        </View>
        <View className='cx-bank-product__actions'>
          <Button
            className='cx-btn cx-btn--secondary cx-bank-product__btn'
            data-testid='product-edit'
            onClick={() => void Taro.navigateTo({ url: productEditPage(p.id) })}
          >
            编辑
          </Button>
          {p.status === 'active' && (
            <Button className='cx-btn cx-btn--danger cx-bank-product__btn' data-testid='product-withdraw' onClick={() => setWithdrawing(p)}>
              下架
            </Button>
          )}
        </View>
      </View>
    </View>
  );

  return (
    <RoleShell
      me={me}
      name='产品管理'
      loading={items === undefined && !products.error}
      error={products.error}
      onRetry={products.reload}
    >
      {() =>
        items && (
          <View data-testid='bank-products-page'>
            <Button className='cx-btn cx-btn--block cx-bank-products__new' data-testid='product-new' onClick={() => void Taro.navigateTo({ url: productEditPage() })}>
              发布新产品
            </Button>
            {items.length === 0 && (
              <View className='cx-card cx-bank-products__empty' data-testid='bank-products-empty'>
                <Text className='cx-section-title'>本行还没有信易贷产品</Text>
                <Text className='cx-text-secondary'>发布产品后，企业可在产品市场查看并申请。</Text>
              </View>
            )}
            {active.length > 0 && <Text className='cx-section-title'>在售（{active.length}）</Text>}
            {active.map(row)}
            {withdrawn.length > 0 && <Text className='cx-section-title'>已下架（{withdrawn.length}）</Text>}
            {withdrawn.map(row)}

            {withdrawing && (
              <ConfirmDialog
                placement='sheet'
                title={`下架「${withdrawing.name}」？`}
                confirmText='确认下架'
                tone='danger'
                testId='withdraw-product-sheet'
                onConfirm={withdraw}
                onCancel={() => setWithdrawing(null)}
              >
                下架后企业不能再申请该产品；已提交的申请不受影响，仍需按期答复。
              </ConfirmDialog>
            )}
          </View>
        )
      }
    </RoleShell>
  );
}
