import type { ComponentChildren } from 'preact';

/** Small stroke icons drawn in the text colour; decorative, so hidden from assistive technology. */
interface IconProps {
  size?: number;
  /** Drawn on a 16 or a 24 unit grid; the stroke is scaled to look the same either way. */
  grid?: 16 | 24;
  children: ComponentChildren;
}

function Icon({ size = 16, grid = 16, children }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${grid} ${grid}`}
      fill="none"
      stroke="currentColor"
      stroke-width={grid === 24 ? 2.2 : 1.6}
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

export function BackIcon() {
  return (
    <Icon size={14}>
      <path d="M13 8H3.5M7.5 4L3.5 8l4 4" />
    </Icon>
  );
}

export function ChevronIcon() {
  return (
    <Icon size={12}>
      <path d="M6 3.5L10.5 8 6 12.5" />
    </Icon>
  );
}

export function ExternalIcon() {
  return (
    <Icon size={11}>
      <path d="M6 3H3.5A.5.5 0 0 0 3 3.5v9a.5.5 0 0 0 .5.5h9a.5.5 0 0 0 .5-.5V10M9 3h4v4M13 3L7.5 8.5" />
    </Icon>
  );
}

export function PinIcon() {
  return (
    <Icon size={15} grid={24}>
      <path d="M12 17v5M9 3h6M10 3v7l-3.5 3.5V17h11v-3.5L14 10V3" />
    </Icon>
  );
}

export function EditIcon() {
  return (
    <Icon size={14}>
      <path d="M10.5 2.5l3 3L6 13H3v-3z" />
    </Icon>
  );
}

export function HideIcon() {
  return (
    <Icon size={14}>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M4.2 11.8l7.6-7.6" />
    </Icon>
  );
}
