// The app shell: editor and problems on the left; the cluster graph on the right, with the
// inspector and the objects list under it. Presenting keeps the graph, the player and the
// captions in large type; the embed view (`?embed=1`) shows only those, for slides.
import { lazy, Suspense } from 'react';
import { useDocument, usePresent, useStrings } from '../../state/hooks.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { GraphView } from '../graph/GraphView.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { ObjectsPanel } from '../objects/ObjectsPanel.tsx';
import { Player } from '../player/Player.tsx';
import { EmbedBar } from '../present/EmbedBar.tsx';
import { PresentBar } from '../present/PresentBar.tsx';
import { PresentButton } from '../present/PresentButton.tsx';
import { usePresentKeys } from '../present/usePresentKeys.ts';
import '../present/present.css';
import { ProblemsList } from '../problems/ProblemsList.tsx';

const ManifestEditor = lazy(() => import('../editor/ManifestEditor.tsx'));

export function App() {
  const storageOk = useDocument((s) => s.storageOk);
  const parsing = useDocument((s) => s.parsing);
  const presenting = usePresent((s) => s.presenting);
  const embed = usePresent((s) => s.embed);
  const en = useStrings();
  usePresentKeys();
  if (embed)
    return (
      <div className={`app embed${presenting ? ' presenting' : ''}`}>
        <EmbedBar />
        <main className="workspace">
          <div className="right">
            <GraphView />
            <Player />
          </div>
        </main>
      </div>
    );
  return (
    <div className={`app${presenting ? ' presenting' : ''}`}>
      {presenting ? (
        <PresentBar />
      ) : (
        <header className="topbar">
          <img src="./podwire.svg" alt="" width="24" height="24" />
          <h1>{en.appTitle}</h1>
          <span className="tagline">{en.tagline}</span>
          <span className="status" role="status">
            {parsing ? en.parsing : ''}
          </span>
          <LanguageSwitch />
          <PresentButton />
          <ExportMenu />
        </header>
      )}
      {!storageOk && (
        <div className="banner" role="alert">
          {en.storageUnavailable}
        </div>
      )}
      <main className="workspace">
        <div className="left">
          <Suspense fallback={<div className="editor-host loading">{en.editorLoading}</div>}>
            <ManifestEditor />
          </Suspense>
          <ProblemsList />
        </div>
        <div className="right">
          <GraphView />
          <Player />
          <div className="below-graph">
            <Inspector />
            <ObjectsPanel />
          </div>
        </div>
      </main>
    </div>
  );
}
