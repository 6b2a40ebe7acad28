// Bundled SVG icons: the severity is told by shape and label, not by colour alone.
import type { Severity } from '../../engine/index.ts';
import { useStrings } from '../../state/hooks.ts';

export function SeverityIcon({ severity }: { severity: Severity }) {
  const label = useStrings().severity;
  return (
    <svg
      className={`icon ${severity}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      role="img"
      aria-label={label[severity]}
    >
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5 5 L11 11 M11 5 L5 11" stroke="#fff" strokeWidth="2" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1 L15 14 L1 14 Z" fill="currentColor" />
          <path d="M8 5 V9.5 M8 11 V12.5" stroke="#000" strokeWidth="1.8" />
        </>
      )}
      {severity === 'info' && (
        <>
          <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
          <path d="M8 7 V12 M8 4 V5.5" stroke="#fff" strokeWidth="2" />
        </>
      )}
    </svg>
  );
}
