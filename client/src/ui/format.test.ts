import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from './format.js';

describe('formatDate', () => {
  it('shows a deadline as that very day, whatever the time zone', () => {
    expect(formatDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en')).toBe('Mar 1, 2026');
  });

  it('shows an instant as the day it was in China', () => {
    expect(formatDate('2026-02-28T17:30:00.000Z', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate(null, 'en')).toBe('—');
  });
});

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(12_600)).toBe('12.3 KB');
    expect(formatBytes(4.5 * 1024 * 1024)).toBe('4.5 MB');
  });
});
