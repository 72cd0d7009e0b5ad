import AreaPage from '../../../components/area-page';

export default function MerchantHome() {
  return (
    <AreaPage
      roles={['merchant']}
      deniedName='商户核验'
      copyFor={() => ({
        title: '商户核验',
        purpose: '为参与信易+ 场景的商户核验居民出示的信用凭证，确认其是否可以享受优惠，并登记核销。',
        features: ['扫码核验信用凭证（小程序扫码，网页版可粘贴凭证码）', '确认核销并查看剩余额度', '今日核销与历史核销记录'],
        emptyTitle: '暂无核销记录',
        emptyDescription: '核验功能开放后，您的核销记录会显示在这里。',
      })}
    />
  );
}
