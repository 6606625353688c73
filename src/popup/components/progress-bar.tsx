export interface ProgressBarProps {
  label: string;
  /** 0–100. */
  value: number;
  /** Spoken and shown instead of the bare percentage, e.g. "1,200 of 5,000". */
  text?: string;
}

export function ProgressBar({ label, value, text }: ProgressBarProps) {
  const now = Math.round(Math.min(100, Math.max(0, value)));
  return (
    <div
      class="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={now}
      aria-valuetext={text}
    >
      <div class="progress-fill" style={{ width: `${now}%` }} />
    </div>
  );
}
