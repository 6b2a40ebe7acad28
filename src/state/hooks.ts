// React bindings for the vanilla stores, with narrow selectors.
import { useStore } from 'zustand';
import { documentStore, type DocumentState } from './document.ts';

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}
