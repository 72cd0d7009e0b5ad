import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CREDIT_CHECK_PAGES, creditCheckResultPage, getCreditChecks, type CheckListItem } from '../../../services/credit-checks-api';
import type { DepartmentMe } from '../../../services/department-api';
import { chinaDateTime } from '../../../services/time';
import { PagedSection, useWorkbenchList } from '../shared/paged-section';
import { DepartmentShell, useDepartmentMe } from '../shared/workbench';
import './index.scss';

const PAGE_SIZE = 20;

function CheckItem({ item }: { item: CheckListItem }) {
  const s = item.summary;
  return (
    <View
      className='cx-dept-card cx-check-item'
      role='button'
      data-testid='check-item'
      data-id={item.id}
      onClick={() => void Taro.navigateTo({ url: creditCheckResultPage(item.id) })}
    >
      <View className='cx-check-item__head'>
        <Text className='cx-check-item__purpose' data-testid='check-item-purpose'>
          {item.purposeLabel}
        </Text>
        <Text className='cx-check-item__time'>{chinaDateTime(item.createdAt)}</Text>
      </View>
      <View className='cx-check-item__line' data-testid='check-item-summary'>
        <Text className='cx-check-item__total'>共 {s.total} 家</Text>
        <Text className='cx-dept-chip cx-dept-chip--ok'>未发现限制 {s.clear}</Text>
        {s.restricted > 0 && <Text className='cx-dept-chip cx-dept-chip--bad'>存在限制 {s.restricted}</Text>}
        {s.notFound > 0 && <Text className='cx-dept-chip cx-dept-chip--muted'>未找到 {s.notFound}</Text>}
      </View>
    </View>
  );
}

function CheckList({ user }: { user: DepartmentMe }) {
  // Back from a new check: it heads the list.
  const list = useWorkbenchList((cursor) => getCreditChecks({ limit: PAGE_SIZE, cursor }), [user.orgId], { reloadOnReturn: true });
  return (
    <PagedSection
      list={list}
      emptyTitle='还没有核查记录'
      emptyDescription='本部门发起的信用核查会按时间倒序显示在这里，可随时打开查看结论和签名报告。'
      testId='checks'
    >
      <View data-testid='checks-list'>
        <Text className='cx-checks__intro'>本部门的核查记录，最新在前；下拉可刷新。</Text>
        {list.items.map((c) => (
          <CheckItem key={c.id} item={c} />
        ))}
      </View>
    </PagedSection>
  );
}

/** 核查记录: the department's past credit checks, newest first. */
export default function CreditChecksPage() {
  const session = useDepartmentMe();
  return (
    <DepartmentShell session={session} title='核查记录'>
      {(user) => (
        <View>
          <View className='cx-checks__actions'>
            <Button className='cx-btn' data-testid='checks-new' onClick={() => void Taro.navigateTo({ url: CREDIT_CHECK_PAGES.start })}>
              发起信用核查
            </Button>
          </View>
          <CheckList user={user} />
        </View>
      )}
    </DepartmentShell>
  );
}
