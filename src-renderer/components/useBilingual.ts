import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../src-shared/api/domain-intake';

/** Picks the station's bilingual text in the screen's language. */
export function useBilingual(): (text: Bilingual) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'zh-CN' ? text.zh : text.en);
}
