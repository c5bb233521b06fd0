import { describe, expect, it } from 'vitest';
import { attachmentProblem, MAX_ATTACHMENT_BYTES } from './attachment-rules.js';

describe('attachmentProblem', () => {
  it('lets PDFs and images up to 10 MB through', () => {
    for (const name of ['检测报告.pdf', 'scan.PNG', 'photo.jpeg', 'photo.jpg', 'chart.webp']) {
      expect(attachmentProblem({ name, size: MAX_ATTACHMENT_BYTES }), name).toBeNull();
    }
  });

  it('refuses other types and oversized files with the codes the API uses', () => {
    expect(attachmentProblem({ name: 'macro.docm', size: 10 })).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(attachmentProblem({ name: 'pdf', size: 10 })).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(attachmentProblem({ name: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('FILE_TOO_LARGE');
  });
});
