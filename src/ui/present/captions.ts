// One plain sentence per hop for the captions (and screen readers): who picked which pod and the
// odds, where a packet arrived. Pure: the words come from the language's `present.hop` table.
import type { HopPick, SimHop } from '../../engine/index.ts';
import type { Strings } from '../../i18n/index.ts';

/** `node/node-1` → `node-1`, `pod/NS/NAME` → `NS/NAME`, `external/client` → `client`. */
export function placeName(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(slash + 1);
}

/** The odds as a teacher says them: `1/2` when they are one in n, else two decimals. */
export function oddsText(pick: HopPick): string {
  const p = pick.probability;
  if (p === undefined) return pick.of !== undefined ? `1/${String(pick.of)}` : '?';
  const n = Math.round(1 / p);
  return n >= 1 && Math.abs(p - 1 / n) < 1e-6 ? `1/${String(n)}` : p.toFixed(2);
}

function pickSentence(t: Strings['present']['hop'], where: string, pick: HopPick): string {
  if (pick.how === 'sticky') return t.sticky(where, pick.pod);
  if (pick.how === 'scheduler') return t.scheduler(where, pick.pod);
  if (pick.of === 1) return t.only(where, pick.pod);
  if (pick.how === 'round-robin') return t.roundRobin(where, pick.pod, pick.of ?? 1);
  return t.random(where, pick.pod, oddsText(pick));
}

function plain(t: Strings['present']['hop'], hop: SimHop, where: string, kinds: Strings['hopKinds']): string {
  const kind = kinds[hop.kind] ?? hop.kind;
  switch (hop.kind) {
    case 'kube-proxy':
      return hop.pick ? pickSentence(t, where, hop.pick) : t.proxyFailed(where);
    case 'proxy':
      return hop.pick ? t.ingress(hop.pick.pod, hop.pick.of ?? 1) : t.other(where, kind);
    case 'send':
      return t.send(where);
    case 'deliver':
      return t.deliver(where);
    case 'respond':
      return t.respond(where);
    case 'receive':
      return t.receive(where);
    case 'policy':
      return t.policy(where, hop.status === 'ok');
    case 'ingress':
      return t.ingressRoute(where);
    case 'dns-query':
    case 'resolve':
      return t.dns(where);
    default:
      return t.other(where, kind);
  }
}

/** The caption for `hop` in the language of `strings`. */
export function captionOf(strings: Strings, hop: SimHop): string {
  const t = strings.present.hop;
  const where = placeName(hop.kind === 'kube-proxy' ? hop.to : hop.where);
  let sentence = plain(t, hop, where, strings.hopKinds);
  // A kube-proxy stop already says it failed.
  if (hop.status === 'failed' && !(hop.kind === 'kube-proxy' && !hop.pick)) sentence = t.failed(sentence);
  if (hop.reply) sentence = t.reply(sentence);
  return sentence;
}
