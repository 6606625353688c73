import type { KbStatus } from '../../core/protocol';
import { plural, useLang, useT } from '../i18n';

export interface HeaderProps {
  status: KbStatus | null;
  error: string | null;
  inTab: boolean;
  onOpenInTab: () => void;
}

export function Header({ status, error, inTab, onOpenInTab }: HeaderProps) {
  const t = useT();
  const lang = useLang();
  return (
    <header class="header">
      <img class="logo" src="/icons/icon-32.png" alt="" width={24} height={24} />
      <div class="header-text">
        <h1>{t('extName')}</h1>
        {status && (
          <p class="status" data-testid="kb-status">
            {t(
              'statusLine',
              plural(t, 'entityCountOne', 'entityCountOther', status.entities, lang),
              plural(t, 'packCountOne', 'packCountOther', status.packs, lang),
            )}
          </p>
        )}
        {error && (
          <p class="status error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      {!inTab && (
        <button type="button" class="button subtle" onClick={onOpenInTab}>
          {t('openInTab')}
        </button>
      )}
    </header>
  );
}
