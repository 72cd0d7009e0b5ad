export default definePageConfig({
  navigationBarTitleText: '核验凭证',
});
