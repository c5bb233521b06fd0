import { describe, expect, it } from 'vitest';
import { markedExcerpt } from './excerpt.js';

describe('markedExcerpt', () => {
  it('marks every matched term and escapes everything else', () => {
    const html = markedExcerpt('赤泥<script>脱碱</script>后用于免烧砖', ['赤泥', '免烧砖']);
    expect(html).toBe('<mark>赤泥</mark>&lt;script&gt;脱碱&lt;/script&gt;后用于<mark>免烧砖</mark>');
  });

  it('starts near the first match in a long text', () => {
    const text = `${'背景介绍'.repeat(40)}关键技术是搅拌摩擦焊`;
    const html = markedExcerpt(text, ['搅拌摩擦焊'], 50);
    expect(html.startsWith('…')).toBe(true);
    expect(html).toContain('<mark>搅拌摩擦焊</mark>');
  });

  it('prefers the longer of overlapping terms', () => {
    expect(markedExcerpt('拜耳法赤泥', ['赤泥', '拜耳法赤泥'])).toBe('<mark>拜耳法赤泥</mark>');
  });
});
