// A small Gherkin reader for the ingress conformance features: Feature, Background, Scenario,
// Scenario Outline with Examples tables, doc strings and data tables. Outlines are expanded, one
// scenario per Examples row, `<column>` replaced in step text, doc strings and tables.

export interface Step {
  readonly keyword: string;
  readonly text: string;
  readonly docString: string | undefined;
  readonly table: readonly (readonly string[])[] | undefined;
  readonly line: number;
}

export interface Scenario {
  readonly name: string;
  readonly steps: readonly Step[];
  /** The Background's steps, run before `steps`. */
  readonly background: readonly Step[];
  readonly line: number;
  /** True when this came from a Scenario Outline without an Examples table (see the runner). */
  readonly outlineWithoutExamples: boolean;
}

export interface Feature {
  readonly name: string;
  readonly scenarios: readonly Scenario[];
}

interface Block {
  kind: 'background' | 'scenario' | 'outline';
  name: string;
  line: number;
  steps: MutableStep[];
  examples: string[][] | undefined;
}

interface MutableStep {
  keyword: string;
  text: string;
  docString: string | undefined;
  table: string[][] | undefined;
  line: number;
}

const STEP = /^(Given|When|Then|And|But|\*)\s+(.*)$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Parses one .feature file; throws on a line it does not understand. */
export function parseFeature(text: string): Feature {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let name = '';
  const blocks: Block[] = [];
  let block: Block | undefined;
  let inExamples = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('@')) continue;
    const header =
      /^(Feature|Background|Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios):\s*(.*)$/.exec(
        line,
      );
    if (header) {
      const [, keyword = '', title = ''] = header;
      if (keyword === 'Feature') name = title;
      else if (keyword === 'Examples' || keyword === 'Scenarios') {
        if (!block || block.kind !== 'outline')
          throw new Error(`line ${String(i + 1)}: Examples outside a Scenario Outline`);
        block.examples = [];
        inExamples = true;
      } else {
        const kind =
          keyword === 'Background' ? 'background' : keyword.startsWith('Scenario ') ? 'outline' : 'scenario';
        block = { kind, name: title, line: i + 1, steps: [], examples: undefined };
        blocks.push(block);
        inExamples = false;
      }
      continue;
    }
    if (!block) continue; // the Feature's free-form description
    if (line.startsWith('"""') || line.startsWith('```')) {
      const fence = line.slice(0, 3);
      const indent = raw.indexOf(fence);
      const body: string[] = [];
      for (i++; i < lines.length && (lines[i] ?? '').trim() !== fence; i++) {
        const l = lines[i] ?? '';
        body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
      }
      const step = block.steps.at(-1);
      if (!step) throw new Error(`line ${String(i + 1)}: doc string without a step`);
      step.docString = body.join('\n');
      continue;
    }
    if (line.startsWith('|')) {
      if (inExamples && block.examples) block.examples.push(cells(line));
      else {
        const step = block.steps.at(-1);
        if (!step) throw new Error(`line ${String(i + 1)}: table without a step`);
        (step.table ??= []).push(cells(line));
      }
      continue;
    }
    const step = STEP.exec(line);
    if (step) {
      block.steps.push({
        keyword: step[1] ?? '',
        text: step[2] ?? '',
        docString: undefined,
        table: undefined,
        line: i + 1,
      });
      continue;
    }
    if (block.steps.length === 0) continue; // a scenario's description line
    throw new Error(`line ${String(i + 1)}: not Gherkin: ${line}`);
  }
  return { name, scenarios: expand(blocks) };
}

function fill(text: string, row: ReadonlyMap<string, string>): string {
  return text.replace(/<([^<>]+)>/g, (whole, key: string) => row.get(key) ?? whole);
}

function expand(blocks: readonly Block[]): Scenario[] {
  const background = blocks.find((b) => b.kind === 'background')?.steps ?? [];
  const out: Scenario[] = [];
  for (const b of blocks) {
    if (b.kind === 'background') continue;
    const [head, ...rows] = b.examples ?? [];
    if (b.kind === 'scenario' || !head) {
      out.push({
        name: b.name,
        steps: b.steps,
        background,
        line: b.line,
        outlineWithoutExamples: b.kind === 'outline',
      });
      continue;
    }
    rows.forEach((row, r) => {
      const values = new Map(head.map((key, k) => [key, row[k] ?? '']));
      const label = head.map((key) => `${key}=${values.get(key) ?? ''}`).join(', ');
      out.push({
        name: `${fill(b.name, values)} [${String(r + 1)}: ${label}]`,
        steps: b.steps.map((s) => ({
          ...s,
          text: fill(s.text, values),
          docString: s.docString === undefined ? undefined : fill(s.docString, values),
          table: s.table?.map((cellsRow) => cellsRow.map((c) => fill(c, values))),
        })),
        background,
        line: b.line,
        outlineWithoutExamples: false,
      });
    });
  }
  return out;
}
