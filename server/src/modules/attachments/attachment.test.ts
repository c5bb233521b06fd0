import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import { buildContractInput } from '../../test/contract-factories.js';
import { buildAchievementInput } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let researcher: TestAccount;
let staff: TestAccount;

beforeAll(async () => {
  researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function upload(account: TestAccount, content: Buffer, filename: string) {
  return account.client.agent
    .post('/api/attachments')
    .set('X-CSRF-Token', account.client.csrfToken ?? '')
    .attach('file', content, filename);
}

describe('POST /api/attachments', () => {
  it('stores a PDF and serves it back to its uploader with a safe download header', async () => {
    const res = await upload(researcher, PDF, '成果说明书.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      filename: '成果说明书.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const download = await researcher.client.get(`/api/attachments/${res.body.id}`).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a file whose extension lies about its content', async () => {
    const res = await upload(researcher, PNG, 'report.pdf');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const exe = await upload(researcher, Buffer.from('MZ\x90\x00 this is a program'), 'manual.pdf');
    expect(exe.status).toBe(415);
  });

  it('refuses a file over 10 MB without keeping it', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await upload(researcher, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
  });

  it('refuses anonymous uploads and requests without a file', async () => {
    const anon = await request(stack.app).post('/api/attachments').attach('file', PDF, 'a.pdf');
    expect(anon.status).toBe(401);
    const empty = await researcher.client.agent
      .post('/api/attachments')
      .set('X-CSRF-Token', researcher.client.csrfToken ?? '')
      .field('note', 'no file');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('FILE_MISSING');
  });

  it('keeps an attachment private until its listing is published', async () => {
    const uploaded = await upload(researcher, PDF, '检测报告.pdf');
    const created = await researcher.client.post(
      '/api/achievements',
      buildAchievementInput({ attachmentIds: [uploaded.body.id] }),
    );
    expect(created.body.attachments).toEqual([
      expect.objectContaining({ id: uploaded.body.id, filename: '检测报告.pdf' }),
    ]);
    expect((await anonymous(stack.app).get(`/api/attachments/${uploaded.body.id}`)).status).toBe(404);
    await researcher.client.post(`/api/achievements/${created.body.id}/submit`);
    await staff.client.post(`/api/achievements/${created.body.id}/review`, { decision: 'published' });
    expect((await anonymous(stack.app).get(`/api/attachments/${uploaded.body.id}`)).status).toBe(200);
  });

  it('does not let someone attach another user’s upload', async () => {
    const uploaded = await upload(researcher, PDF, 'mine.pdf');
    const other = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const res = await other.client.post(
      '/api/achievements',
      buildAchievementInput({ attachmentIds: [uploaded.body.id] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toBe('body.attachmentIds');
  });

  it('lets staff save a contract with the scan its author attached, and nothing else of the author’s', async () => {
    const firm = await createAccount(stack.app, stack.services, { role: 'firm' });
    const scan = await upload(firm, PDF, '合同扫描件.pdf');
    const loose = await upload(firm, PDF, '未使用.pdf');
    const draft = await firm.client.post(
      '/api/contracts',
      buildContractInput({ attachmentIds: [scan.body.id] }),
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const saved = await staff.client.put(
      `/api/contracts/${draft.body.id}`,
      buildContractInput({ title: '铝灰资源化技术转让合同', attachmentIds: [scan.body.id] }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.attachments).toEqual([expect.objectContaining({ id: scan.body.id })]);
    const widened = await staff.client.put(
      `/api/contracts/${draft.body.id}`,
      buildContractInput({ attachmentIds: [scan.body.id, loose.body.id] }),
    );
    expect(widened.status).toBe(400);
  });
});
