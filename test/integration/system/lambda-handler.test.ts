import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handler } from '../../../functions/handler';
import { httpApiEvent } from '../../support/http-api-event';

const context = { awsRequestId: 'lambda-req-12345678', functionName: 'api' } as Context;

const call = async (event: APIGatewayProxyEventV2) => (await handler(event, context)) as APIGatewayProxyStructuredResultV2;

describe('the Lambda handler (serverless-http around the same Express app)', () => {
  it('answers health through an API Gateway v2 event', async () => {
    const res = await call(httpApiEvent('GET', '/api/health'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body as string)).toMatchObject({ status: 'ok', database: 'ok' });
    // Lambda's request id is the request id (API Gateway's is logged beside it).
    expect(res.headers?.['x-request-id']).toBe('lambda-req-12345678');
  });

  it('keeps Lambda’s request id when the caller sends its own x-request-id', async () => {
    const res = await call(httpApiEvent('GET', '/api/health', { headers: { 'x-request-id': 'chosen-by-caller-1' } }));
    expect(res.headers?.['x-request-id']).toBe('lambda-req-12345678');
  });

  it('signs in and reads points through the handler', async () => {
    const login = await call(httpApiEvent('POST', '/api/auth/dev-login', { body: JSON.stringify({ userId: 'res-zhang' }) }));
    expect(login.statusCode).toBe(200);
    const { token } = JSON.parse(login.body as string);
    const points = await call(httpApiEvent('GET', '/api/points/me', { headers: { authorization: `Bearer ${token}` } }));
    expect(points.statusCode).toBe(200);
    expect(JSON.parse(points.body as string).points).toBe(135);
  });

  it('handles a base64-encoded body', async () => {
    const event = httpApiEvent('POST', '/api/auth/dev-login', { body: Buffer.from('{"userId":"admin"}').toString('base64') });
    event.isBase64Encoded = true;
    const res = await call(event);
    expect(res.statusCode).toBe(200);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await call(httpApiEvent('POST', '/api/auth/dev-login', { body: '{oops' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body as string).error.code).toBe('VALIDATION_FAILED');
  });
});
