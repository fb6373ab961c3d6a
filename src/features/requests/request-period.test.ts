import { describe, expect, it } from 'vitest';
import { formatDate, translator } from '../../i18n/i18n';
import { periodText } from './request-period';

describe('periodText', () => {
  const it_ = translator('it');
  it('says "Dal", "Fino al" and "Dal … al …", null without dates', () => {
    expect(periodText(it_, 'it', '2031-03-03', null)).toBe(`Dal ${formatDate('it', '2031-03-03')}`);
    expect(periodText(it_, 'it', null, '2031-04-02')).toBe(`Fino al ${formatDate('it', '2031-04-02')}`);
    expect(periodText(it_, 'it', '2031-03-03', '2031-04-02')).toBe(`Dal ${formatDate('it', '2031-03-03')} al ${formatDate('it', '2031-04-02')}`);
    expect(periodText(it_, 'it', null, null)).toBeNull();
  });
  it('in English too', () => {
    const en = translator('en');
    expect(periodText(en, 'en', '2031-03-03', null)).toBe(`From ${formatDate('en', '2031-03-03')}`);
    expect(periodText(en, 'en', null, '2031-04-02')).toBe(`Until ${formatDate('en', '2031-04-02')}`);
  });
});
