import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import MeasureCard from '../../../components/measure-card';
import { useRequest } from '../../../hooks/use-request';
import { getMeasures } from '../../../services/rights-api';
import { measureEditPage } from '../../../services/rights-pages';
import { chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import StateBlock from '../shared/state-block';
import '../shared/console.scss';

function Measures({ refresh }: { refresh: number }) {
  const list = useRequest(() => getMeasures(), [refresh]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  const items = list.data?.items ?? [];
  return (
    <View data-testid='admin-measures'>
      <View className='cx-console__actions'>
        <Button className='cx-btn' data-testid='measure-new' onClick={() => void Taro.navigateTo({ url: measureEditPage() })}>
          新增措施
        </Button>
      </View>
      <Text className='cx-console__intro'>清单公开发布；惩戒只能采用清单内的措施，且措施的严重程度不得高于所依据记录的严重程度。点按措施可编辑。</Text>
      <StateBlock
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={Boolean(list.data) && items.length === 0}
        emptyTitle='清单暂无措施'
        testId='admin-measures'
      >
        <View className='cx-console__grid'>
          {items.map((m) => (
            <MeasureCard
              key={m.id}
              measure={m}
              testId='admin-measure'
              lead={<Text className='cx-console-card__note'>{m.id} · 更新于 {chinaDateTime(m.updatedAt)} · 点按编辑</Text>}
              onClick={() => void Taro.navigateTo({ url: measureEditPage(m.id) })}
            />
          ))}
        </View>
      </StateBlock>
    </View>
  );
}

/** 惩戒措施: the published measures list, each opening its form; 新增措施. */
export default function MeasuresAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='measures' title={() => '联合惩戒措施清单'} subtitle={() => '依法依规、过惩相当、清单管理'}>
      {(_me, refresh) => <Measures refresh={refresh} />}
    </ConsoleFrame>
  );
}
