// A lazily loaded part (the editor) whose code cannot be fetched: after a deploy the open page
// asks for chunks the host no longer has, or the network is gone. Without a boundary React would
// unmount the whole page; this keeps the rest of the app and offers a reload (the text is saved).
import { Component, type ReactNode } from 'react';
import { useStrings } from '../../state/hooks.ts';

function LoadFailureNotice() {
  const t = useStrings().robust;
  return (
    <div className="editor-host load-failure" role="alert">
      <p>{t.chunkFailed}</p>
      <button type="button" onClick={() => location.reload()}>
        {t.reload}
      </button>
    </div>
  );
}

// A class: React catches render errors only in a component with componentDidCatch/getDerivedStateFromError.
export class LoadFailureBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailureNotice /> : this.props.children;
  }
}
