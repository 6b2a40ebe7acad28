// Bundled inline SVG marks for NetworkPolicy: a shield for a policy, and a connection's verdict
// (a tick, a cross, a half-filled circle). Decorative: the verdict is always written beside it.
import { memo } from 'react';

export type Verdict = 'all' | 'none' | 'some';

const marks: Record<Verdict, React.ReactNode> = {
  all: <path d="M3 8.5 6.5 12 13 4.5" />,
  none: <path d="M4 4l8 8 M12 4l-8 8" />,
  some: (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" />
    </>
  ),
};

function Svg({ className, children }: { className: string; children: React.ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const VerdictIcon = memo(function VerdictIcon({ verdict }: { verdict: Verdict }) {
  return <Svg className={`verdict-icon ${verdict}`}>{marks[verdict]}</Svg>;
});

export const PolicyIcon = memo(function PolicyIcon() {
  return (
    <Svg className="kind-icon">
      <path d="M8 1.5 13.5 3.5v4c0 3.3-2.3 5.9-5.5 7-3.2-1.1-5.5-3.7-5.5-7v-4z" />
    </Svg>
  );
});
