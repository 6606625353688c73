import { useEffect, useState } from 'preact/hooks';

export interface ToastMessage {
  /** A new key restarts the timer, even for the same text. */
  key: number;
  text: string;
  action?: { label: string; run: () => void };
}

/** Long enough to notice a mistake and reach for Undo. */
export const TOAST_MS = 8_000;

export interface ToastProps {
  toast: ToastMessage | null;
  onDismiss: () => void;
}

/**
 * A polite live region that is always in the DOM (screen readers announce changes only to a
 * region they already know). The timer pauses while the pointer or focus is on the toast, so a
 * reader heading for Undo does not see it vanish (WCAG 2.2.1).
 */
export function Toast({ toast, onDismiss }: ToastProps) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(onDismiss, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held, onDismiss]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          class="toast"
          key={toast.key}
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocusIn={() => setHeld(true)}
          onFocusOut={() => setHeld(false)}
        >
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="button toast-action"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
