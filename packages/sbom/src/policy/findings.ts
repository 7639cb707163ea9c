import { assignFingerprints, type Finding, type PackageLocation, type RawFinding, type Severity } from '@rampart/core';
import { mergePackages, type Inventory, type Package } from '@rampart/inventory';
import { joinLicenses } from '../licenses.js';
import { evaluateExpression, type LicensePolicy } from './evaluate.js';

export const LICENSE_TOOL_NAME = 'rampart-sbom';

export const LICENSE_RULES = {
  denied: 'license-denied',
  notAllowed: 'license-not-allowed',
  unknown: 'license-unknown',
} as const;

function locationOf(p: Package): PackageLocation {
  const file = p.locations[0];
  return {
    type: 'package',
    name: p.name,
    version: p.version,
    ecosystem: p.ecosystem,
    purl: p.purl,
    ...(file !== undefined ? { file } : {}),
  };
}

function identifiers(ids: readonly string[]): RawFinding['identifiers'] {
  return ids.map((id) =>
    /^LicenseRef-/i.test(id)
      ? { type: 'license', value: id }
      : { type: 'license', value: id, url: `https://spdx.org/licenses/${id}.html` },
  );
}

const HELP = {
  denied:
    'The license policy (`license-policy.deny` in `.rampart.yml`) forbids this license. Replace the package, pick an ' +
    'alternative license where it offers one, or record an exception with an `ignore` entry and a reason.',
  notAllowed:
    'The license policy allows only the licenses in `license-policy.allow`. Have the license reviewed and add it ' +
    'to the allow list, or replace the package.',
  unknown:
    'No SPDX license could be read for this package, so the allow list cannot be checked. Look the license up and ' +
    'review it; an `ignore` entry with the license as the reason records the result.',
};

function finding(p: Package, tool: Finding['tool'], over: Pick<RawFinding, 'ruleId' | 'title' | 'message' | 'help' | 'severity' | 'identifiers'>): RawFinding {
  return { kind: 'license', confidence: 'high', location: locationOf(p), tool, ...over };
}

function judge(p: Package, policy: LicensePolicy, tool: Finding['tool']): RawFinding | undefined {
  const label = `${p.name}@${p.version}`;
  const expression = joinLicenses(p.licenses);
  const evaluation = expression === undefined ? undefined : evaluateExpression(expression, policy);
  if (expression === undefined || evaluation === undefined) {
    if (policy.allow.length === 0) return undefined;
    const what = expression === undefined ? 'declares no license' : `declares "${expression}", which is not an SPDX expression`;
    return finding(p, tool, {
      ruleId: LICENSE_RULES.unknown, title: `Unknown license: ${label}`, severity: 'low', identifiers: [],
      message: `${label} ${what}; it cannot be checked against the allowed licenses.`, help: HELP.unknown,
    });
  }
  if (evaluation.verdict === 'ok') return undefined;
  const denied = evaluation.verdict === 'denied';
  const severity: Severity = denied ? 'high' : 'medium';
  const ids = evaluation.offending.join(', ');
  return finding(p, tool, {
    ruleId: denied ? LICENSE_RULES.denied : LICENSE_RULES.notAllowed,
    title: denied ? `Denied license ${ids}: ${label}` : `License not allowed ${ids}: ${label}`,
    message: `${label} is licensed under ${expression}; ${ids} ${denied ? 'is denied by' : 'is not allowed by'} the license policy${
      p.dev ? ' (development dependency)' : ''
    }.`,
    help: denied ? HELP.denied : HELP.notAllowed,
    severity,
    identifiers: identifiers(evaluation.offending),
  });
}

/**
 * License findings for every package the policy does not accept. An OR expression passes when one alternative
 * passes; AND (and several declared licenses, which count as AND) passes only when every part does. Roots are the
 * project itself, not something it takes in, so only packages are judged. Fingerprints come from core.
 */
export function licenseFindings(inventory: Inventory, policy: LicensePolicy, toolVersion: string): Finding[] {
  if (policy.allow.length === 0 && policy.deny.length === 0) return [];
  const tool = { name: LICENSE_TOOL_NAME, version: toolVersion };
  const raw = mergePackages(inventory.packages)
    .map((p) => judge(p, policy, tool))
    .filter((f): f is RawFinding => f !== undefined);
  return assignFingerprints(raw);
}
