import { Lang, registerDynamicLanguage, type parse } from '@ast-grep/napi';
import go from '@ast-grep/lang-go';
import java from '@ast-grep/lang-java';
import php from '@ast-grep/lang-php';
import python from '@ast-grep/lang-python';
import ruby from '@ast-grep/lang-ruby';
import type { SastLanguage } from '../rule-types.js';

/** What ast-grep's `parse` takes: a built-in `Lang` or the name of a registered language. */
export type NapiLang = Parameters<typeof parse>[0];

const BY_EXTENSION: Readonly<Record<string, SastLanguage>> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  py: 'python',
  java: 'java',
  go: 'go',
  rb: 'ruby',
  php: 'php',
};

/** The extensions a language's files use, first the usual one (rule test files are looked up by these). */
export function extensionsOf(language: SastLanguage): string[] {
  return Object.entries(BY_EXTENSION)
    .filter(([, lang]) => lang === language)
    .map(([ext]) => ext);
}

/** The language of a file by its extension, or undefined when we have no grammar for it. */
export function languageOf(path: string): SastLanguage | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // A dotfile such as `.py` has no extension, only a name.
  if (dot <= 0) return undefined;
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()];
}

const NAPI_LANG: Readonly<Record<SastLanguage, NapiLang>> = {
  javascript: Lang.JavaScript,
  typescript: Lang.TypeScript,
  tsx: Lang.Tsx,
  python: 'python',
  java: 'java',
  go: 'go',
  ruby: 'ruby',
  php: 'php',
};

/** The name ast-grep knows a language by; the dynamic ones exist only after `registerLanguages()`. */
export function napiLang(language: SastLanguage): NapiLang {
  return NAPI_LANG[language];
}

let registered = false;

/**
 * Registers the prebuilt grammars with ast-grep. ast-grep asks for one registration per process, so
 * later calls do nothing; it is a function rather than an import side effect so that loading the
 * package never touches native libraries.
 */
export function registerLanguages(): void {
  if (registered) return;
  registerDynamicLanguage({ python, java, go, ruby, php });
  registered = true;
}
