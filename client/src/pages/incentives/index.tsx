import { Text, View } from '@tarojs/components';
import { IntroCard, StepList } from '../../components/info';
import PageShell, { EmptyState } from '../../components/page-shell';
import './index.scss';

const CATEGORIES = [
  { name: '信易阅', text: '图书馆免押金借阅图书' },
  { name: '信易游', text: '景区、博物馆等场馆免费或优惠入场' },
  { name: '信易行', text: '公交地铁乘车优惠，免押金骑行' },
  { name: '信易医', text: '就医先诊疗、后付费' },
  { name: '信易租', text: '充电宝、车辆等免押金租用' },
  { name: '信易购', text: '合作商户购物优惠' },
];

const STEPS = ['保持良好信用，积分达到场景要求', '在场景页点「出示凭证」，生成一次性二维码', '商户扫码核验，通过即可享受优惠'];

/** 信易+: what the programme is and how it works; the scenario list comes with its own issue. */
export default function IncentivesPage() {
  return (
    <PageShell requireAuth={false}>
      <IntroCard
        title='信易+ 守信激励'
        text='信易+ 是管城回族区对守信居民的激励措施：信用积分达到要求的居民，在参与的场馆、商户和公共服务中可以享受免押金、优惠、先享后付等便利。'
      />

      <View className='cx-card'>
        <Text className='cx-section-title'>激励场景分类</Text>
        <View className='cx-categories'>
          {CATEGORIES.map((c) => (
            <View key={c.name} className='cx-categories__item'>
              <Text className='cx-categories__name'>{c.name}</Text>
              <Text className='cx-categories__text'>{c.text}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='cx-card'>
        <Text className='cx-section-title'>如何使用</Text>
        <StepList steps={STEPS} />
      </View>

      <EmptyState title='场景即将上线' description='参与的场馆和商户名单确定后会显示在这里。' />
    </PageShell>
  );
}
