import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preview, type ShelfLifeRules } from '../../../../src-shared/shelf-life';

/**
 * "A 300-day product expiring 2027-06-30 leaves sale on 2027-05-01", worked out live from the
 * rules being edited, in the screen's language.
 */
export function RulePreview({ rules }: { rules: ShelfLifeRules }) {
  const { t, i18n } = useTranslation();
  const [daysText, setDaysText] = useState('300');
  const [expiry, setExpiry] = useState('2027-06-30');
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const ready = daysText.trim() !== '' && expiry !== '';
  return (
    <div className="slr-preview" role="group" aria-labelledby="slr-preview-title">
      <h4 id="slr-preview-title">{t('shelfRules.previewTitle')}</h4>
      <div className="row">
        <label htmlFor="slr-preview-days">{t('shelfRules.previewDays')}</label>
        <input
          id="slr-preview-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={36_500}
          step={1}
          value={daysText}
          onChange={(e) => setDaysText(e.target.value)}
        />
        <label htmlFor="slr-preview-expiry">{t('shelfRules.previewExpiry')}</label>
        <input
          id="slr-preview-expiry"
          type="date"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        />
      </div>
      <output
        htmlFor="slr-preview-days slr-preview-expiry"
        aria-live="polite"
        data-testid="shelf-rules-preview"
      >
        {ready ? preview(rules, Number(daysText), expiry, lang) : t('shelfRules.previewHint')}
      </output>
    </div>
  );
}
