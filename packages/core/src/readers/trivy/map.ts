import type { RawFinding, Tool } from '../../model/finding.js';
import { fromTrivy } from '../../model/severity.js';
import { makeFinding, packageLocation, sourceLocation } from '../build.js';
import { advisoryIdentifier, cweIdentifier, uniqueIdentifiers } from '../identifiers.js';
import { cleanPath, filePath } from '../paths.js';
import { firstSentence, linkList, nonEmpty, sections } from '../text.js';
import type { TrivyCode, TrivyMisconf, TrivyResult, TrivySecret, TrivyVuln } from './schema.js';

/** Where a result's findings are: an image (with its OS) or a checkout. */
export interface TrivyTarget {
  tool: Tool;
  image?: string | undefined;
  os?: string | undefined;
}

/**
 * In an image, OS package results are named after the image ("alpine:3.19 (alpine 3.19.1)") and
 * language packages by a path or a language ("Node.js"); only a path is worth keeping as `file`.
 */
function packageFile(v: TrivyVuln, res: TrivyResult, target: TrivyTarget): string | undefined {
  if (target.image === undefined) return cleanPath(v.PkgPath ?? res.Target);
  if (res.Class === 'os-pkgs') return undefined;
  const candidate = v.PkgPath ?? res.Target;
  return /[/.]/.test(candidate) ? cleanPath(candidate) : undefined;
}

export function mapVuln(v: TrivyVuln, res: TrivyResult, target: TrivyTarget): RawFinding {
  const version = nonEmpty(v.InstalledVersion);
  const fixed = nonEmpty(v.FixedVersion);
  const pkg = version ? `${v.PkgName} ${version}` : v.PkgName;
  const description = nonEmpty(v.Description);
  return makeFinding({
    kind: target.image !== undefined ? 'container' : 'dependency',
    ruleId: v.VulnerabilityID,
    title: nonEmpty(v.Title) ?? (description ? firstSentence(description) : undefined),
    message: `${pkg} is affected by ${v.VulnerabilityID}.${fixed ? ` Fixed in ${fixed}.` : ''}`,
    help: sections([{ body: description }, { heading: 'References', body: linkList([v.PrimaryURL, ...v.References]) }]),
    severity: fromTrivy(v.Severity ?? undefined),
    identifiers: uniqueIdentifiers([
      advisoryIdentifier(v.VulnerabilityID),
      ...v.VendorIDs.map((id) => advisoryIdentifier(id)),
      ...v.CweIDs.map((c) => cweIdentifier(c)),
    ]),
    location: packageLocation({
      name: v.PkgName,
      version,
      ecosystem: res.Type,
      purl: v.PkgIdentifier?.PURL,
      file: packageFile(v, res, target),
      image: target.image,
      operatingSystem: res.Class === 'os-pkgs' || res.Class === undefined ? target.os : undefined,
    }),
    tool: target.tool,
    fix: { versions: fixed?.split(/,\s*/) },
  });
}

function causeLines(code: TrivyCode): string | undefined {
  const lines = (code?.Lines ?? []).filter((l) => l?.IsCause).map((l) => l?.Content ?? '');
  const text = lines.join('\n');
  return text.trim() === '' ? undefined : text;
}

/** Only failures are findings; `--include-non-failures` adds PASS and EXCEPTION entries that are not. */
export function isFailure(m: TrivyMisconf): boolean {
  const status = m.Status?.toUpperCase();
  return status === undefined || status === 'FAIL';
}

export function mapMisconf(m: TrivyMisconf, res: TrivyResult, target: TrivyTarget): RawFinding | undefined {
  const ruleId = nonEmpty(m.ID) ?? nonEmpty(m.AVDID);
  const path = filePath(res.Target);
  if (!ruleId || !path) return undefined;
  const cause = m.CauseMetadata;
  return makeFinding({
    kind: 'iac',
    ruleId,
    title: m.Title,
    message: nonEmpty(m.Message) ?? m.Description,
    help: sections([
      { heading: 'Resolution', body: nonEmpty(m.Resolution) },
      { body: nonEmpty(m.Description) },
      { heading: 'References', body: linkList([m.PrimaryURL, ...m.References]) },
    ]),
    severity: fromTrivy(m.Severity ?? undefined),
    identifiers: uniqueIdentifiers([
      m.AVDID && m.AVDID !== ruleId ? { type: 'trivy', value: m.AVDID, ...(m.PrimaryURL ? { url: m.PrimaryURL } : {}) } : undefined,
    ]),
    location: sourceLocation({
      path,
      startLine: cause?.StartLine,
      endLine: cause?.EndLine,
      snippet: causeLines(cause?.Code),
    }),
    tool: target.tool,
  });
}

export function mapSecret(s: TrivySecret, res: TrivyResult, target: TrivyTarget): RawFinding | undefined {
  const title = nonEmpty(s.Title) ?? s.RuleID;
  const path = filePath(res.Target);
  if (!path) return undefined;
  return makeFinding({
    kind: 'secret',
    ruleId: s.RuleID,
    title,
    message: `Secret detected: ${title}${s.Category ? ` (${s.Category})` : ''}.`,
    severity: fromTrivy(s.Severity ?? undefined),
    identifiers: [],
    location: sourceLocation({
      path,
      startLine: s.StartLine,
      endLine: s.EndLine,
      // Trivy masks the secret itself with asterisks in Match.
      snippet: s.Match ?? causeLines(s.Code),
    }),
    tool: target.tool,
  });
}
