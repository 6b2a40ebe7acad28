// Test helpers: fixtures are real YAML files beside the tests, built as the CLI would.
import { readFileSync } from 'node:fs';
import { buildCluster, parseManifests, type ClusterModel } from '../../../src/engine/index.ts';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export function build(text: string): ClusterModel {
  return buildCluster(parseManifests(text).objects);
}

export const userPods = (m: ClusterModel) => m.pods.filter((p) => p.system === undefined);

export const pod = (m: ClusterModel, namespace: string, name: string) =>
  m.pods.find((p) => p.namespace === namespace && p.name === name);

export const service = (m: ClusterModel, namespace: string, name: string) =>
  m.services.find((s) => s.namespace === namespace && s.name === name);
