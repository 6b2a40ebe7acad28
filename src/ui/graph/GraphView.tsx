// The cluster drawn as a live graph: the last good reading while the text has errors.
import {
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useEngineText, useStrings, useView } from '../../state/hooks.ts';
import { select } from '../../state/view.ts';
import { PacketLayer } from '../packets/PacketLayer.tsx';
import { ClusterGroupView } from './ClusterGroupView.tsx';
import { DotGrid } from './DotGrid.tsx';
import { ItemNodeView } from './ItemNodeView.tsx';
import { NamespaceLegend } from './NamespaceLegend.tsx';
import { ProxyModePanel } from './ProxyModePanel.tsx';
import { localizeEdges, localizeNodes } from './localize-flow.ts';
import { flowOf, type FlowNode } from './to-flow.ts';
import './graph.css';

// Module level: a new object per render would remount every node.
const nodeTypes: NodeTypes = { item: ItemNodeView, cluster: ClusterGroupView };
const proOptions = { hideAttribution: true };
// A click handler also gives nodes pointer events (React Flow turns them off for inert nodes);
// the button inside each node selects it from the keyboard.
const onNodeClick = (_: unknown, node: FlowNode) => select(node.id);
// Folding (graph/collapse.ts) bounds a picture to a few hundred items: draw them all. Culling
// off-screen items made every pan frame add and remove hundreds of DOM nodes at the edges.
const BIG = 4000;
/** Below this zoom a card's detail lines are under 6 px on screen: only the name is drawn. */
const FAR = 0.45;

/**
 * Zoomed far out, cards show their name alone (graph.css, `.far`): each detail line, tag and
 * icon is a clip and a paint chunk the compositor walks on every pan frame, for text too small
 * to read (on the large cluster fitted, a pan frame's layerize time roughly halves).
 */
const ZoomDetail = memo(function ZoomDetail() {
  const far = useStore((s) => s.transform[2] < FAR);
  const dom = useStore((s) => s.domNode);
  useEffect(() => {
    dom?.classList.toggle('far', far);
  }, [dom, far]);
  return null;
});

/** Refit only when the picture is a different one (no id in common), not on every small edit. */
function useFitOnNewScene(nodes: readonly FlowNode[]): void {
  const { fitView } = useReactFlow();
  const seen = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const fresh = !nodes.some((n) => seen.current.has(n.id));
    seen.current = new Set(nodes.map((n) => n.id));
    if (fresh && nodes.length > 0) void fitView({ padding: 0.08 });
  }, [nodes, fitView]);
}

/**
 * While the view moves, the viewport is a compositor layer of its own under a cover that takes
 * the pointer: a pan frame then moves pixels already painted instead of painting and hit-testing
 * ~1,600 items again (measured on the large cluster). Off again when the move ends, so a zoom
 * rasterizes crisp at its new scale. A class on the element, not React state: no re-render.
 */
function useMovingClass() {
  const store = useStoreApi();
  // On a real move only: a press that does not move (a click on an item) starts a "move" too,
  // and the cover would take that click.
  const onMove = useCallback(() => {
    const dom = store.getState().domNode;
    if (dom && !dom.classList.contains('moving')) dom.classList.add('moving');
  }, [store]);
  const onMoveEnd = useCallback(() => store.getState().domNode?.classList.remove('moving'), [store]);
  return { onMove, onMoveEnd };
}

function Flow() {
  const en = useStrings();
  // React Flow's own labels in the chosen language (English keeps React Flow's exact wording).
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': en.flowControls.controlPanel,
      'controls.zoomIn.ariaLabel': en.flowControls.zoomIn,
      'controls.zoomOut.ariaLabel': en.flowControls.zoomOut,
      'controls.fitView.ariaLabel': en.flowControls.fitView,
      'node.a11yDescription.default': en.flowControls.nodeHelp,
      'edge.a11yDescription.default': en.flowControls.edgeHelp,
    }),
    [en],
  );
  const { onMove, onMoveEnd } = useMovingClass();
  const graph = useDocument((s) => shownSummary(s)?.graph);
  const flow = useMemo(() => (graph ? flowOf(graph) : { nodes: [], edges: [] }), [graph]);
  const nodes = useMemo(() => localizeNodes(flow.nodes, en), [flow.nodes, en]);
  useFitOnNewScene(nodes);
  // A request's path (an Ingress rule or a tried URL): the edges between its items light up.
  const highlight = useView((s) => s.highlight);
  const tr = useEngineText();
  const labelled = useMemo(() => localizeEdges(flow.edges, en, tr), [flow.edges, en, tr]);
  const edges = useMemo(() => {
    if (highlight.length < 2) return labelled;
    const on = new Set(highlight);
    return labelled.map((e) =>
      on.has(e.source) && on.has(e.target)
        ? { ...e, className: `${e.className ?? ''} on-path`, animated: true }
        : e,
    );
  }, [labelled, highlight]);
  useEffect(() => {
    // The frame after React Flow committed the new nodes: what `npm run bench` times.
    if (graph) requestAnimationFrame(() => performance.mark('podwire:graph-drawn'));
  }, [graph]);
  return (
    <ReactFlow
      onMove={onMove}
      onMoveEnd={onMoveEnd}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      onlyRenderVisibleElements={flow.nodes.length > BIG}
      minZoom={0.05}
      fitView
      proOptions={proOptions}
      ariaLabelConfig={ariaLabels}
    >
      <DotGrid id="graph-dots" />
      <ZoomDetail />
      <Controls showInteractive={false} />
      <PacketLayer />
      {graph && graph.namespaces.length > 0 && (
        <Panel position="top-left">
          <NamespaceLegend namespaces={graph.namespaces} />
        </Panel>
      )}
      <Panel position="top-right">
        <ProxyModePanel />
      </Panel>
    </ReactFlow>
  );
}

export const GraphView = memo(function GraphView() {
  const en = useStrings();
  const stale = useDocument((s) => s.summary !== undefined && shownSummary(s) !== s.summary);
  const empty = useDocument((s) => !shownSummary(s)?.graph);
  const tooLarge = useDocument((s) => {
    const shown = shownSummary(s);
    return shown && !shown.graph && shown.graphSize > 0 ? shown.graphSize : 0;
  });
  return (
    <section className="graph" aria-label={en.graph}>
      {stale && (
        <p className="graph-note stale" role="note">
          {en.staleNotice}
        </p>
      )}
      {empty && (
        <p className="graph-note empty">{tooLarge > 0 ? en.graphTooLarge(tooLarge) : en.graphEmpty}</p>
      )}
      <ReactFlowProvider>
        <Flow />
      </ReactFlowProvider>
    </section>
  );
});
