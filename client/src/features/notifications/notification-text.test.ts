import { DEFAULT_LOCALE, type Notification } from '@techmatch/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../app/i18n/index.js';
import { notificationText } from './notification-text.js';

const note = (type: Notification['type'], params: Notification['params']): Notification => ({
  id: 'a'.repeat(24),
  type,
  params,
  link: null,
  read: false,
  createdAt: new Date(0).toISOString(),
});

const word = (n: Notification, locale: 'zh-CN' | 'en') => {
  i18n.global.locale.value = locale;
  return notificationText(n, i18n.global.t, i18n.global.te);
};

afterEach(() => setLocale(DEFAULT_LOCALE));

describe('notification wording', () => {
  it('words each outcome from the params, in the reader’s language', () => {
    const accepted = note('inquiry_status', {
      title: '赤泥脱碱',
      change: 'accepted',
      name: '王教授',
      reason: '',
    });
    expect(word(accepted, 'zh-CN')).toBe('王教授 接受了“赤泥脱碱”的洽谈，可查看联系方式');
    expect(word(accepted, 'en')).toBe('王教授 accepted the inquiry about “赤泥脱碱”: contacts are shared');
    expect(word(note('application_decided', { title: '胶凝材料', status: 'won', reason: '' }), 'zh-CN')).toBe(
      '揭榜成功！您的方案被“胶凝材料”选中',
    );
  });

  it('falls back to the type’s name for an outcome it does not know', () => {
    expect(word(note('inquiry_status', { title: 'x', change: 'teleported' }), 'zh-CN')).toBe('洽谈进展');
  });

  it('keeps text as text: HTML in a title is not markup', () => {
    const html = note('inquiry_message', { title: '<img src=x onerror=alert(1)>', name: '<b>李</b>' });
    expect(word(html, 'zh-CN')).toContain('<img src=x onerror=alert(1)>');
  });
});
