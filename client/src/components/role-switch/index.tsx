import { Button, Text, View } from '@tarojs/components';
import type { Role } from '../../services/api';
import { ROLE_LABELS } from '../../services/roles';
import './index.scss';

const ROLE_HINTS: Record<Role, string> = {
  resident: '信用积分、信易+ 权益、我的信用',
  merchant: '扫码核验、核销记录',
  enterprise: '企业信用、信易贷申请',
  bank: '信贷审批、产品管理',
  department: '信用数据报送、异议与修复',
  admin: '管理控制台、机构与人员',
};

interface RoleSwitchSheetProps {
  roles: readonly Role[];
  /** The role acted as now (marked 当前). */
  current: Role | null;
  onPick: (role: Role) => void;
  onClose: () => void;
}

/** 切换身份: one row per role the person holds; drawn in the page so it follows 大字模式. */
export default function RoleSwitchSheet({ roles, current, onPick, onClose }: RoleSwitchSheetProps) {
  return (
    <View className={`cx-role-sheet${process.env.TARO_ENV === 'h5' ? ' cx-role-sheet--over-tabbar' : ''}`} data-testid='role-sheet' role='dialog' aria-label='切换身份' catchMove onClick={onClose}>
      <View className='cx-role-sheet__panel' onClick={(e) => e.stopPropagation()}>
        <Text className='cx-role-sheet__title'>切换身份</Text>
        <Text className='cx-role-sheet__desc'>选择您要以哪个身份使用诚信管城，首页和「我的」将显示该身份的功能。</Text>
        {roles.map((r) => {
          const on = r === current;
          return (
            <View
              key={r}
              className={`cx-role-sheet__item${on ? ' cx-role-sheet__item--on' : ''}`}
              hoverClass='cx-role-sheet__item--pressed'
              data-testid={`role-option-${r}`}
              aria-checked={on}
              role='radio'
              onClick={() => onPick(r)}
            >
              <View className='cx-role-sheet__text'>
                <Text className='cx-role-sheet__label'>{ROLE_LABELS[r]}</Text>
                <Text className='cx-role-sheet__hint'>{ROLE_HINTS[r]}</Text>
              </View>
              {on && <Text className='cx-role-sheet__current'>当前</Text>}
            </View>
          );
        })}
        <Button className='cx-btn cx-btn--secondary cx-btn--block cx-role-sheet__cancel' data-testid='role-sheet-cancel' onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  );
}
