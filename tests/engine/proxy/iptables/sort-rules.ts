// Upstream's canonical order for iptables-restore text (sortIPTablesRules, used by
// assertIPTablesRulesEqual in kubernetes pkg/proxy/iptables/proxier_test.go).

interface Table {
  name: string;
  chains: string[];
  rules: Map<string, string[]>;
}

function parseDump(text: string): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      current = { name: line.slice(1), chains: [], rules: new Map() };
      tables.push(current);
    } else if (line === 'COMMIT') current = undefined;
    else if (current && line.startsWith(':')) {
      const chain = line.slice(1).split(' ')[0] ?? '';
      current.chains.push(chain);
      current.rules.set(chain, current.rules.get(chain) ?? []);
    } else if (current && line.startsWith('-A ')) {
      const chain = line.split(' ')[1] ?? '';
      const list = current.rules.get(chain) ?? [];
      list.push(line);
      current.rules.set(chain, list);
      if (!current.chains.includes(chain)) current.chains.push(chain);
    } else throw new Error(`unexpected line: ${line}`);
  }
  return tables;
}

function chainRank(name: string): [number, string] {
  if (name === 'KUBE-NODEPORTS') return [0, ''];
  if (name === 'KUBE-SERVICES') return [1, ''];
  return [name.startsWith('KUBE-') ? 2 : 3, name];
}

/** The first --comment up to its first space or colon ("" when none). */
export function serviceName(rule: string): string {
  const m = /--comment (?:"([^"]*)"|(\S+))/.exec(rule);
  const comment = m?.[1] ?? m?.[2] ?? '';
  return comment.split(/[ :]/)[0] ?? '';
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortIPTablesRules(text: string): string {
  const tables = parseDump(text).sort((a, b) => cmp(a.name, b.name));
  const out: string[] = [];
  for (const t of tables) {
    const chains = [...t.chains].sort((a, b) => {
      const [ra, na] = chainRank(a);
      const [rb, nb] = chainRank(b);
      return ra !== rb ? ra - rb : cmp(na, nb);
    });
    out.push(`*${t.name}`);
    for (const c of chains) out.push(`:${c} - [0:0]`);
    for (const c of chains) {
      const rules = [...(t.rules.get(c) ?? [])];
      if (c === 'KUBE-NODEPORTS' || c === 'KUBE-SERVICES') {
        const last = (r: string): number => (r.includes('must be the last rule') ? 1 : 0);
        rules.sort((a, b) => last(a) - last(b) || cmp(serviceName(a), serviceName(b))); // Array#sort is stable
      }
      out.push(...rules);
    }
    out.push('COMMIT');
  }
  return `${out.join('\n')}\n`;
}
