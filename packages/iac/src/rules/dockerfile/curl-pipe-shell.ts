import { defineRule, type RuleMatch } from '../../types.js';
import { DOCKER_BEST_PRACTICES } from './refs.js';

/** A download piped straight into an interpreter: `curl ... | sh`, `wget -O- ... | sudo bash`. */
export const PIPE_TO_SHELL = /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+\S+=\S+\s+)*(?:\/usr\/bin\/|\/bin\/)?(?:sh|bash|zsh|ksh|dash|ash|python[0-9.]*|perl|ruby|node)\b/;

export const curlPipeShell = defineRule({
  id: 'dockerfile.curl-pipe-shell',
  title: 'Script downloaded and run without verification',
  severity: 'medium',
  cwe: ['CWE-494'],
  references: [DOCKER_BEST_PRACTICES, 'https://docs.docker.com/reference/dockerfile/#run'],
  related: { other: ['hadolint DL4006 (pipefail, related)'] },
  fix: 'Download to a file, verify its checksum or signature, then run it; or install from a package manager.',
  kinds: ['dockerfile'],
  check(file): RuleMatch[] {
    return file.instructions
      .filter((i) => i.keyword === 'RUN' && PIPE_TO_SHELL.test(i.json ? i.json.join(' ') : i.args))
      .map((i) => ({ line: i.line, message: 'RUN pipes a download into a shell: whoever controls the URL runs code in the build.' }));
  },
});
