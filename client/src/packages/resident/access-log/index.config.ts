export default definePageConfig({
  navigationBarTitleText: '谁查看了我的信用',
  enablePullDownRefresh: true,
});
