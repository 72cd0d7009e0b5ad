import { Switch, Text, View } from '@tarojs/components';
import { setLargeFont, useLargeFont } from '../../services/settings';
import { labelled } from '../field-label';
import './index.scss';

/** 大字模式 on or off, for every page at once; reachable signed in or not (我的, the sign-in page, 首页). */
export default function LargeFontSetting({ testId = 'large-font-switch' }: { testId?: string }) {
  const largeFont = useLargeFont();
  return (
    <View className='cx-card cx-large-font'>
      <View className='cx-large-font__text'>
        <Text className='cx-large-font__title'>大字模式</Text>
        <Text className='cx-text-secondary'>放大所有页面的文字，看得更清楚</Text>
      </View>
      <Switch data-testid={testId} checked={largeFont} color='#1f5fbf' {...labelled('大字模式')} onChange={(e) => setLargeFont(Boolean(e.detail.value))} />
    </View>
  );
}
