// "Export" in the top bar: the graph as drawn (every item at its laid-out place) as SVG or PNG.
import { useEffect, useRef, useState } from 'react';
import { documentStore, shownSummary } from '../../state/document.ts';
import { graphSvg } from '../../state/export-svg.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { DownloadIcon } from '../present/icons.tsx';
import { download, downloadText } from './download.ts';
import { svgToPng } from './png.ts';

function picture(title: string) {
  const graph = shownSummary(documentStore.getState())?.graph;
  return graph ? graphSvg(graph, title) : undefined;
}

export function ExportMenu() {
  const t = useStrings();
  const hasGraph = useDocument((s) => shownSummary(s)?.graph !== undefined);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const svg = () => {
    setOpen(false);
    const p = picture(t.graph);
    if (p) downloadText(p.svg, 'podwire-graph.svg', 'image/svg+xml');
  };
  const png = () => {
    setOpen(false);
    const p = picture(t.graph);
    if (p) void svgToPng(p.svg, p.width, p.height).then((blob) => download(blob, 'podwire-graph.png'));
  };
  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        className="topbar-button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!hasGraph}
        onClick={() => setOpen((o) => !o)}
      >
        <DownloadIcon /> {t.present.exportMenu}
      </button>
      {open && (
        <div role="menu" className="export-list" aria-label={t.present.exportMenu}>
          <button type="button" role="menuitem" onClick={png}>
            {t.present.exportPng}
          </button>
          <button type="button" role="menuitem" onClick={svg}>
            {t.present.exportSvg}
          </button>
        </div>
      )}
    </div>
  );
}
