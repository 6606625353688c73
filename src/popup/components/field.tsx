import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** What the control inside a Field must carry so it is labelled and its error announced. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: string;
  /** Shown next to the field and tied to the control with aria-describedby. */
  error?: string | undefined;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}

/** A labelled form control with an optional hint and inline validation message. */
export function Field({ label, hint, error, class: className, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
