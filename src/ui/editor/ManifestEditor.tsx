// The YAML editor. Loaded lazily: Monaco is most of the app's weight.
import type * as Monaco from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { engineTextFor } from '../../i18n/index.ts';
import { documentStore, setText } from '../../state/document.ts';
import { useStrings } from '../../state/hooks.ts';
import { languageStore } from '../../state/language.ts';
import { selectAtLine, viewStore } from '../../state/view.ts';
import { applyText } from './apply-text.ts';
import { setupMonaco } from './monaco-setup.ts';
import { toMarkers } from './markers.ts';

export default function ManifestEditor() {
  const host = useRef<HTMLDivElement>(null);
  const en = useStrings();
  const label = useRef(en.editorLabel);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor>(undefined);
  // The editor outlives a language switch: only its accessible name changes.
  useEffect(() => {
    label.current = en.editorLabel;
    editorRef.current?.updateOptions({ ariaLabel: en.editorLabel });
  }, [en.editorLabel]);
  useEffect(() => {
    let editor: Monaco.editor.IStandaloneCodeEditor | undefined;
    let disposed = false;
    const unsubscribers: (() => void)[] = [];
    void setupMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const model = monaco.editor.createModel(
        documentStore.getState().text,
        'yaml',
        monaco.Uri.parse('file:///manifests.yaml'),
      );
      editor = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        ariaLabel: label.current,
        scrollBeyondLastLine: false,
        renderWhitespace: 'boundary',
        quickSuggestions: { other: true, comments: false, strings: true },
        readOnly: documentStore.getState().viewOnly,
      });
      editorRef.current = editor;
      model.onDidChangeContent(() => setText(model.getValue()));
      // The cursor selects the object written under it (and so its item in the graph).
      editor.onDidChangeCursorPosition((e) => {
        if (e.reason !== monaco.editor.CursorChangeReason.ContentFlush) selectAtLine(e.position.lineNumber);
      });
      const applyMarkers = () => {
        const summary = documentStore.getState().summary;
        const tr = engineTextFor(languageStore.getState().lang);
        monaco.editor.setModelMarkers(model, 'podwire', toMarkers(monaco, summary?.diagnostics ?? [], tr));
      };
      applyMarkers();
      // Edits made outside the editor (through `setText`) show up in it.
      unsubscribers.push(
        documentStore.subscribe((s, prev) => s.text !== prev.text && applyText(monaco, model, s.text)),
      );
      unsubscribers.push(documentStore.subscribe((s, prev) => s.summary !== prev.summary && applyMarkers()));
      // A view-only link: read-only until "Edit a copy".
      unsubscribers.push(
        documentStore.subscribe(
          (s, prev) => s.viewOnly !== prev.viewOnly && editor?.updateOptions({ readOnly: s.viewOnly }),
        ),
      );
      unsubscribers.push(languageStore.subscribe(applyMarkers));
      unsubscribers.push(
        viewStore.subscribe(({ jump }, prev) => {
          if (!jump || jump === prev.jump || !editor) return;
          editor.revealLineInCenter(jump.line);
          editor.setPosition({ lineNumber: jump.line, column: jump.column });
          editor.focus();
        }),
      );
      host.current.dataset['ready'] = 'true';
    });
    return () => {
      disposed = true;
      editorRef.current = undefined;
      unsubscribers.forEach((u) => u());
      const model = editor?.getModel();
      editor?.dispose();
      model?.dispose();
    };
  }, []);
  return <div ref={host} className="editor-host" data-testid="editor" />;
}
