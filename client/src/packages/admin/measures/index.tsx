import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import MeasureCard from '../../../components/measure-card';
import { getMeasures } from '../../../services/rights-api';
import { measureEditPage } from '../../../services/rights-pages';
import { chinaDateTime } from '../../../services/time';
import ConsoleFrame from '../shared/console';
import RecordList from '../shared/record-list';
import '../shared/console.scss';

/** 惩戒措施: the published measures list, each opening its form; 新增措施. */
export default function MeasuresAdminPage() {
  return (
    <ConsoleFrame roles={['admin']} nav='measures' title={() => '联合惩戒措施清单'} subtitle={() => '依法依规、过惩相当、清单管理'}>
      {(_me, refresh) => (
        <RecordList
          load={getMeasures}
          refresh={refresh}
          testId='admin-measures'
          create={{ text: '新增措施', testId: 'measure-new', url: measureEditPage() }}
          intro='清单公开发布；惩戒只能采用清单内的措施，且措施的严重程度不得高于所依据记录的严重程度。点按措施可编辑。'
          emptyTitle='清单暂无措施'
          renderItem={(m) => (
            <MeasureCard
              key={m.id}
              measure={m}
              testId='admin-measure'
              lead={<Text className='cx-console-card__note'>{m.id} · 更新于 {chinaDateTime(m.updatedAt)} · 点按编辑</Text>}
              onClick={() => void Taro.navigateTo({ url: measureEditPage(m.id) })}
            />
          )}
        />
      )}
    </ConsoleFrame>
  );
}
