import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/engine/index.ts';
import { seedYamlBlocks, sharedExists } from '../../support/shared.ts';

// Every YAML example of the study note, read as kubectl would read it: the exact diagnostics.
// Two examples paste two files into one block without `---`: kubectl refuses those too.

type Row = [severity: string, line: number, column: number, message: string];

const duplicateKeys = (first: number, hasSecondKind = true): Row[] => [
  [
    'error',
    first,
    1,
    `error converting YAML to JSON: yaml: line ${first}: key "apiVersion" already set in map`,
  ],
  ...(hasSecondKind
    ? ([
        [
          'error',
          first + 1,
          1,
          `error converting YAML to JSON: yaml: line ${first + 1}: key "kind" already set in map`,
        ],
      ] as Row[])
    : []),
  [
    'error',
    first + 2,
    1,
    `error converting YAML to JSON: yaml: line ${first + 2}: key "metadata" already set in map`,
  ],
  [
    'error',
    first + 6,
    1,
    `error converting YAML to JSON: yaml: line ${first + 6}: key "spec" already set in map`,
  ],
];

const legacy = (version: string, line: number): Row => [
  'info',
  line,
  13,
  `${version} Ingress is no longer served (removed in Kubernetes 1.22); Podwire reads it as networking.k8s.io/v1:`,
];

const expected: Record<string, { objects: string[]; diagnostics: Row[] }> = {
  '1: nodejs-service-intenal.yaml': { objects: ['Service/node-js-internal'], diagnostics: [] },
  '2: nodejs-service-nodeport.yaml': { objects: ['Service/node-js-nodeport'], diagnostics: [] },
  '3: nodejs-labels-service.yaml': { objects: ['Service/node-js-labels'], diagnostics: [] },
  '4: nodejs-customPort-controller.yaml': { objects: [], diagnostics: duplicateKeys(24) },
  '5: nodejs-multi-controller.yaml': { objects: [], diagnostics: duplicateKeys(25) },
  '6: test-ingress': {
    objects: ['Ingress/test-ingress'],
    diagnostics: [legacy('networking.k8s.io/v1beta1', 1)],
  },
  '7: simple-fanout-example': {
    objects: ['Ingress/simple-fanout-example'],
    diagnostics: [legacy('networking.k8s.io/v1beta1', 1)],
  },
  '8: whale-rcs.yaml': {
    objects: ['ReplicationController/whale-ingress-a', 'ReplicationController/whale-ingress-b'],
    diagnostics: [],
  },
  '9: whale-svcs-yaml': {
    objects: ['Service/whale-svc-a', 'Service/whale-svc-b', 'Service/whale-svc-default'],
    diagnostics: [],
  },
  '10: whale-ingress.yaml': {
    objects: ['Ingress/whale-ingress'],
    diagnostics: [legacy('extensions/v1beta1', 2)],
  },
  '11: custom-service': {
    objects: [],
    diagnostics: [
      [
        'error',
        4,
        1,
        'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
      ],
    ],
  },
  '12: custom-service': {
    objects: ['Endpoints/custom-service'],
    diagnostics: [
      ['error', 7, 9, 'subsets[0].addresses[0].ip: Invalid value: "<x.x.x.x>": must be a valid IP address'],
      [
        'error',
        7,
        9,
        'subsets[0].addresses[0].ip: Invalid value: "<x.x.x.x>": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
      ['error', 11, 5, 'strict decoding error: unknown field "subsets[0].ports[0].targetPort"'],
    ],
  },
  '13: nodejs-headless-service.yaml': { objects: ['Service/node-js-none'], diagnostics: [] },
  '14: test-ns.yaml': { objects: ['Namespace/test'], diagnostics: [] },
  '15: ns-pod.yaml': { objects: ['Pod/utility'], diagnostics: [] },
  '16: quota.yaml': { objects: ['ResourceQuota/test-quotas'], diagnostics: [] },
};

describe.skipIf(!sharedExists())('the study note examples', () => {
  const blocks = sharedExists() ? seedYamlBlocks() : [];

  it('has the 16 examples this table covers', () => {
    expect(blocks.map((b) => b.title)).toEqual(Object.keys(expected));
  });

  for (const block of blocks) {
    it(`reads example ${block.title}`, () => {
      const want = expected[block.title];
      const { objects, diagnostics } = parseManifests(block.text);
      expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(want?.objects);
      const got = diagnostics
        .map((d): Row => [
          d.severity,
          d.range.start.line,
          d.range.start.column,
          d.message.split('\n')[0] ?? '',
        ])
        .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3]));
      expect(got).toEqual(want?.diagnostics);
    });
  }

  it('explains the tabs and the missing --- in plain words', () => {
    const byTitle = new Map(blocks.map((b) => [b.title, parseManifests(b.text).diagnostics]));
    expect(byTitle.get('11: custom-service')?.[0]?.hint).toBe(
      'A tab is used for indentation here. YAML allows only spaces for indentation: replace the tabs with spaces. (5 more lines below are indented with tabs.)',
    );
    expect(byTitle.get('4: nodejs-customPort-controller.yaml')?.[0]?.hint).toBe(
      'A second object starts here inside the same document: put a line with --- before it.',
    );
  });

  it('shows the v1 form of a legacy Ingress', () => {
    const fanout = blocks.find((b) => b.title === '7: simple-fanout-example');
    const info = parseManifests(fanout?.text ?? '').diagnostics[0]?.message ?? '';
    expect(info).toContain(`rules:
    - host: foo.bar.com
      http:
        paths:
          - path: /foo
            backend:
              service:
                name: service1
                port:
                  number: 4200
            pathType: ImplementationSpecific`);
  });
});
