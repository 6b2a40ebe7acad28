// Table tests: one invalid object per rule, asserting the API server's exact message and path.

import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../src/engine/manifest/types.ts';
import { validateObject } from '../../../../src/engine/manifest/validate/index.ts';
import * as f from './fixtures.ts';
import {
  DNS1035,
  DNS_LABEL,
  LABEL_KEY_NAME,
  LABEL_VALUE,
  PORT_RANGE,
  SUBDOMAIN,
  text,
  withField as w,
} from './fixtures.ts';

type Case = readonly [
  title: string,
  body: JsonObject,
  expected: readonly (readonly [path: readonly (string | number)[], message: string])[],
];

const run = (body: JsonObject) => {
  const errs = validateObject(text(body['apiVersion']), text(body['kind']), body);
  return errs.map((e) => [e.path, e.message] as const);
};

const CASES: readonly Case[] = [
  // ObjectMeta
  [
    'name missing',
    w(f.pod, ['metadata', 'name'], undefined),
    [[['metadata', 'name'], 'metadata.name: Required value: name or generateName is required']],
  ],
  [
    'name not a subdomain',
    w(f.pod, ['metadata', 'name'], 'Node_JS'),
    [[['metadata', 'name'], `metadata.name: Invalid value: "Node_JS": ${SUBDOMAIN}`]],
  ],
  [
    'generateName may end in a dash but not be upper case',
    w(w(f.pod, ['metadata', 'name'], undefined), ['metadata', 'generateName'], 'Web-'),
    [[['metadata', 'generateName'], `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}`]],
  ],
  [
    'Korean label value',
    w(f.pod, ['metadata', 'labels', 'app'], '고래'),
    [[['metadata', 'labels'], `metadata.labels: Invalid value: "고래": ${LABEL_VALUE}`]],
  ],
  [
    '64-character label value',
    w(f.pod, ['metadata', 'labels', 'app'], 'a'.repeat(64)),
    [
      [
        ['metadata', 'labels'],
        `metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
      ],
    ],
  ],
  [
    'label key name part',
    w(f.pod, ['metadata', 'labels', '-app'], 'x'),
    [[['metadata', 'labels'], `metadata.labels: Invalid value: "-app": ${LABEL_KEY_NAME}`]],
  ],
  [
    'label key with two slashes',
    w(f.pod, ['metadata', 'labels', 'a/b/c'], 'x'),
    [
      [
        ['metadata', 'labels'],
        `metadata.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
  ],
  [
    'annotations over 256 KiB',
    w(f.pod, ['metadata', 'annotations'], { big: 'x'.repeat(262142) }),
    [[['metadata', 'annotations'], 'metadata.annotations: Too long: must have at most 262144 bytes']],
  ],
  [
    'namespace not a DNS label',
    w(f.pod, ['metadata', 'namespace'], 'Prod'),
    [[['metadata', 'namespace'], `metadata.namespace: Invalid value: "Prod": ${DNS_LABEL}`]],
  ],
  // Pod spec
  [
    'no containers',
    w(f.pod, ['spec', 'containers'], []),
    [[['spec', 'containers'], 'spec.containers: Required value']],
  ],
  [
    'container name missing',
    w(f.pod, ['spec', 'containers', 0, 'name'], undefined),
    [[['spec', 'containers', 0, 'name'], 'spec.containers[0].name: Required value']],
  ],
  [
    'container image missing',
    w(f.pod, ['spec', 'containers', 0, 'image'], undefined),
    [[['spec', 'containers', 0, 'image'], 'spec.containers[0].image: Required value']],
  ],
  [
    'duplicate container names',
    w(f.pod, ['spec', 'containers', 1], { ...f.container, ports: [] }),
    [[['spec', 'containers', 1, 'name'], 'spec.containers[1].name: Duplicate value: "web"']],
  ],
  [
    'containerPort missing',
    w(f.pod, ['spec', 'containers', 0, 'ports', 0], { name: 'http' }),
    [
      [
        ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
        'spec.containers[0].ports[0].containerPort: Required value',
      ],
    ],
  ],
  [
    'containerPort out of range',
    w(f.pod, ['spec', 'containers', 0, 'ports', 0, 'containerPort'], 70000),
    [
      [
        ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
        `spec.containers[0].ports[0].containerPort: Invalid value: 70000: ${PORT_RANGE}`,
      ],
    ],
  ],
  [
    'upper-case port name',
    w(f.pod, ['spec', 'containers', 0, 'ports', 0, 'name'], 'HTTP'),
    [
      [
        ['spec', 'containers', 0, 'ports', 0, 'name'],
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
      [
        ['spec', 'containers', 0, 'ports', 0, 'name'],
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    ],
  ],
  [
    'port name with consecutive hyphens',
    w(f.pod, ['spec', 'containers', 0, 'ports', 0, 'name'], 'http--alt'),
    [
      [
        ['spec', 'containers', 0, 'ports', 0, 'name'],
        'spec.containers[0].ports[0].name: Invalid value: "http--alt": must not contain consecutive hyphens',
      ],
    ],
  ],
  [
    'unsupported container port protocol',
    w(f.pod, ['spec', 'containers', 0, 'ports', 0, 'protocol'], 'HTTP'),
    [
      [
        ['spec', 'containers', 0, 'ports', 0, 'protocol'],
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
  ],
  [
    'env name with =',
    w(f.pod, ['spec', 'containers', 0, 'env'], [{ name: 'A=B', value: '1' }]),
    [
      [
        ['spec', 'containers', 0, 'env', 0, 'name'],
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ],
    ],
  ],
  [
    'env valueFrom without a source',
    w(f.pod, ['spec', 'containers', 0, 'env'], [{ name: 'HOST', valueFrom: {} }]),
    [
      [
        ['spec', 'containers', 0, 'env', 0, 'valueFrom'],
        'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    ],
  ],
  [
    'restartPolicy value',
    w(f.pod, ['spec', 'restartPolicy'], 'Sometimes'),
    [
      [
        ['spec', 'restartPolicy'],
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    ],
  ],
  [
    'hostPort used twice',
    w(
      f.pod,
      ['spec', 'containers'],
      [
        { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] },
      ],
    ),
    [
      [
        ['spec', 'containers', 1, 'ports', 0, 'hostPort'],
        'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
      ],
    ],
  ],
  // Service
  [
    'Service name is a DNS-1035 label',
    w(f.service, ['metadata', 'name'], 'Node-JS'),
    [[['metadata', 'name'], `metadata.name: Invalid value: "Node-JS": ${DNS1035}`]],
  ],
  [
    'Service name may not start with a digit',
    w(f.service, ['metadata', 'name'], '1st'),
    [[['metadata', 'name'], `metadata.name: Invalid value: "1st": ${DNS1035}`]],
  ],
  [
    'Service without ports',
    w(f.service, ['spec', 'ports'], []),
    [[['spec', 'ports'], 'spec.ports: Required value']],
  ],
  [
    'names required once there are two ports',
    w(f.service, ['spec', 'ports'], [{ name: 'http', port: 80 }, { port: 443 }]),
    [[['spec', 'ports', 1, 'name'], 'spec.ports[1].name: Required value']],
  ],
  [
    'duplicate Service port names',
    w(
      f.service,
      ['spec', 'ports'],
      [
        { name: 'http', port: 80 },
        { name: 'http', port: 81 },
      ],
    ),
    [[['spec', 'ports', 1, 'name'], 'spec.ports[1].name: Duplicate value: "http"']],
  ],
  [
    'duplicate Service port and protocol',
    w(
      f.service,
      ['spec', 'ports'],
      [
        { name: 'a', port: 80 },
        { name: 'b', port: 80, protocol: 'TCP' },
      ],
    ),
    [
      [
        ['spec', 'ports', 1],
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
  ],
  [
    'Service port missing',
    w(f.service, ['spec', 'ports', 0, 'port'], undefined),
    [[['spec', 'ports', 0, 'port'], `spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}`]],
  ],
  [
    'targetPort name is an IANA name',
    w(f.service, ['spec', 'ports', 0, 'targetPort'], 'web_port'),
    [
      [
        ['spec', 'ports', 0, 'targetPort'],
        'spec.ports[0].targetPort: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    ],
  ],
  [
    'headless NodePort',
    w(w(f.service, ['spec', 'type'], 'NodePort'), ['spec', 'clusterIP'], 'None'),
    [
      [
        ['spec', 'clusterIPs', 0],
        `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
      ],
    ],
  ],
  [
    'ExternalName without externalName',
    w(w(f.service, ['spec', 'type'], 'ExternalName'), ['spec', 'ports'], undefined),
    [[['spec', 'externalName'], 'spec.externalName: Required value']],
  ],
  [
    'ExternalName with a clusterIP',
    w(
      w(w(f.service, ['spec', 'type'], 'ExternalName'), ['spec', 'externalName'], 'db.example.com'),
      ['spec', 'clusterIP'],
      '10.96.0.10',
    ),
    [[['spec', 'clusterIPs'], 'spec.clusterIPs: Forbidden: may not be set for ExternalName services']],
  ],
  [
    'sessionAffinity value',
    w(f.service, ['spec', 'sessionAffinity'], 'Sticky'),
    [
      [
        ['spec', 'sessionAffinity'],
        'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
      ],
    ],
  ],
  [
    'Service type value',
    w(f.service, ['spec', 'type'], 'Internal'),
    [
      [
        ['spec', 'type'],
        'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    ],
  ],
  [
    'nodePort on a ClusterIP Service',
    w(f.service, ['spec', 'ports', 0, 'nodePort'], 30080),
    [
      [
        ['spec', 'ports', 0, 'nodePort'],
        "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
      ],
    ],
  ],
  [
    'externalTrafficPolicy on a ClusterIP Service',
    w(f.service, ['spec', 'externalTrafficPolicy'], 'Local'),
    [
      [
        ['spec', 'externalTrafficPolicy'],
        'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
      ],
    ],
  ],
  [
    'externalTrafficPolicy value',
    w(w(f.service, ['spec', 'type'], 'NodePort'), ['spec', 'externalTrafficPolicy'], 'Global'),
    [
      [
        ['spec', 'externalTrafficPolicy'],
        'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
      ],
    ],
  ],
  [
    'clusterIP not an IP',
    w(f.service, ['spec', 'clusterIP'], '10.0.0.300'),
    [
      [
        ['spec', 'clusterIPs', 0],
        'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ],
  ],
  [
    'Service selector value',
    w(f.service, ['spec', 'selector', 'app'], 'web app'),
    [[['spec', 'selector'], `spec.selector: Invalid value: "web app": ${LABEL_VALUE}`]],
  ],
  // Endpoints and EndpointSlice
  [
    'subset without addresses',
    w(f.endpoints, ['subsets', 0, 'addresses'], []),
    [[['subsets', 0], 'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']],
  ],
  [
    'loopback endpoint',
    w(f.endpoints, ['subsets', 0, 'addresses', 0, 'ip'], '127.0.0.1'),
    [
      [
        ['subsets', 0, 'addresses', 0, 'ip'],
        'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    ],
  ],
  [
    'unnamed endpoint ports',
    w(f.endpoints, ['subsets', 0, 'ports', 1], { port: 8443 }),
    [
      [['subsets', 0, 'ports', 0, 'name'], 'subsets[0].ports[0].name: Required value'],
      [['subsets', 0, 'ports', 1, 'name'], 'subsets[0].ports[1].name: Required value'],
    ],
  ],
  [
    'EndpointSlice addressType',
    w(f.endpointSlice, ['addressType'], 'IP4'),
    [[['addressType'], 'addressType: Unsupported value: "IP4": supported values: "FQDN", "IPv4", "IPv6"']],
  ],
  [
    'IPv6 address in an IPv4 slice',
    w(f.endpointSlice, ['endpoints', 0, 'addresses', 0], 'fd00::5'),
    [
      [
        ['endpoints', 0, 'addresses', 0],
        'endpoints[0].addresses[0]: Invalid value: "fd00::5": must be a valid IPv4 address',
      ],
    ],
  ],
  [
    'endpoint without addresses',
    w(f.endpointSlice, ['endpoints', 0, 'addresses'], []),
    [
      [
        ['endpoints', 0, 'addresses'],
        'endpoints[0].addresses: Required value: must contain at least 1 address',
      ],
    ],
  ],
  // Ingress and IngressClass
  [
    'pathType missing',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'], undefined),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'],
        'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
      ],
    ],
  ],
  [
    'Prefix path must be absolute',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'path'], 'api'),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'path'],
        'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      ],
    ],
  ],
  [
    'Exact path with //',
    w(
      w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'path'], '/a//b'),
      ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'],
      'Exact',
    ),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'path'],
        `spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain '//'`,
      ],
    ],
  ],
  [
    'pathType value',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'], 'Regex'),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'],
        'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
      ],
    ],
  ],
  [
    'backend port name and number',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port'], {
      name: 'http',
      number: 80,
    }),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'],
        'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
      ],
    ],
  ],
  [
    'backend port missing',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port'], undefined),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'backend'],
        'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
      ],
    ],
  ],
  [
    'backend service name',
    w(f.ingress, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'name'], 'Whale'),
    [
      [
        ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'name'],
        `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Whale": ${DNS1035}`,
      ],
    ],
  ],
  [
    'double wildcard host',
    w(f.ingress, ['spec', 'rules', 0, 'host'], '*.*.whale.hey'),
    [
      [
        ['spec', 'rules', 0, 'host'],
        `spec.rules[0].host: Invalid value: "*.*.whale.hey": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
  ],
  [
    'IP as host',
    w(f.ingress, ['spec', 'rules', 0, 'host'], '10.0.0.1'),
    [
      [
        ['spec', 'rules', 0, 'host'],
        'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      ],
    ],
  ],
  [
    'neither rules nor defaultBackend',
    w(f.ingress, ['spec', 'rules'], undefined),
    [
      [
        ['spec'],
        'spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
      ],
    ],
  ],
  [
    'IngressClass controller missing',
    w(f.ingressClass, ['spec', 'controller'], undefined),
    [[['spec', 'controller'], 'spec.controller: Required value']],
  ],
  [
    'IngressClass controller not domain-prefixed',
    w(f.ingressClass, ['spec', 'controller'], 'nginx'),
    [
      [
        ['spec', 'controller'],
        'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
      ],
    ],
  ],
  // NetworkPolicy
  [
    'empty peer',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'from', 0], {}),
    [[['spec', 'ingress', 0, 'from', 0], 'spec.ingress[0].from[0]: Required value: must specify a peer']],
  ],
  [
    'ipBlock with another peer',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'from', 0, 'ipBlock'], { cidr: '10.0.0.0/8' }),
    [
      [
        ['spec', 'ingress', 0, 'from', 0],
        'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
      ],
    ],
  ],
  [
    'except outside cidr',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'from', 0], {
      ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] },
    }),
    [
      [
        ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'except', 0],
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`',
      ],
    ],
  ],
  [
    'ipBlock cidr with host bits (GetWarningsForCIDR)',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'from', 0], { ipBlock: { cidr: '192.168.242.213/24' } }),
    [
      [
        ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'cidr'],
        'spec.ingress[0].from[0].ipBlock.cidr: CIDR value "192.168.242.213/24" is ambiguous in this context (should be "192.168.242.0/24" or "192.168.242.213/32"?)',
      ],
    ],
  ],
  [
    'ipBlock except with leading zeros (GetWarningsForCIDR)',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'from', 0], {
      ipBlock: { cidr: '10.0.0.0/8', except: ['010.1.0.0/16'] },
    }),
    [
      [
        ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'except', 0],
        'spec.ingress[0].from[0].ipBlock.except[0]: non-standard CIDR value "010.1.0.0/16" will be considered invalid in a future Kubernetes release: use "10.1.0.0/16"',
      ],
    ],
  ],
  [
    'policyTypes value',
    w(f.networkPolicy, ['spec', 'policyTypes'], ['Both']),
    [
      [
        ['spec', 'policyTypes', 0],
        'spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"',
      ],
    ],
  ],
  [
    'endPort below port',
    w(f.networkPolicy, ['spec', 'ingress', 0, 'ports', 0, 'endPort'], 79),
    [
      [
        ['spec', 'ingress', 0, 'ports', 0, 'endPort'],
        'spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`',
      ],
    ],
  ],
  [
    'selector operator',
    w(f.networkPolicy, ['spec', 'podSelector'], {
      matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }],
    }),
    [
      [
        ['spec', 'podSelector', 'matchExpressions', 0, 'operator'],
        'spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    ],
  ],
  // Workloads
  [
    'RC selector does not match template labels',
    w(f.replicationController, ['spec', 'template', 'metadata', 'labels'], { app: 'x' }),
    [
      [
        ['spec', 'template', 'metadata', 'labels'],
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
      ],
    ],
  ],
  [
    'Deployment selector mismatch prints sorted labels',
    w(f.deployment, ['spec', 'template', 'metadata', 'labels'], { tier: 'web', app: 'api' }),
    [
      [
        ['spec', 'template', 'metadata', 'labels'],
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"web"}: `selector` does not match template `labels`',
      ],
    ],
  ],
  [
    'Deployment selector missing',
    w(f.deployment, ['spec', 'selector'], undefined),
    [[['spec', 'selector'], 'spec.selector: Required value']],
  ],
  [
    'empty Deployment selector',
    w(f.deployment, ['spec', 'selector'], {}),
    [
      [
        ['spec', 'selector'],
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    ],
  ],
  [
    'empty StatefulSet selector',
    w(f.statefulSet, ['spec', 'selector'], { matchLabels: {} }),
    [
      [
        ['spec', 'selector'],
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
      ],
    ],
  ],
  [
    'DaemonSet template restartPolicy',
    w(f.daemonSet, ['spec', 'template', 'spec', 'restartPolicy'], 'Never'),
    [
      [
        ['spec', 'template', 'spec', 'restartPolicy'],
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      ],
    ],
  ],
  [
    'negative replicas',
    w(f.deployment, ['spec', 'replicas'], -1),
    [[['spec', 'replicas'], 'spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
  ],
  [
    'maxSurge and maxUnavailable both 0',
    w(f.deployment, ['spec', 'strategy'], {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 0, maxUnavailable: 0 },
    }),
    [
      [
        ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
      ],
    ],
  ],
  // Namespace, Node, ResourceQuota
  [
    'Namespace name is a DNS label',
    w(f.namespace, ['metadata', 'name'], 'test.env'),
    [[['metadata', 'name'], 'metadata.name: Invalid value: "test.env": must not contain dots']],
  ],
  [
    'taint effect',
    w(f.node, ['spec', 'taints', 0, 'effect'], 'NoRun'),
    [
      [
        ['metadata', 'taints', 0, 'effect'],
        'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
  ],
  [
    'node podCIDR',
    w(f.node, ['spec', 'podCIDR'], '10.244.1.0/33'),
    [
      [
        ['spec', 'podCIDRs', 0],
        'spec.podCIDRs[0]: Invalid value: "10.244.1.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    ],
  ],
  [
    'fractional pod quota',
    w(f.resourceQuota, ['spec', 'hard', 'pods'], '1.5'),
    [[['spec', 'hard[pods]'], 'spec.hard[pods]: Invalid value: 1500m: must be an integer']],
  ],
  [
    'unknown quota resource',
    w(f.resourceQuota, ['spec', 'hard', 'cpus'], '1'),
    [
      [
        ['spec', 'hard[cpus]'],
        'spec.hard[cpus]: Invalid value: cpus: must be a standard resource type or fully qualified',
      ],
      [['spec', 'hard[cpus]'], 'spec.hard[cpus]: Invalid value: cpus: must be a standard resource for quota'],
    ],
  ],
  [
    'negative quota',
    w(f.resourceQuota, ['spec', 'hard', 'requests.cpu'], '-1'),
    [
      [
        ['spec', 'hard[requests.cpu]'],
        'spec.hard[requests.cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    ],
  ],
  // Simulation
  [
    'proxyMode',
    w(f.simulation, ['spec', 'cluster', 'proxyMode'], 'ebpf'),
    [
      [
        ['spec', 'cluster', 'proxyMode'],
        'spec.cluster.proxyMode: Unsupported value: "ebpf": supported values: "iptables", "ipvs", "nftables", "userspace"',
      ],
    ],
  ],
  [
    'node count',
    w(f.simulation, ['spec', 'cluster', 'nodes'], 0),
    [
      [
        ['spec', 'cluster', 'nodes'],
        'spec.cluster.nodes: Invalid value: 0: must be between 1 and 100, inclusive',
      ],
    ],
  ],
  [
    'node name',
    w(f.simulation, ['spec', 'cluster', 'nodes', 1], 'Node_2'),
    [[['spec', 'cluster', 'nodes', 1], `spec.cluster.nodes[1]: Invalid value: "Node_2": ${SUBDOMAIN}`]],
  ],
  [
    'duplicate node name',
    w(f.simulation, ['spec', 'cluster', 'nodes', 1], 'node-1'),
    [[['spec', 'cluster', 'nodes', 1], 'spec.cluster.nodes[1]: Duplicate value: "node-1"']],
  ],
  [
    'serviceCIDR',
    w(f.simulation, ['spec', 'cluster', 'serviceCIDR'], '10.96.0.0'),
    [
      [
        ['spec', 'cluster', 'serviceCIDR'],
        'spec.cluster.serviceCIDR: Invalid value: "10.96.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    ],
  ],
  [
    'nodePortRange',
    w(f.simulation, ['spec', 'cluster', 'nodePortRange'], '30000'),
    [
      [
        ['spec', 'cluster', 'nodePortRange'],
        `spec.cluster.nodePortRange: Invalid value: "30000": must be a port range of the form 'A-B' (e.g. '30000-32767')`,
      ],
    ],
  ],
  [
    'seed',
    w(f.simulation, ['spec', 'seed'], 1.5),
    [[['spec', 'seed'], 'spec.seed: Invalid value: 1.5: must be an integer']],
  ],
  [
    'traffic from',
    w(f.simulation, ['spec', 'traffic', 0, 'from'], 'pods/test/utility'),
    [
      [
        ['spec', 'traffic', 0, 'from'],
        `spec.traffic[0].from: Invalid value: "pods/test/utility": must be 'external', 'pod/NAMESPACE/NAME' or 'node/NAME'`,
      ],
    ],
  ],
  [
    'traffic to',
    w(f.simulation, ['spec', 'traffic', 0, 'to'], 'a.whale.hey'),
    [
      [
        ['spec', 'traffic', 0, 'to'],
        `spec.traffic[0].to: Invalid value: "a.whale.hey": must be a URL (e.g. 'http://a.example.com/') or HOST:PORT (e.g. 'my-svc.default:80')`,
      ],
    ],
  ],
  [
    'traffic rate',
    w(f.simulation, ['spec', 'traffic', 0, 'rate'], 0),
    [[['spec', 'traffic', 0, 'rate'], 'spec.traffic[0].rate: Invalid value: 0: must be greater than zero']],
  ],
];

describe('validateObject: one invalid object per rule', () => {
  it.each(CASES)('%s', (_title, body, expected) => {
    expect(run(body)).toEqual(expected.map(([path, message]) => [path, message]));
  });
});

describe('validateObject: valid fixtures', () => {
  it.each(f.ALL_VALID)('$kind has no errors', (body) => {
    expect(run(body)).toEqual([]);
  });
});
