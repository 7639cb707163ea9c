export const CIS_AWS = 'https://www.cisecurity.org/benchmark/amazon_web_services (CIS AWS Foundations Benchmark)';
export const CIS_GCP = 'https://www.cisecurity.org/benchmark/google_cloud_computing_platform (CIS GCP Foundations Benchmark)';
export const CIS_AZURE = 'https://www.cisecurity.org/benchmark/azure (CIS Microsoft Azure Foundations Benchmark)';
export const TF_AWS = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources';
export const TF_GOOGLE = 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources';
export const TF_AZURERM = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources';

/** Sources that mean "anyone on the internet". */
export const ANYWHERE = new Set(['0.0.0.0/0', '::/0', '0.0.0.0', '*', 'internet', 'any']);

/** Ports whose exposure to the internet CIS names: SSH and RDP. */
export const ADMIN_PORTS = [22, 3389] as const;

/** What an inbound range exposes: admin ports or every port, or nothing worth a finding. */
export function exposure(from: number, to: number): string | undefined {
  if (from <= 0 && to >= 65535) return 'every port';
  const hit = ADMIN_PORTS.filter((p) => from <= p && p <= to);
  return hit.length > 0 ? `port ${hit.join(' and ')}` : undefined;
}

/** `"22"`, `"20-25"`, `"*"` as a port range. */
export function portRange(text: string): [number, number] | undefined {
  const t = text.trim();
  if (t === '*') return [0, 65535];
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(t);
  if (m === null) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}
