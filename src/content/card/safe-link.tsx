import type { ComponentChildren } from 'preact';
import { httpUrl } from './card-format';

interface SafeLinkProps {
  url: string | undefined;
  class?: string;
  /** Accessible name when the visible text alone would be ambiguous ("example.com"). */
  label?: string;
  children: ComponentChildren;
  /** Shown after the text only when it is a link (an external-link icon, a new-tab hint). */
  linkOnly?: ComponentChildren;
}

/**
 * A link that opens in a new tab, and only for an http(s) address; anything else renders as plain
 * text. `noopener noreferrer`: the opened page gets neither a handle on this tab nor the page's URL.
 */
export function SafeLink({ url, class: className, label, children, linkOnly }: SafeLinkProps) {
  const safe = httpUrl(url);
  if (!safe) return <span class={className}>{children}</span>;
  return (
    <a
      class={className}
      href={safe.href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={label}
    >
      {children}
      {linkOnly}
    </a>
  );
}
