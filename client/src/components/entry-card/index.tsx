import { Text, View } from '@tarojs/components';
import './index.scss';

interface EntryCardProps {
  title: string;
  description?: string;
  /** A short mark drawn in the coloured badge (one or two characters). */
  badge: string;
  tone?: 'primary' | 'accent';
  testId?: string;
  onClick: () => void;
}

/** A tappable row leading into a feature: coloured badge, title, one line of explanation, chevron. */
export default function EntryCard({ title, description, badge, tone = 'primary', testId, onClick }: EntryCardProps) {
  return (
    <View role='button' className='cx-entry' hoverClass='cx-entry--pressed' data-testid={testId} onClick={onClick}>
      <View className={`cx-entry__badge cx-entry__badge--${tone}`}>
        <Text>{badge}</Text>
      </View>
      <View className='cx-entry__body'>
        <Text className='cx-entry__title'>{title}</Text>
        {description && <Text className='cx-entry__desc'>{description}</Text>}
      </View>
      <Text className='cx-entry__chevron'>›</Text>
    </View>
  );
}
