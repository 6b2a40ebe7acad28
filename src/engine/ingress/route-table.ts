// buildIngressRouteTable: ingress-nginx's nginx.conf for the applied Ingresses, as data. Mirrors
// ingress-nginx internal/ingress/controller/controller.go getConfiguration (createServers, then
// getBackendServers, then the template), servers sorted by hostname as the controller sorts them.

import type { ClusterModel } from '../cluster/types.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { classifyIngresses, CLASS_NAME, CONTROLLER_NAME } from './classes.ts';
import type { IngressDiagnostic } from './diagnostics.ts';
import { addRuleLocations } from './locations.ts';
import { createServers } from './servers.ts';
import { renderServer } from './template.ts';
import type { IngressRouteTable } from './types.ts';

/** The controller's Service (deploy/static/provider/kind): its LoadBalancer IP is every served Ingress's address. */
export const CONTROLLER_SERVICE = { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' } as const;

/** The route table ingress-nginx builds from the Ingresses it serves, with what it ignored and why. */
export function buildIngressRouteTable(
  model: ClusterModel,
  objects: readonly ManifestObject[],
): IngressRouteTable {
  const classified = classifyIngresses(model, objects);
  const diagnostics: IngressDiagnostic[] = [...classified.diagnostics];
  const drafts = createServers(classified.taken, objects, diagnostics);
  addRuleLocations(drafts, classified.taken, diagnostics);
  const servers = [...drafts.values()]
    .sort((a, b) => (a.host === b.host ? 0 : a.host < b.host ? -1 : 1))
    .map((s) => renderServer(s, diagnostics));
  const service = model.services.find(
    (s) => s.namespace === CONTROLLER_SERVICE.namespace && s.name === CONTROLLER_SERVICE.name,
  );
  return {
    controller: {
      className: CLASS_NAME,
      controllerName: CONTROLLER_NAME,
      address: service?.loadBalancerIPs[0],
      service: { namespace: CONTROLLER_SERVICE.namespace, name: CONTROLLER_SERVICE.name },
    },
    servers,
    served: classified.taken.map((i) => i.ref),
    ignored: classified.ignored,
    diagnostics: diagnostics.sort((a, b) => a.sourceIndex - b.sourceIndex),
  };
}
