import { attr, isLiteralFalse, literalString, resources } from '../../parse/hcl-query.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { CIS_AZURE, TF_AZURERM } from './refs.js';

export const azureStorageHttp = defineRule({
  id: 'tf.azure.storage-http',
  title: 'Storage account accepts plain HTTP',
  severity: 'high',
  cwe: ['CWE-319'],
  references: [CIS_AZURE, `${TF_AZURERM}/storage_account`],
  related: { trivy: ['AVD-AZU-0008'], checkov: ['CKV_AZURE_3'] },
  fix: 'Remove the override: `https_traffic_only_enabled` (`enable_https_traffic_only` before provider 4.0) defaults to true.',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'azurerm_storage_account')) {
      // Both names default to true, so only an explicit false is a finding.
      const a = attr(r.body, 'https_traffic_only_enabled') ?? attr(r.body, 'enable_https_traffic_only');
      if (a !== undefined && isLiteralFalse(a.value)) out.push({ line: a.line, message: `azurerm_storage_account.${r.labels[1] ?? '?'} allows unencrypted HTTP.` });
    }
    return out;
  },
});

export const azureStorageTls = defineRule({
  id: 'tf.azure.storage-min-tls',
  title: 'Storage account accepts TLS older than 1.2',
  severity: 'medium',
  cwe: ['CWE-326'],
  references: [CIS_AZURE, `${TF_AZURERM}/storage_account#min_tls_version-1`],
  related: { trivy: ['AVD-AZU-0011'], checkov: ['CKV_AZURE_44'] },
  fix: 'Set `min_tls_version = "TLS1_2"` (the default since provider 3.0).',
  kinds: ['terraform'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const r of resources(file.body, 'azurerm_storage_account')) {
      const a = attr(r.body, 'min_tls_version');
      const v = literalString(a?.value);
      if (a !== undefined && (v === 'TLS1_0' || v === 'TLS1_1')) out.push({ line: a.line, message: `azurerm_storage_account.${r.labels[1] ?? '?'} accepts ${v}.` });
    }
    return out;
  },
});
