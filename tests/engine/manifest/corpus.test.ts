import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/engine/index.ts';
import { sharedExists, sharedFiles } from '../../support/shared.ts';

// Manifests written by others: every file is read without an exception, every diagnostic is
// located inside the text, and the simulated kinds come out as objects.
describe.skipIf(!sharedExists())('the third-party corpus', () => {
  const files = sharedExists() ? sharedFiles('corpus', /\.ya?ml$/) : [];

  it('has the corpus files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [f.path, f.text] as const))('%s', (_path, text) => {
    const { objects, diagnostics } = parseManifests(text);
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const d of diagnostics) {
      expect(d.range.start.line).toBeGreaterThanOrEqual(1);
      expect(d.range.start.line).toBeLessThanOrEqual(lineCount);
      expect(d.message.length).toBeGreaterThan(0);
    }
    for (const o of objects) expect(o.kind.length).toBeGreaterThan(0);
  });

  it('reads the guestbook all-in-one as its six objects with no errors', () => {
    const guestbook = files.find((f) => f.path.endsWith('guestbook/all-in-one/guestbook-all-in-one.yaml'));
    const { objects, diagnostics } = parseManifests(guestbook?.text ?? '');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'Deployment',
      'Deployment',
      'Deployment',
      'Service',
      'Service',
      'Service',
    ]);
  });
});
