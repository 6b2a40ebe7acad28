// Upstream's sortNFTablesTransaction (pkg/proxy/nftables/helpers_test.go), re-done: drop blank
// and `#` lines, order by object kind, then object name; rules keep their order within a chain.
const objectOrder: Record<string, number> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };

export function sortNFTablesTransaction(tx: string): string[] {
  const lines = tx.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return lines.sort((li, lj) => {
    const wi = li.split(' ');
    const wj = lj.split(' ');
    if (wi.length < 5 || wj.length < 5) return 0;
    const ti = wi[1] ?? '';
    const tj = wj[1] ?? '';
    if (ti !== tj) return (objectOrder[tj] ?? 0) - (objectOrder[ti] ?? 0);
    const ni = wi[4] ?? '';
    const nj = wj[4] ?? '';
    if (ni !== nj) return ni < nj ? -1 : 1;
    if (ti === 'rule') return 0;
    return li < lj ? -1 : li > lj ? 1 : 0;
  });
}
