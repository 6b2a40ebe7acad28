// Bundled inline SVG icons for the graph's kinds (no emoji, no icon fonts). Decorative: the kind
// is also written as text beside each icon.
import { memo } from 'react';
import type { GraphNodeKind } from '../../engine/index.ts';

const paths: Record<GraphNodeKind, React.ReactNode> = {
  'cluster-node': (
    <>
      <rect x="2" y="3" width="12" height="4" rx="1" />
      <rect x="2" y="9" width="12" height="4" rx="1" />
      <path d="M4.5 5h.01M4.5 11h.01" strokeWidth="2" />
    </>
  ),
  pod: <path d="M8 1.5 14 5v6l-6 3.5L2 11V5z M2 5l6 3.5L14 5 M8 8.5v6" />,
  'pod-group': <path d="M6 2.5 11 5.5v5l-5 3-5-3v-5z M9 1.5l5 3v5.5 M1 5.5l5 3 5-3 M6 8.5v5" />,
  'kube-proxy': <path d="M2 4h9l-2-2 M14 12H5l2 2 M11 4l3 0 M2 12h3" />,
  service: (
    <>
      <circle cx="8" cy="8" r="2.5" />
      <path d="M8 1.5v4 M8 10.5v4 M1.5 8h4 M10.5 8h4" />
    </>
  ),
  'service-group': (
    <>
      <circle cx="7" cy="9" r="2.5" />
      <path d="M7 2.5v4 M7 11.5v3 M1 9h3.5 M9.5 9h3 M10 2h4v4" />
    </>
  ),
  ingress: <path d="M2 8h8 M7 5l3 3-3 3 M12 2v12" />,
  client: (
    <>
      <rect x="2" y="2.5" width="12" height="8" rx="1" />
      <path d="M5 13.5h6 M8 10.5v3" />
    </>
  ),
  'load-balancer': <path d="M8 2v4 M8 6 3 10 M8 6l5 4 M8 6v4 M3 10v4 M13 10v4 M8 10v4" />,
};

export const KindIcon = memo(function KindIcon({ kind }: { kind: GraphNodeKind }) {
  return (
    <svg
      className="kind-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {paths[kind]}
    </svg>
  );
});
