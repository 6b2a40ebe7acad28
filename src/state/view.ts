// View state that is not the document: where the editor should jump (from the problems list).

import { createStore } from 'zustand/vanilla';

export interface JumpRequest {
  readonly line: number;
  readonly column: number;
  /** Changes on every request so jumping twice to the same place still moves the cursor. */
  readonly nonce: number;
}

export interface ViewState {
  readonly jump: JumpRequest | undefined;
}

export const viewStore = createStore<ViewState>(() => ({ jump: undefined }));

let nonce = 0;
export function jumpTo(line: number, column: number): void {
  viewStore.setState({ jump: { line, column, nonce: ++nonce } });
}
