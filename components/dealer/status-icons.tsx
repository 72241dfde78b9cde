/**
 * Small line icons for the back-office. Always decorative (aria-hidden): each use sits next to text or a
 * sr-only label, so nothing is told by an icon or a colour alone.
 */
const paths = {
  check: "M20 6 9 17l-5-5",
  circle: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
  pin: "M12 17v5M9 3h6l-1 7 4 3v2H6v-2l4-3z",
  eye: "M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
  wrench:
    "M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.8-3.8a6 6 0 0 1-7.9 7.9l-6.9 6.9a2.1 2.1 0 0 1-3-3l6.9-6.9a6 6 0 0 1 7.9-7.9z",
  phoneCheck: "M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1.5 10 2 2 3.5-4",
} as const;

export type IconName = keyof typeof paths;

export function StatusIcon({ name, className = "h-4 w-4" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={`inline-block shrink-0 ${className}`} aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
