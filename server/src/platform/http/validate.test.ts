import { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouterTestApp } from '../../test/router-app.js';
import { AppError } from '../errors.js';
import { validate } from './validate.js';

const router = Router();
router.post(
  '/items/:id',
  validate({
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
    body: z.object({ title: z.string().min(2), amountFen: z.number().int() }),
  }),
  (req, res) => {
    res.json({ params: req.params, query: req.query, body: req.body });
  },
);
router.get('/boom', () => {
  throw new Error('database password is hunter2');
});
router.get('/known', () => {
  throw new AppError('SERVICE_UNAVAILABLE', { service: 'search' });
});
const app = createRouterTestApp(router);

describe('validate middleware', () => {
  it('reports every invalid field with its path, in Chinese by default', async () => {
    const res = await request(app).post('/items/abc?page=0').send({ title: 'x', amountFen: 1.5 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['body.amountFen', 'body.title', 'params.id', 'query.page']);
    const titleIssue = res.body.error.details.issues.find((i: { path: string }) => i.path === 'body.title');
    expect(titleIssue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives English issue messages to English clients', async () => {
    const res = await request(app)
      .post('/items/1')
      .set('Accept-Language', 'en')
      .send({ title: 'x', amountFen: 1 });
    const [issue] = res.body.error.details.issues;
    expect(issue.message).toMatch(/too small/i);
  });

  it('hands handlers the parsed and coerced values', async () => {
    const res = await request(app).post('/items/7?page=3').send({ title: 'ok', amountFen: 100 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      params: { id: '7' },
      query: { page: 3 },
      body: { title: 'ok', amountFen: 100 },
    });
  });
});

describe('error handler', () => {
  it('hides an unexpected error behind 500 INTERNAL without leaking its message', async () => {
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(res.text).not.toContain('hunter2');
  });

  it('keeps the status and details of a known error', async () => {
    const res = await request(app).get('/known');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { service: 'search' } });
  });
});
