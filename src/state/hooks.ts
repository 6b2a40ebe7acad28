// React bindings for the vanilla stores, with narrow selectors.
import { useStore } from 'zustand';
import { engineTextFor, stringsFor, type Strings, type Translate } from '../i18n/index.ts';
import { documentStore, type DocumentState } from './document.ts';
import { inspectionStore, type InspectionState } from './inspection.ts';
import { languageStore } from './language.ts';
import { netpolStore, type NetpolState } from './netpol.ts';
import { presentStore, type PresentState } from './present.ts';
import { rulesStore, type RulesState } from './rules.ts';
import { simStore, type SimState } from './sim.ts';
import { urlTryStore, type UrlTryState } from './url-try.ts';
import { viewStore, type ViewState } from './view.ts';

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

export function useView<T>(selector: (s: ViewState) => T): T {
  return useStore(viewStore, selector);
}

export function useInspection<T>(selector: (s: InspectionState) => T): T {
  return useStore(inspectionStore, selector);
}

export function useRules<T>(selector: (s: RulesState) => T): T {
  return useStore(rulesStore, selector);
}

export function useUrlTry<T>(selector: (s: UrlTryState) => T): T {
  return useStore(urlTryStore, selector);
}

export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(simStore, selector);
}

export function useNetpol<T>(selector: (s: NetpolState) => T): T {
  return useStore(netpolStore, selector);
}

export function usePresent<T>(selector: (s: PresentState) => T): T {
  return useStore(presentStore, selector);
}

/** The current language's UI strings; components re-render when the language changes. */
export function useStrings(): Strings {
  return useStore(languageStore, (s) => stringsFor(s.lang));
}

/** The engine's explanations (hops, routing, graph labels) in the current language. */
export function useEngineText(): Translate {
  return useStore(languageStore, (s) => engineTextFor(s.lang));
}
