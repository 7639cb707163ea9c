import type { PassiveCheck } from '../types.js';
import { def, raise } from './headers.js';

const d = def({
  pluginId: '10055', name: 'CSP', risk: 2, confidence: 3, cweId: 693, wascId: 15,
  description: 'The Content-Security-Policy lets scripts run from any host, from inline code or through eval, so it does little against cross-site scripting.',
  solution: "Allow scripts only from named hosts or with nonces/hashes; remove 'unsafe-inline', 'unsafe-eval', * and bare schemes (https:, data:) from script-src/default-src.",
});

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  return out;
}

/** What makes the policy's script sources weak, in ZAP's alert names; empty when none. */
export function scriptWeaknesses(policy: string): string[] {
  const dirs = directives(policy);
  const sources = dirs.get('script-src') ?? dirs.get('default-src');
  if (!sources) return [];
  const out: string[] = [];
  if (sources.some((s) => s === '*' || s === 'http:' || s === 'https:' || s === 'data:' || s === 'blob:')) out.push('CSP: Wildcard Directive');
  // A nonce, a hash or strict-dynamic makes CSP2+ browsers ignore unsafe-inline.
  const neutralised = sources.some((s) => /^'(nonce-|sha(256|384|512)-|strict-dynamic')/.test(s));
  if (sources.includes("'unsafe-inline'") && !neutralised) out.push('CSP: script-src unsafe-inline');
  if (sources.includes("'unsafe-eval'")) out.push('CSP: script-src unsafe-eval');
  return out;
}

export const cspWeak: PassiveCheck = {
  def: d,
  check: (r) => {
    const policy = r.headers['content-security-policy'];
    if (!policy) return [];
    const weak = scriptWeaknesses(policy);
    return weak.length > 0 ? [raise(d, r, { evidence: policy, otherinfo: weak.join('; ') })] : [];
  },
};
