// Words YAML syntax problems the way kubectl reports them (go-yaml via sigs.k8s.io/yaml:
// `error converting YAML to JSON: yaml: line N: …`), with a plain hint for learners.

import type { YAMLError } from 'yaml';

export interface DescribedError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function keyAt(text: string, offset: number): string {
  const match = /^\s*"?([^":\n]*)"?\s*:/.exec(text.slice(offset, offset + 256));
  return match?.[1]?.trim() ?? '';
}

export function describeYamlError(error: YAMLError, text: string): DescribedError {
  const line = lineOf(text, error.pos[0]);
  const prefix = `error converting YAML to JSON: yaml: line ${line}:`;
  const own = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return {
        code: 'yaml/tab-indent',
        message: `${prefix} found character that cannot start any token`,
        hint: 'A tab is used for indentation here. YAML allows only spaces for indentation: replace the tabs with spaces.',
      };
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, error.pos[0]);
      return {
        code: 'yaml/duplicate-key',
        message: `${prefix} key ${JSON.stringify(key)} already set in map`,
        hint:
          key === 'apiVersion' || key === 'kind'
            ? 'A second object starts here inside the same document: put a line with --- before it.'
            : 'The same key appears twice in one mapping; only one of them can count.',
      };
    }
    case 'TAG_RESOLVE_FAILED':
      return {
        code: 'yaml/tag',
        message: `${own}: Kubernetes ignores this tag and reads the value as plain data`,
        hint: 'Custom YAML tags (like !Ref or !!python/object) mean nothing to Kubernetes; nothing is executed.',
      };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        code: 'yaml/syntax',
        message: `${prefix} ${own}`,
        hint: 'Check the indentation and the brackets or quotes around this line.',
      };
    default:
      return { code: 'yaml/syntax', message: `${prefix} ${own}` };
  }
}
