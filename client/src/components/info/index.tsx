import { Text, View } from '@tarojs/components';
import './index.scss';

export function IntroCard({ title, text }: { title: string; text: string }) {
  return (
    <View className='cx-card cx-intro'>
      <Text className='cx-intro__title'>{title}</Text>
      <Text className='cx-intro__text'>{text}</Text>
    </View>
  );
}

export function StepList({ steps }: { steps: readonly string[] }) {
  return (
    <View>
      {steps.map((s, i) => (
        <View key={s} className='cx-steps__row'>
          <Text className='cx-steps__num'>{i + 1}</Text>
          <Text className='cx-steps__text'>{s}</Text>
        </View>
      ))}
    </View>
  );
}
