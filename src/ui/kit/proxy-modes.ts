// kube-proxy's modes, in the order the selectors list them (Kubernetes spelling).
import type { ProxyMode } from '../../engine/index.ts';

export const PROXY_MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];
