import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getIncentives, type IncentiveView } from '../../../services/api';
import { merchantNames, quotaText, stockText } from '../../../services/incentives';
import { incentiveEditPage } from '../../../services/rights-pages';
import { chinaDate } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import RecordList from '../shared/record-list';
import '../shared/console.scss';
import './index.scss';

function IncentiveRow({ item }: { item: IncentiveView }) {
  return (
    <View
      role='button'
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

/** 信易+ 场景: every scenario (on or off), each opening its form; 新建场景. */
export default function IncentivesAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='incentives' title={() => '信易+ 场景'} subtitle={() => '守信激励场景、门槛、名额与参与商户'}>
      {(_me, refresh) => (
        <RecordList
          load={getIncentives}
          refresh={refresh}
          testId='admin-incentives'
          create={{ text: '新建场景', testId: 'incentive-new', url: incentiveEditPage() }}
          emptyTitle='还没有信易+ 场景'
          renderItem={(i) => <IncentiveRow key={i.id} item={i} />}
        />
      )}
    </ConsoleFrame>
  );
}
