// Reading FILE arguments (`-` is standard input) and applying them as one `kubectl apply -f`.
import { readFileSync } from 'node:fs';

export interface InputFile {
  readonly name: string;
  readonly text: string;
}

export function readInputs(files: readonly string[]): InputFile[] {
  return files.map((file) => ({
    name: file === '-' ? '<stdin>' : file,
    text: readFileSync(file === '-' ? 0 : file, 'utf8'),
  }));
}

/** Several files are applied together, in order, as one text of documents. */
export function joinInputs(inputs: readonly InputFile[]): string {
  return inputs.map((i) => i.text.replace(/\n?$/, '\n')).join('---\n');
}
