// Command-line arguments: `<verb> FILE... [--flag [value]]`. Small on purpose.

export interface ParsedArgs {
  readonly verb: string | undefined;
  readonly files: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'node',
  'proxy-mode',
  'format',
  'from',
  'to',
  'query',
  'type',
  'pod',
  'seed',
  'requests',
  'namespace',
  'port',
  'protocol',
]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  let verb: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (VALUE_FLAGS.has(name) && i + 1 < argv.length) flags.set(name, argv[++i] ?? '');
      else flags.set(name, true);
    } else if (verb === undefined) verb = arg;
    else files.push(arg);
  }
  return { verb, files, flags };
}
