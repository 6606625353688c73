import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface ConfirmButtonProps {
  /** The button's text, e.g. "Remove". */
  label: string;
  /** Its accessible name, naming what it acts on, e.g. "Remove Tech news core". */
  name: string;
  /** The question asked in place of the button, e.g. "Remove this pack?". */
  question: string;
  onConfirm: () => void;
}

/**
 * A destructive action asked twice, inline. `window.confirm` is not used: a modal dialog blurs
 * the toolbar popup, and Chromium then closes it.
 */
export function ConfirmButton({ label, name, question, onConfirm }: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        class="button subtle danger"
        aria-label={name}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span class="confirm-question">{question}</span>
      <button type="button" class="button danger" onClick={onConfirm}>
        {t('confirmYes')}
      </button>
      <button type="button" class="button subtle" ref={cancel} onClick={() => setAsking(false)}>
        {t('confirmNo')}
      </button>
    </span>
  );
}
