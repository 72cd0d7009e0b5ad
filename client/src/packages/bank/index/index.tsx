import AreaPage from '../../../components/area-page';

export default function BankHome() {
  return (
    <AreaPage
      roles={['bank']}
      deniedName='信贷审批'
      copyFor={() => ({
        title: '信贷审批',
        purpose: '银行信贷员在这里审批企业的信易贷申请：查看企业授权的信用报告，在 10 个工作日内作出批准或拒绝的答复。',
        features: ['待审批与即将超期的申请', '查看企业授权的信用报告', '批准、拒绝（需说明理由）与放款登记', '本行信贷产品管理'],
        emptyTitle: '暂无待审批申请',
        emptyDescription: '企业提交申请后，会出现在这里等待您审批。',
      })}
    />
  );
}
