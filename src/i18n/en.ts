// English UI strings. Keys are stable; Korean joins with the classroom issue.
export const en = {
  appTitle: 'Podwire',
  tagline: 'Kubernetes networking, live',
  editorLabel: 'Manifests (YAML)',
  problems: 'Problems',
  noProblems: 'No problems',
  objects: 'Objects',
  noObjects: 'No objects yet: paste Kubernetes YAML into the editor.',
  notSimulated: 'not simulated',
  parsing: 'Reading…',
  storageUnavailable:
    'Your browser does not let Podwire save locally: your text will be lost on reload. Copy it somewhere safe.',
  editorLoading: 'Loading the editor…',
  staleNotice: 'The text has errors: showing the last good reading.',
} as const;

export type Strings = typeof en;
