// The dotted paper behind the graph: the dots of React Flow's <Background> (1 px every 24 px,
// scaled with the zoom), cheap to pan. <Background> moves its pattern inside a pane-sized SVG, so
// every pan frame rasterizes the whole pane again (measured: over half the CPU a pan costs). Here
// the SVG is a layer of its own, SLACK px larger than the pane, moved by whole pixels (a pan moves
// by whole pixels): the pattern changes only with the zoom or once every SLACK px of panning.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';

const GAP = 24;
const SIZE = 1;
const SLACK = 256;
const transformOf = (s: ReactFlowState) => s.transform;
/** The layer's offset: whole pixels in [-SLACK, 0), following the pan. */
const offset = (pan: number) => (((Math.floor(pan) % SLACK) + SLACK) % SLACK) - SLACK;

export const DotGrid = memo(function DotGrid({ id }: { id: string }) {
  const [x, y, zoom] = useStore(transformOf);
  const gap = GAP * zoom || 1;
  const radius = (SIZE * zoom) / 2;
  const [left, top] = [offset(x), offset(y)];
  return (
    <svg
      className="dot-grid"
      style={{
        width: `calc(100% + ${SLACK}px)`,
        height: `calc(100% + ${SLACK}px)`,
        transform: `translate(${left}px, ${top}px)`,
      }}
      aria-hidden="true"
    >
      {/* As React Flow: a dot every gap from the pan offset, the tile shifted by half a gap. */}
      <pattern
        id={id}
        x={x - left}
        y={y - top}
        width={gap}
        height={gap}
        patternUnits="userSpaceOnUse"
        patternTransform={`translate(-${gap / 2},-${gap / 2})`}
      >
        <circle cx={radius} cy={radius} r={radius} className="react-flow__background-pattern dots" />
      </pattern>
      <rect width="100%" height="100%" fill={`url(#${id})`} />
    </svg>
  );
});
