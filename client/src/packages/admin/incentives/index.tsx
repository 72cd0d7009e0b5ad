import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useRequest } from '../../../hooks/use-request';
import { getIncentives, type IncentiveView } from '../../../services/api';
import { merchantNames, quotaText, stockText } from '../../../services/incentives';
import { incentiveEditPage } from '../../../services/rights-pages';
import { chinaDate } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import StateBlock from '../shared/state-block';
import '../shared/console.scss';
import './index.scss';

function IncentiveRow({ item }: { item: IncentiveView }) {
  return (
    <View
      className='cx-console-card cx-incentive-row'
      hoverClass='cx-incentive-row--pressed'
      data-testid='admin-incentive'
      data-incentive-id={item.id}
      onClick={() => void Taro.navigateTo({ url: incentiveEditPage(item.id) })}
    >
      <View className='cx-incentive-row__head'>
        <Text className='cx-incentive-row__title'>{item.title}</Text>
        <Text className={`cx-incentive-row__state${item.active ? '' : ' cx-incentive-row__state--off'}`}>{item.active ? '上架' : '已下架'}</Text>
      </View>
      <Text className='cx-incentive-row__benefit'>
        {item.categoryLabel} · {item.benefit}
      </Text>
      <Text className='cx-incentive-row__meta'>
        ≥ {item.minPoints} 分 · {quotaText(item.quota)}
        {stockText(item) ? ` · ${stockText(item)}` : ''}
        {item.excludeSerious ? ' · 排除严重失信' : ''}
      </Text>
      <Text className='cx-incentive-row__meta'>
        {chinaDate(item.validFrom)} 至 {chinaDate(item.validUntil)}
      </Text>
      <Text className='cx-incentive-row__meta'>商户：{merchantNames(item) || '未分配'}</Text>
      <Text className='cx-incentive-row__edit'>编辑 ›</Text>
    </View>
  );
}

function Scenarios({ refresh }: { refresh: number }) {
  const list = useRequest(() => getIncentives(), [refresh]);
  // Back from the form: show what was saved.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  const items = list.data?.items ?? [];
  return (
    <View data-testid='admin-incentives'>
      <View className='cx-console__actions'>
        <Button className='cx-btn' data-testid='incentive-new' onClick={() => void Taro.navigateTo({ url: incentiveEditPage() })}>
          新建场景
        </Button>
      </View>
      <StateBlock
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={Boolean(list.data) && items.length === 0}
        emptyTitle='还没有信易+ 场景'
        testId='admin-incentives'
      >
        <View className='cx-console__grid'>
          {items.map((i) => (
            <IncentiveRow key={i.id} item={i} />
          ))}
        </View>
      </StateBlock>
    </View>
  );
}

/** 信易+ 场景: every scenario (on or off), each opening its form; 新建场景. */
export default function IncentivesAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='incentives' title={() => '信易+ 场景'} subtitle={() => '守信激励场景、门槛、名额与参与商户'}>
      {(_me, refresh) => <Scenarios refresh={refresh} />}
    </ConsoleFrame>
  );
}
