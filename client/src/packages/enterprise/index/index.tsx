import AreaPage from '../../../components/area-page';

export default function EnterpriseHome() {
  return (
    <AreaPage
      roles={['enterprise']}
      deniedName='企业服务'
      copyFor={() => ({
        title: '企业服务',
        purpose: '企业完成认证后，可在信易贷产品市场查看自己是否符合各银行产品的条件，授权银行查询信用报告并在线申请。',
        features: ['企业认证（统一社会信用代码）', '信易贷产品市场与准入条件自查', '我的贷款申请与进度', '授权管理：授权或撤销银行查询'],
        emptyTitle: '暂无贷款申请',
        emptyDescription: '提交信易贷申请后，申请进度会显示在这里。',
      })}
    />
  );
}
