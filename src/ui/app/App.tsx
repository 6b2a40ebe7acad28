// The app shell: editor and problems on the left; the cluster graph on the right, with the
// inspector and the objects list under it.
import { lazy, Suspense } from 'react';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { GraphView } from '../graph/GraphView.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { StorageBanner } from '../history/StorageBanner.tsx';
import { TabConflictBanner } from '../history/TabConflictBanner.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { ObjectsPanel } from '../objects/ObjectsPanel.tsx';
import { Player } from '../player/Player.tsx';
import { ProblemsList } from '../problems/ProblemsList.tsx';

const ManifestEditor = lazy(() => import('../editor/ManifestEditor.tsx'));

export function App() {
  const parsing = useDocument((s) => s.parsing);
  const en = useStrings();
  return (
    <div className="app">
      <header className="topbar">
        <img src="./podwire.svg" alt="" width="24" height="24" />
        <h1>{en.appTitle}</h1>
        <span className="tagline">{en.tagline}</span>
        <span className="status" role="status">
          {parsing ? en.parsing : ''}
        </span>
        <LanguageSwitch />
        <HistoryButton />
      </header>
      <StorageBanner />
      <TabConflictBanner />
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
