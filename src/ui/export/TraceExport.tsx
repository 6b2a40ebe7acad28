// The picked packet's request, hop by hop, copied or downloaded (text as `podwire trace` prints
// it, or JSON), from the hops the timeline holds.
import { useState } from 'react';
import { fileName, requestHops, traceJson, traceText } from '../../state/export-trace.ts';
import { useStrings } from '../../state/hooks.ts';
import { simStore, type SimHop } from '../../state/sim.ts';
import { copyText, downloadText } from './download.ts';

export function TraceExport({ hop }: { hop: SimHop }) {
  const t = useStrings();
  const [note, setNote] = useState('');
  const hops = () => requestHops(simStore.getState().hops, hop.request);
  const name = `podwire-trace-request-${String(hop.request)}`;
  return (
    <div className="trace-export" role="group" aria-label={t.present.copyTrace}>
      <button
        type="button"
        onClick={() =>
          void copyText(traceText(hops())).then((ok) => setNote(ok ? t.present.copied : t.present.copyFailed))
        }
      >
        {t.present.copyTrace}
      </button>
      <button
        type="button"
        onClick={() => downloadText(traceText(hops()), fileName(name, 'txt'), 'text/plain')}
      >
        {t.present.downloadTraceText}
      </button>
      <button
        type="button"
        onClick={() => downloadText(traceJson(hops()), fileName(name, 'json'), 'application/json')}
      >
        {t.present.downloadTraceJson}
      </button>
      <span role="status">{note}</span>
    </div>
  );
}
