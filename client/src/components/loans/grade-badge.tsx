import { Text, View } from '@tarojs/components';
import { GRADE_LABELS } from '../../services/loans-format';
import './grade-badge.scss';

interface GradeBadgeProps {
  grade: 'A' | 'B' | 'C' | 'D';
  score: number;
  /** `large` on the business card and the report, `small` in lists. */
  size?: 'large' | 'small';
}

/** The public credit comprehensive evaluation: the letter large, its meaning and the score. */
export default function GradeBadge({ grade, score, size = 'large' }: GradeBadgeProps) {
  return (
    <View className={`cx-grade cx-grade--${size} cx-grade--${grade}`} data-testid='grade' data-grade={grade}>
      <Text className='cx-grade__letter' data-testid='grade-letter'>
        {grade}
      </Text>
      <View className='cx-grade__side'>
        <Text className='cx-grade__label'>{grade} 级 · {GRADE_LABELS[grade]}</Text>
        <Text className='cx-grade__score' data-testid='grade-score'>
          综合得分 {score}
        </Text>
      </View>
    </View>
  );
}
