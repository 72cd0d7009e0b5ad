import { Text, View } from '@tarojs/components';
import PageShell from '../../../components/page-shell';
import { COLLECTED, GUIDE_INTRO, GUIDE_SECTIONS, GUIDE_UPDATED } from './guide';
import './index.scss';

/** 《诚信管城用户隐私保护指引》: what is collected and why, who else receives it, how long it is kept, rights. Public. */
export default function PrivacyGuidePage() {
  return (
    <PageShell requireAuth={false}>
      <View data-testid='privacy-guide'>
        <View className='cx-card'>
          <Text className='cx-guide__title'>诚信管城用户隐私保护指引</Text>
          <Text className='cx-guide__date'>更新日期：{GUIDE_UPDATED}</Text>
          <Text className='cx-guide__text'>{GUIDE_INTRO}</Text>
        </View>
        <View className='cx-card'>
          <Text className='cx-section-title'>我们收集哪些信息</Text>
          {COLLECTED.map((c) => (
            <View key={c.what} className='cx-guide__item' data-testid='privacy-collected'>
              <Text className='cx-guide__what'>{c.what}</Text>
              <Text className='cx-guide__line'>何时：{c.when}</Text>
              <Text className='cx-guide__line'>用途：{c.why}</Text>
              {c.sharedWith && <Text className='cx-guide__line'>第三方：{c.sharedWith}</Text>}
              <Text className='cx-guide__line'>保存：{c.kept}</Text>
            </View>
          ))}
        </View>
        {GUIDE_SECTIONS.map((s) => (
          <View key={s.title} className='cx-card'>
            <Text className='cx-section-title'>{s.title}</Text>
            <Text className='cx-guide__text'>{s.text}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
