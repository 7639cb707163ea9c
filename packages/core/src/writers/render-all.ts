import type { Notification, ScanRun } from '../model/run.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../config/schema.js';
import { UserError } from '../errors.js';
import { renderCodeQuality } from './codequality.js';
import { renderFindingsJson } from './findings-json.js';
import { renderGitlab, type GitlabOptions } from './gitlab/render.js';
import { renderJunit } from './junit.js';
import { renderMarkdown, type MarkdownOptions } from './markdown/render.js';
import { renderSarif, type SarifOptions } from './sarif/render.js';


export interface OutputFile {
  name: string;
  content: string;
}

export interface RenderAllOptions {
  sarif?: SarifOptions;
  gitlab?: GitlabOptions;
  markdown?: MarkdownOptions;
}

export interface RenderAllResult {
  files: OutputFile[];
  /** What the SARIF writer had to leave out to stay within GitHub's limits. */
  notes: Notification[];
}

function checkFormats(formats: readonly string[]): OutputFormat[] {
  for (const f of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) {
      throw new UserError(`unknown output format "${f}"`, { field: 'formats', expected: OUTPUT_FORMATS.join(', ') });
    }
  }
  return formats as OutputFormat[];
}

/**
 * Every output file of a run, named as DESIGN.md lists them: `<scanner>.sarif`,
 * `gl-*-report.json`, `gl-code-quality-report.json`, `<scanner>.junit.xml`, `summary.md`,
 * `findings.json`.
 */
export function renderAll(run: ScanRun, formats: readonly string[] = OUTPUT_FORMATS, opts: RenderAllOptions = {}): RenderAllResult {
  const wanted = new Set(checkFormats(formats));
  const files: OutputFile[] = [];
  const notes: Notification[] = [];
  if (wanted.has('sarif')) {
    const sarif = renderSarif(run, opts.sarif);
    files.push(...sarif.files);
    notes.push(...sarif.notes);
  }
  if (wanted.has('gitlab')) files.push(...renderGitlab(run, opts.gitlab));
  if (wanted.has('codequality')) files.push({ name: 'gl-code-quality-report.json', content: renderCodeQuality(run) });
  if (wanted.has('junit')) files.push({ name: `${run.scanner}.junit.xml`, content: renderJunit(run) });
  if (wanted.has('markdown')) files.push({ name: 'summary.md', content: renderMarkdown(run, opts.markdown) });
  if (wanted.has('json')) files.push({ name: 'findings.json', content: renderFindingsJson(run) });
  return { files, notes };
}
