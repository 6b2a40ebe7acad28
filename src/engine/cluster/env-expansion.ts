// Mirrors kubernetes third_party/forked/golang/expansion/expand.go: `$(VAR)` references in env
// values; `$$` escapes a `$`; an unknown or unclosed reference is kept as written.

/** Expands `$(NAME)` with `lookup`; `undefined` from lookup keeps the reference verbatim. */
export function expandEnvValue(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    if (next === '$') {
      out += '$';
      cursor += 1;
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close === -1) {
        out += '$(';
        cursor += 1;
      } else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        cursor = close;
      }
    } else {
      // A `$` that starts no reference is kept together with the character after it.
      out += `$${next ?? ''}`;
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
