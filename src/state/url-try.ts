// "Try a URL": the last URL asked of the worker's ingress route table and its answer. The URL
// typed stays across readings; the answer is asked again when the reading changes.

import { createStore } from 'zustand/vanilla';
import { tryUrlInWorker, type UrlAnswer, type UrlCandidate } from '../worker/client.ts';
import { highlightPath } from './view.ts';

export interface UrlTryState {
  readonly url: string;
  /** `REVISION:URL` of the answer held (or being fetched). */
  readonly key: string | undefined;
  readonly answer: UrlAnswer | undefined;
  readonly loading: boolean;
}

export const urlTryStore = createStore<UrlTryState>(() => ({
  url: '',
  key: undefined,
  answer: undefined,
  loading: false,
}));

export function setTryUrl(url: string): void {
  urlTryStore.setState({ url });
}

/** Asks where `url` goes in reading `revision`, and lights up the path it takes. */
export function tryUrl(revision: number, url: string): void {
  const key = `${revision}:${url}`;
  urlTryStore.setState({ url, key, loading: true });
  void tryUrlInWorker(revision, url).then((answer) => {
    if (urlTryStore.getState().key !== key || answer === undefined) return;
    urlTryStore.setState({ answer, loading: false });
    highlightPath(answer.ok ? answer.pathIds : []);
  });
}

export type { UrlAnswer, UrlCandidate };
