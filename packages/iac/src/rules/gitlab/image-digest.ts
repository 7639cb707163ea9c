import { entries, entry, get, lineOf, str } from '../../parse/yaml-nodes.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { jobsOf } from './model.js';

const SECURITY_JOB = /sast|dast|secret|security|scan|sbom|dependency|trivy|grype|gitleaks|semgrep|zap|rampart|checkov|kics/i;
const SECURITY_REPORTS = new Set(['sast', 'dast', 'secret_detection', 'dependency_scanning', 'container_scanning', 'cyclonedx', 'api_fuzzing', 'coverage_fuzzing']);

export const imageDigest = defineRule({
  id: 'gitlab.image-no-digest',
  title: 'Security job image not pinned to a digest',
  severity: 'low',
  cwe: ['CWE-1357', 'CWE-829'],
  references: ['https://docs.gitlab.com/ci/yaml/#image', 'https://docs.gitlab.com/ci/pipeline_security/'],
  related: { checkov: ['CKV_GITLABCI_3 (related: image usage)'] },
  fix: 'Reference the image by digest (`image: scanner:1.2.3@sha256:...`) so a retagged image cannot change what guards the pipeline.',
  kinds: ['gitlab-ci'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const job of jobsOf(file)) {
      const reports = entries(get(get(job.node, 'artifacts'), 'reports')).map((e) => e.key);
      if (!SECURITY_JOB.test(job.name) && !reports.some((r) => SECURITY_REPORTS.has(r))) continue;
      const e = entry(job.node, 'image');
      const image = str(e?.value) ?? str(get(e?.value, 'name'));
      // A variable or component input is set elsewhere: judged where it is defined, not here.
      if (e === undefined || image === undefined || image.includes('$') || image.includes('@sha256:')) continue;
      out.push({ line: lineOf(file.yaml, e.keyNode), message: `Security job ${job.name} runs ${image}, which is not pinned to a digest.` });
    }
    return out;
  },
});
