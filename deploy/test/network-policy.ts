import type { K8sObject, Yaml } from './load-manifests';

/** A pod as NetworkPolicies see it: its namespace (with the namespace's labels) and its labels. */
export interface PodRef {
  namespace: string;
  namespaceLabels?: Record<string, string>;
  labels: Record<string, string>;
}

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** Kubernetes label-selector semantics (an empty selector matches everything). */
export function selects(selector: Selector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In': return key in labels && values.includes(labels[key]!);
      case 'NotIn': return !(key in labels) || !values.includes(labels[key]!);
      case 'Exists': return key in labels;
      case 'DoesNotExist': return !(key in labels);
    }
  });
  return byLabel && byExpression;
}

const nsLabels = (pod: PodRef) => ({ 'kubernetes.io/metadata.name': pod.namespace, ...pod.namespaceLabels });

/**
 * Whether `from` may open a TCP connection to `to` on `port` under `policies` (ingress rules only,
 * as NetworkPolicy v1 defines them): a pod no Ingress policy selects accepts everything; a selected
 * pod accepts what at least one selecting policy's rule allows.
 */
export function ingressAllowed(policies: K8sObject[], from: PodRef, to: PodRef, port: number): boolean {
  const selecting = policies.filter(
    (p) => (p.metadata.namespace ?? to.namespace) === to.namespace && (p.spec.policyTypes ?? ['Ingress']).includes('Ingress') && selects(p.spec.podSelector, to.labels),
  );
  if (!selecting.length) return true;
  return selecting.some((p) =>
    (p.spec.ingress ?? []).some((rule: Yaml) => {
      const portOk = !rule.ports?.length || rule.ports.some((r: { port?: number; protocol?: string }) => (r.protocol ?? 'TCP') === 'TCP' && (r.port === undefined || r.port === port));
      const peerOk = !rule.from?.length || rule.from.some((peer: { podSelector?: Selector; namespaceSelector?: Selector }) => {
        if (!peer.podSelector && !peer.namespaceSelector) return false; // ipBlock: not a pod peer
        const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(from)) : from.namespace === to.namespace;
        return nsOk && selects(peer.podSelector, from.labels);
      });
      return portOk && peerOk;
    }),
  );
}
