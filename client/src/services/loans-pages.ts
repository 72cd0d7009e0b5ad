/** The pages of the enterprise and bank subpackages (信易贷), for navigation from anywhere. */
export const ENTERPRISE_PAGES = {
  index: '/packages/enterprise/index/index',
  register: '/packages/enterprise/register/index',
  business: '/packages/enterprise/business/index',
  product: '/packages/enterprise/product/index',
  apply: '/packages/enterprise/apply/index',
  applications: '/packages/enterprise/applications/index',
  application: '/packages/enterprise/application/index',
  authorizations: '/packages/enterprise/authorizations/index',
} as const;

export const BANK_PAGES = {
  index: '/packages/bank/index/index',
  queue: '/packages/bank/queue/index',
  application: '/packages/bank/application/index',
  products: '/packages/bank/products/index',
  productEdit: '/packages/bank/product-edit/index',
} as const;

export const LOANS_TAB = '/pages/loans/index';

const withId = (page: string, id: string) => `${page}?id=${encodeURIComponent(id)}`;

export const productPage = (id: string) => withId(ENTERPRISE_PAGES.product, id);
export const applyPage = (productId: string) => withId(ENTERPRISE_PAGES.apply, productId);
export const enterpriseApplicationPage = (id: string) => withId(ENTERPRISE_PAGES.application, id);
export const bankApplicationPage = (id: string) => withId(BANK_PAGES.application, id);
/** The bank's queue opened on one filter (see the queue's FILTERS). */
export const bankQueuePage = (filter?: string) => (filter ? `${BANK_PAGES.queue}?filter=${encodeURIComponent(filter)}` : BANK_PAGES.queue);
/** The product form: a new product without an id. */
export const productEditPage = (id?: string) => (id ? withId(BANK_PAGES.productEdit, id) : BANK_PAGES.productEdit);
