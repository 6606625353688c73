import { useEffect, useState } from 'preact/hooks';
import type { UiLanguage } from '../../core/settings/settings';
import { loadTranslator, type Translator } from '../i18n';

/**
 * The translator for the chosen UI language; `null` until it is ready, so the popup never shows
 * one language and then flips to another. `language` is undefined while settings load.
 */
export function useTranslator(language: UiLanguage | undefined): Translator | null {
  const [translator, setTranslator] = useState<Translator | null>(null);
  useEffect(() => {
    if (language === undefined) return;
    let alive = true;
    void loadTranslator(language).then((next) => {
      if (!alive) return;
      setTranslator(next);
      document.documentElement.lang = next.lang;
      document.title = next.t('extName');
    });
    return () => {
      alive = false;
    };
  }, [language]);
  return translator;
}
