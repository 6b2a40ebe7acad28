// What the share feature shows: a notice (a link that did not open, or one that replaced the
// user's text and can be undone) and the question asked before replacing the user's own text.

import { createStore } from 'zustand/vanilla';
import type { ShareErrorCode } from '../share/codec.ts';
import type { ShareSettings } from '../share/payload.ts';

/** A scenario arriving from a link or a file. */
export interface Opening {
  readonly text: string;
  readonly settings: ShareSettings | undefined;
}

export type ShareNotice =
  | {
      readonly kind: 'error';
      readonly code: ShareErrorCode;
      readonly detail?: string;
      readonly file?: boolean;
    }
  | { readonly kind: 'opened'; readonly restorable: boolean }
  | { readonly kind: 'restored' };

export interface ShareState {
  readonly notice: ShareNotice | undefined;
  /** Waiting for the user's answer: replace their own text with this? */
  readonly confirm: Opening | undefined;
}

export const shareStore = createStore<ShareState>(() => ({ notice: undefined, confirm: undefined }));

export function dismissShareNotice(): void {
  shareStore.setState({ notice: undefined });
}
