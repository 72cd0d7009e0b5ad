import type { Notice } from './notices.domain';

/** The demo's 信用动态 (stages local and test), with fixed ids so a second seed keeps them. */
export const DEMO_NOTICES: readonly Notice[] = [
  {
    id: '20261116020000000-0000d001',
    category: 'notice',
    title: '“诚信管城”信用服务小程序上线试运行',
    body: '管城回族区公共信用服务小程序“诚信管城”上线试运行。居民可查看个人信用积分、享受信易+ 守信激励；中小微企业可在线申请信易贷；任何人都可核验信用报告、查阅联合惩戒措施清单。',
    publishedAt: '2026-11-16T02:00:00.000Z',
    updatedAt: '2026-11-16T02:00:00.000Z',
  },
  {
    id: '20261123020000000-0000d002',
    category: 'policy',
    title: '信用修复怎么办？办理流程一览',
    body: '行政处罚信息公示期满最短期限后，当事人已履行处罚决定、完成整改的，可在小程序“我的 → 异议与修复”中申请信用修复。认定部门在规定的工作日内办结，修复后相关记录不再计入信用积分。',
    publishedAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
  },
  {
    id: '20261201020000000-0000d003',
    category: 'news',
    title: '信易游新增区博物馆免费入馆场景',
    body: '信用积分达到 100 分的居民，凭小程序出示的信用凭证，可在管城回族区博物馆免预约免费入馆，每人每天 1 次。',
    publishedAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
  },
];
