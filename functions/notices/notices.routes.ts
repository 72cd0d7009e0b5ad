import type { AppDeps } from '../container';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { editNotice } from './edit-notice';
import { listNotices } from './list-notices';
import { editNoticeBody, noticeIdParams, noticeInput, noticesPage, noticeView } from './notices.schemas';
import { publishNotice } from './publish-notice';
import { withdrawNotice } from './withdraw-notice';

/** 信用动态: the credit centre's notices, public to read, managed in the console. */
export function noticesRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/notices',
      summary: '信用动态（公开，最新在前）',
      tag: 'notices',
      auth: 'public',
      query: listQuery,
      response: noticesPage,
      handle: ({ query }) => listNotices(deps, query),
    }),
    route({
      method: 'post',
      path: '/api/admin/notices',
      summary: '发布信用动态（信用中心）',
      tag: 'admin',
      auth: ['admin'],
      body: noticeInput,
      status: 201,
      response: noticeView,
      handle: ({ body }) => publishNotice(deps, body),
    }),
    route({
      method: 'put',
      path: '/api/admin/notices/:id',
      summary: '修改信用动态（信用中心）',
      tag: 'admin',
      auth: ['admin'],
      params: noticeIdParams,
      body: editNoticeBody,
      response: noticeView,
      errors: ['NOT_FOUND', 'EDIT_CONFLICT'],
      handle: ({ params, body }) => editNotice(deps, params.id, body.notice, body.expectedUpdatedAt),
    }),
    route({
      method: 'delete',
      path: '/api/admin/notices/:id',
      summary: '撤下信用动态（信用中心）',
      tag: 'admin',
      auth: ['admin'],
      params: noticeIdParams,
      status: 204,
      errors: ['NOT_FOUND'],
      handle: ({ params }) => withdrawNotice(deps, params.id),
    }),
  ];
}
