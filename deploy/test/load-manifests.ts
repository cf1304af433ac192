import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = join(__dirname, '..', '..');
export const DEPLOY = join(ROOT, 'deploy');
export const BASE = join(DEPLOY, 'k8s', 'base');

/** A node of parsed YAML: the tests walk manifest fields freely; manifests-validate.test.ts checks their shape against kubernetes-models. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML has no static type
export type Yaml = any;

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; [k: string]: unknown }; [k: string]: Yaml };
export interface Doc {
  file: string;
  /** Repository-relative path, for readable failures. */
  rel: string;
  value: Yaml;
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every document of a YAML file; throws with the file name when it does not parse. */
export function readDocs(file: string): Doc[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  return docs.map((d) => {
    if (d.errors.length) throw new Error(`${relative(ROOT, file)}: ${d.errors.map((e) => e.message).join('; ')}`);
    return { file, rel: relative(ROOT, file), value: d.toJS() };
  });
}

export const isKustomization = (file: string) => /kustomization\.ya?ml$/.test(file);
export const isPatch = (file: string) => file.includes(`${join('k8s', 'overlays')}`) && file.includes(`${join('', 'patches', '')}`);

/** Kubernetes objects of the base (what every environment runs), by kind. */
export function baseObjects(): K8sObject[] {
  return yamlFiles(BASE)
    .filter((f) => !isKustomization(f))
    .flatMap(readDocs)
    .map((d) => d.value as K8sObject);
}

export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
export const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/k8s/base`);
  return found;
};
