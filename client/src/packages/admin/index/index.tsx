import AreaPage, { type AreaCopy } from '../../../components/area-page';
import type { Me } from '../../../services/api';

const DEPARTMENT: AreaCopy = {
  title: '数据报送',
  purpose: '行业主管部门在这里查看已报送的信用记录，并在时限内答复居民和企业提出的异议与信用修复申请。',
  features: ['已报送的信用记录（批量报送通过接口与导入工具）', '异议处理队列及答复时限', '信用修复申请队列'],
  emptyTitle: '暂无待处理事项',
  emptyDescription: '有新的异议或修复申请时，会显示在这里。',
};

const CENTRE: AreaCopy = {
  title: '管理控制台',
  purpose: '区信用中心在这里查看全区信用服务的运行情况，维护信用规则清单、信易+ 激励场景和惩戒措施清单。',
  features: ['信用等级分布、每日核销与贷款申请统计', '超期未办事项', '信用规则、激励场景与惩戒措施清单管理'],
  emptyTitle: '暂无统计数据',
  emptyDescription: '统计与管理功能开放后，数据会显示在这里。',
};

export default function AdminHome() {
  return (
    <AreaPage
      roles={['admin', 'department']}
      deniedName='管理控制台'
      copyFor={(me: Me) => (me.roles.includes('admin') ? CENTRE : DEPARTMENT)}
    />
  );
}
