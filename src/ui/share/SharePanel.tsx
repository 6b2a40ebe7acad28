// The top bar's Share button and its panel: copy a link (optionally view-only), or, when the link
// would be too long to travel, download the scenario as a file; and open such a file.
import { useId, useState, type ChangeEvent } from 'react';
import { useStrings } from '../../state/hooks.ts';
import { makeScenarioFile, makeShareLink } from '../../state/share-make.ts';
import { openFileContent } from '../../state/share-open.ts';

type Made = { readonly url: string; readonly fits: boolean; readonly copied: boolean };

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function download(content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'podwire-scenario.yaml';
  a.click();
  // Revoked later: the browser may still be reading it when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SharePanel() {
  const t = useStrings().share;
  const [open, setOpen] = useState(false);
  const [viewOnly, setViewOnly] = useState(false);
  const [made, setMade] = useState<Made | undefined>(undefined);
  const panelId = useId();

  const copy = async () => {
    const link = await makeShareLink(viewOnly);
    const copied = link.fits && (await copyText(link.url));
    setMade({ ...link, copied });
  };
  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setOpen(false);
    await openFileContent(await file.text());
  };

  return (
    <div
      className="share"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) setOpen(false);
      }}
    >
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t.button}
      </button>
      <div id={panelId} className="share-panel" role="group" aria-label={t.panel} hidden={!open}>
        <label>
          <input
            type="checkbox"
            checked={viewOnly}
            onChange={(e) => {
              setViewOnly(e.target.checked);
              setMade(undefined);
            }}
          />
          {t.viewOnly}
        </label>
        <button type="button" onClick={() => void copy()}>
          {t.copy}
        </button>
        <p role="status" aria-live="polite" className="share-status">
          {made?.copied ? t.copied : ''}
        </p>
        {made && made.fits && !made.copied && <p>{t.copyFailed}</p>}
        {made?.fits && (
          <input
            className="share-link"
            readOnly
            aria-label={t.linkLabel}
            value={made.url}
            onFocus={(e) => e.target.select()}
          />
        )}
        {made && !made.fits && <p>{t.tooLong(made.url.length)}</p>}
        <div className="share-files">
          <button type="button" onClick={() => download(makeScenarioFile())}>
            {t.download}
          </button>
          <label className="share-open-file">
            {t.openFile}
            <input type="file" accept=".yaml,.yml,.txt,.json" onChange={(e) => void openFile(e)} />
          </label>
        </div>
      </div>
    </div>
  );
}
