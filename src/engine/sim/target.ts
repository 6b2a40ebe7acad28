// What `trace --to` names: a URL (`http://host[:port]/path`) or `HOST:PORT`.

export interface TraceTarget {
  readonly scheme: 'http' | 'https' | undefined;
  /** As written, lower-cased: a name or an IPv4 address. */
  readonly host: string;
  readonly port: number;
  /** `/` when the URL has none; the query string is kept apart. */
  readonly path: string;
  readonly query: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export const isIPv4 = (text: string): boolean =>
  IPV4.test(text) && text.split('.').every((p) => Number(p) <= 255);

/** Reads `--to`; undefined when it is neither a URL nor HOST:PORT. */
export function parseTraceTarget(text: string): TraceTarget | undefined {
  const url = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(\?[^#]*)?/i.exec(text.trim());
  if (url) {
    const scheme = (url[1] ?? 'http').toLowerCase() as 'http' | 'https';
    const port = url[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(url[3]);
    if (!(port >= 1 && port <= 65535)) return undefined;
    const path = url[4] === undefined || url[4] === '' ? '/' : url[4];
    return { scheme, host: (url[2] ?? '').toLowerCase(), port, path, query: url[5] ?? '' };
  }
  const hostPort = /^([^/:\s]+):(\d+)$/.exec(text.trim());
  if (hostPort) {
    const port = Number(hostPort[2]);
    if (!(port >= 1 && port <= 65535)) return undefined;
    return { scheme: undefined, host: (hostPort[1] ?? '').toLowerCase(), port, path: '/', query: '' };
  }
  return undefined;
}
