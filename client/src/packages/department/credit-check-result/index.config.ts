export default definePageConfig({
  navigationBarTitleText: '核查结果',
});
