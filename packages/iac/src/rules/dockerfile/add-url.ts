import { splitFlags } from '../../parse/dockerfile.js';
import { defineRule, type RuleMatch } from '../../types.js';
import { DOCKER_BEST_PRACTICES } from './refs.js';

export const addFromUrl = defineRule({
  id: 'dockerfile.add-url',
  title: 'ADD downloads a file from a URL',
  severity: 'medium',
  cwe: ['CWE-494'],
  references: [DOCKER_BEST_PRACTICES, 'https://docs.docker.com/reference/dockerfile/#add'],
  related: { trivy: ['AVD-DS-0005'], checkov: ['CKV_DOCKER_4'], other: ['hadolint DL3020'] },
  fix: 'Download with a checksum check (`ADD --checksum=sha256:...` or `curl` then `sha256sum -c`), or COPY a file you vendored.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const ins of file.instructions) {
      if (ins.keyword !== 'ADD') continue;
      const { flags, rest } = splitFlags(ins.args);
      // --checksum makes the builder verify what it downloaded, which is the fix.
      if (flags.has('checksum')) continue;
      const sources = ins.json ? ins.json.slice(0, -1) : rest.split(/\s+/).slice(0, -1);
      const url = sources.find((s) => /^https?:\/\//i.test(s));
      if (url !== undefined) out.push({ line: ins.line, message: `ADD fetches ${url} without verifying it.` });
    }
    return out;
  },
});
