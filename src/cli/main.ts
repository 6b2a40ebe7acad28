// The `podwire` command: the engine from a terminal. Exit 0 ok, 1 input errors, 2 bad usage.
import {
  buildCluster,
  buildIngressRouteTable,
  createSimulation,
  nodeRules,
  parseManifests,
  traceRequest,
  type ProxyMode,
} from '../engine/index.ts';
import { parseArgs, type ParsedArgs } from './args.ts';
import { joinInputs, readInputs, type InputFile } from './input.ts';
import { dnsQuery, envLines, UsageError } from './verbs/cluster-queries.ts';
import { describeHuman, describeJson } from './verbs/describe.ts';
import { reach } from './verbs/reach.ts';
import { simulateHuman } from './verbs/simulate.ts';
import { traceHuman } from './verbs/trace.ts';
import { formatHuman, validateTexts } from './verbs/validate.ts';

const USAGE = `usage: podwire <verb> FILE... [options]

verbs:
  validate FILE...                          check manifests as the API server would
  describe FILE...                          the cluster the manifests build (nodes, pods, Services, endpoints)
  dns FILE... --from pod/NS/NAME --query NAME [--type A|AAAA|SRV|CNAME|PTR]
                                            a DNS lookup from a pod, through its resolv.conf
  env FILE... --pod NS/NAME                 the Service environment variables kubelet injects
  rules FILE... --node NAME [--proxy-mode iptables|ipvs|nftables|userspace] [--format save|restore]
                                            the node's kube-proxy rules as the real tools print them
  trace FILE... --from SRC --to URL|HOST:PORT [--proxy-mode M] [--seed N]
                                            one request, hop by hop; SRC is external, pod/NS/NAME or node/NAME
  simulate FILE... [--requests N] [--seed N] [--proxy-mode M]
                                            the Simulation document's traffic, N requests per flow (default 100)
  reach FILE... [--namespace NS] [--port P] [--protocol TCP|UDP|SCTP]
                                            the namespace's pods x pods under its NetworkPolicies
                                            (default: each destination's declared container ports)

options:
  --json             print one JSON document
  FILE may be - for standard input`;

const MODES: readonly string[] = ['iptables', 'ipvs', 'nftables', 'userspace'];

const write = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

function output(args: ParsedArgs, json: unknown, human: string): void {
  write(args.flags.has('json') ? JSON.stringify(json, null, 2) : human);
}

function flag(args: ParsedArgs, name: string, fallback?: string): string {
  const value = args.flags.get(name);
  if (typeof value === 'string') return value;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} is required`);
}

function proxyMode(args: ParsedArgs, fallback: ProxyMode): ProxyMode {
  const mode = flag(args, 'proxy-mode', fallback);
  if (!MODES.includes(mode)) throw new UsageError(`--proxy-mode must be one of ${MODES.join(', ')}`);
  return mode as ProxyMode;
}

function count(args: ParsedArgs, name: string, fallback: number): number {
  const text = flag(args, name, String(fallback));
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a non-negative integer`);
  return Number(text);
}

function run(args: ParsedArgs, inputs: InputFile[]): number {
  if (args.verb === 'validate') {
    const diagnostics = validateTexts(inputs);
    if (args.flags.has('json')) write(JSON.stringify({ diagnostics }, null, 2));
    else if (diagnostics.length > 0) write(formatHuman(diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const parsed = parseManifests(joinInputs(inputs));
  const model = buildCluster(parsed.objects);
  const failed = parsed.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  switch (args.verb) {
    case 'describe':
      output(args, describeJson(model), describeHuman(model));
      return failed;
    case 'dns': {
      const answer = dnsQuery(model, flag(args, 'from'), flag(args, 'query'), flag(args, 'type', 'A'));
      const human = [
        `;; ${answer.rcode} (tried ${answer.tried.join(', ')})`,
        ...answer.answers.map((a) => `${a.name}\t${a.type}\t${a.data}`),
      ].join('\n');
      output(args, answer, human);
      return failed;
    }
    case 'env': {
      const env = envLines(model, flag(args, 'pod'));
      output(args, env.json, env.text);
      return failed;
    }
    case 'rules': {
      const node = flag(args, 'node');
      if (!model.nodes.some((n) => n.name === node))
        throw new UsageError(
          `nodes "${node}" not found; nodes: ${model.nodes.map((n) => n.name).join(', ')}`,
        );
      const mode = flag(args, 'proxy-mode', model.settings.proxyMode);
      if (!MODES.includes(mode)) throw new UsageError(`--proxy-mode must be one of ${MODES.join(', ')}`);
      const format = flag(args, 'format', 'save');
      if (format !== 'save' && format !== 'restore') throw new UsageError('--format must be save or restore');
      const rules = nodeRules(model, node, mode as ProxyMode, format);
      output(args, rules, rules.text);
      return failed;
    }
    case 'trace': {
      const proxy = proxyMode(args, model.settings.proxyMode);
      const seed = count(args, 'seed', model.settings.seed);
      const table = model.ingresses.length > 0 ? buildIngressRouteTable(model, parsed.objects) : undefined;
      const answer = traceRequest(
        model,
        table,
        {
          from: flag(args, 'from'),
          to: flag(args, 'to'),
          proxyMode: proxy,
          seed,
        },
        parsed.objects,
      );
      if (!answer.ok) throw new UsageError(answer.error);
      output(args, answer.result, traceHuman(answer.result));
      return failed;
    }
    case 'simulate': {
      const sim = createSimulation(model, parsed.objects, {
        proxyMode: proxyMode(args, model.settings.proxyMode),
        seed: count(args, 'seed', model.settings.seed),
        requestsPerFlow: count(args, 'requests', 100),
        retain: 0,
      });
      sim.advance(Number.POSITIVE_INFINITY);
      const counters = sim.counters();
      output(args, { flows: counters.flows }, simulateHuman(counters));
      return failed;
    }
    case 'reach': {
      const answer = reach(model, parsed.objects, {
        namespace: flag(args, 'namespace', 'default'),
        port: args.flags.has('port') ? flag(args, 'port') : undefined,
        protocol: args.flags.has('protocol') ? flag(args, 'protocol') : undefined,
      });
      output(args, answer.json, answer.text);
      return failed;
    }
    default:
      throw new UsageError(`unknown verb "${args.verb ?? ''}"`);
  }
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.flags.has('help')) {
    write(USAGE);
    return 0;
  }
  try {
    if (
      !['validate', 'describe', 'dns', 'env', 'rules', 'trace', 'simulate', 'reach'].includes(args.verb ?? '')
    )
      throw new UsageError(`unknown verb "${args.verb ?? ''}"`);
    if (args.files.length === 0) throw new UsageError(`${args.verb ?? ''} needs at least one FILE`);
    let inputs: InputFile[];
    try {
      inputs = readInputs(args.files);
    } catch (e) {
      throw new UsageError(`cannot read input: ${(e as Error).message}`);
    }
    return run(args, inputs);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`podwire: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
