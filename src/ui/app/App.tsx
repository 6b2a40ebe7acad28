// The app shell: editor and problems on the left; the cluster graph on the right, with the
// inspector and the objects list under it. Presenting keeps the graph, the player and the
// captions in large type; the embed view (`?embed=1`) shows only those, for slides.
import { lazy, Suspense } from 'react';
import { useDocument, usePresent, useStrings } from '../../state/hooks.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { GalleryButton } from '../gallery/GalleryButton.tsx';
import { LessonNotice } from '../gallery/LessonNotice.tsx';
import { GraphView } from '../graph/GraphView.tsx';
import { FaultBanner } from './FaultBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LoadFailureBoundary } from './LoadFailure.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { StorageBanner } from '../history/StorageBanner.tsx';
import { TabConflictBanner } from '../history/TabConflictBanner.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { ObjectsPanel } from '../objects/ObjectsPanel.tsx';
import { Outline } from '../outline/Outline.tsx';
import { Player } from '../player/Player.tsx';
import { EmbedBar } from '../present/EmbedBar.tsx';
import { PresentBar } from '../present/PresentBar.tsx';
import { PresentButton } from '../present/PresentButton.tsx';
import { usePresentKeys } from '../present/usePresentKeys.ts';
import '../present/present.css';
import { ProblemsList } from '../problems/ProblemsList.tsx';
import { OpenSharedDialog } from '../share/OpenSharedDialog.tsx';
import { ShareNotices } from '../share/ShareNotices.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import '../share/share.css';

const ManifestEditor = lazy(() => import('../editor/ManifestEditor.tsx'));

export function App() {
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
          <HistoryButton />
          <GalleryButton />
          <SharePanel />
          <PresentButton />
          <ExportMenu />
        </header>
      )}
      <ShareNotices />
      <OpenSharedDialog />
      <StorageBanner />
      <TabConflictBanner />
      <FaultBanner />
      <main className="workspace">
        <div className="left">
          <p className="editor-hint" id="editor-hint">
            {en.keyboard.editorHint}
          </p>
          <LoadFailureBoundary>
            <Suspense fallback={<div className="editor-host loading">{en.editorLoading}</div>}>
              <ManifestEditor />
            </Suspense>
          </LoadFailureBoundary>
          <ProblemsList />
        </div>
        <div className="right">
          <LessonNotice />
          <GraphView />
          <Player />
          <div className="below-graph">
            <Inspector />
            <div className="side-lists">
              <ObjectsPanel />
              <Outline />
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}
