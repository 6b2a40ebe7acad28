// The scenario's kube-proxy mode, chosen over the picture: written into the text (the Simulation
// document's spec.cluster.proxyMode), so the whole picture redraws from it and a share keeps it.
import { memo, useState } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { setScenarioProxyMode } from '../../state/scenario-settings.ts';
import { PROXY_MODES } from '../kit/proxy-modes.ts';

export const ProxyModePanel = memo(function ProxyModePanel() {
  const en = useStrings();
  const mode = useDocument((s) => shownSummary(s)?.cluster?.settings.proxyMode);
  const [failed, setFailed] = useState(false);
  if (!mode) return null;
  return (
    <div className="proxy-mode-panel">
      <label title={en.scenarioProxyModeHint}>
        {en.scenarioProxyMode}{' '}
        <select
          value={mode}
          onChange={(e) => {
            const next = PROXY_MODES.find((m) => m === e.target.value);
            if (next) void setScenarioProxyMode(next).then((ok) => setFailed(!ok));
          }}
        >
          {PROXY_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      {failed && <p role="alert">{en.scenarioProxyModeFailed}</p>}
    </div>
  );
});
