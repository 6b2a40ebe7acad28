// The `podwire` command: the engine from a terminal. Exit 0 ok, 1 input errors, 2 bad usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from './args.ts';
import { formatHuman, validateTexts } from './validate.ts';

const USAGE = `usage: podwire <verb> FILE... [options]

verbs:
  validate FILE...   check manifests as the API server would (file:line:col: severity: message)

options:
  --json             print one JSON document
  FILE may be - for standard input`;

function readInput(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.flags.has('help') || args.verb === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return args.verb === undefined && !args.flags.has('help') ? 2 : 0;
  }
  if (args.verb !== 'validate') {
    process.stderr.write(`podwire: unknown verb "${args.verb}"\n${USAGE}\n`);
    return 2;
  }
  if (args.files.length === 0) {
    process.stderr.write(`podwire: validate needs at least one FILE\n${USAGE}\n`);
    return 2;
  }
  const inputs: { name: string; text: string }[] = [];
  for (const file of args.files) {
    try {
      inputs.push({ name: file === '-' ? '<stdin>' : file, text: readInput(file) });
    } catch (e) {
      process.stderr.write(`podwire: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const diagnostics = validateTexts(inputs);
  if (args.flags.has('json')) process.stdout.write(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
  else if (diagnostics.length > 0) process.stdout.write(`${formatHuman(diagnostics)}\n`);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
