import type { IacRule } from '../../types.js';
import { capabilitiesNotDropped, dangerousCapabilities } from './capabilities.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPath } from './host-path.js';
import { latestImage } from './latest-image.js';
import { privilegeEscalation } from './privilege-escalation.js';
import { privileged } from './privileged.js';
import { readOnlyRoot } from './read-only-root.js';
import { resourceLimits } from './resource-limits.js';
import { runAsNonRootUnset, runAsRoot } from './run-as-root.js';
import { defaultServiceAccount } from './service-account.js';

export const KUBERNETES_RULES: readonly IacRule[] = [
  privileged,
  hostNamespaces,
  resourceLimits,
  runAsRoot,
  runAsNonRootUnset,
  readOnlyRoot,
  hostPath,
  dangerousCapabilities,
  capabilitiesNotDropped,
  privilegeEscalation,
  defaultServiceAccount,
  latestImage,
];
