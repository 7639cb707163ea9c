import parseSpdx from 'spdx-expression-parse';

/** A single license id with nothing else (no `+`, no `WITH`, no operator); undefined for anything else. */
export function singleLicenseId(expression: string): string | undefined {
  let info: ReturnType<typeof parseSpdx>;
  try {
    info = parseSpdx(expression);
  } catch {
    return undefined;
  }
  if (!('license' in info) || info.plus === true || info.exception !== undefined) return undefined;
  return info.license;
}

export function isValidExpression(expression: string): boolean {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

function isCompound(expression: string): boolean {
  return /\s(AND|OR|WITH)\s/i.test(expression);
}

/**
 * The licenses a package declares, as one SPDX expression. Several declared licenses are joined with AND: a manifest
 * listing two licenses does not say that the user may pick one, and a policy must not assume the more lenient reading.
 */
export function joinLicenses(licenses: readonly string[]): string | undefined {
  const unique = [...new Set(licenses)];
  if (unique.length <= 1) return unique[0];
  return unique.map((l) => (isCompound(l) ? `(${l})` : l)).join(' AND ');
}

/** The license ids an expression names (`MIT OR (GPL-2.0-only WITH x)` -> MIT, GPL-2.0-only); [] when it does not parse. */
export function licenseIdsOf(expression: string): string[] {
  let info: parseSpdx.Info;
  try {
    info = parseSpdx(expression);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (node: parseSpdx.Info): void => {
    if ('license' in node) out.push(node.license);
    else {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(info);
  return out;
}
