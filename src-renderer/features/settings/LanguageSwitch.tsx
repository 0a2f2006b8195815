import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../src-shared/api/domain-settings';
import { setLanguage } from '../../i18n';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', 'zh-CN': '简体中文' };

/** Switches this screen's language at once (the station-wide default lives in Settings). */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label="Language / 语言">
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className={i18n.language === lang ? 'chip active' : 'chip'}
          aria-pressed={i18n.language === lang}
          onClick={() => void setLanguage(lang)}
        >
          {NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
