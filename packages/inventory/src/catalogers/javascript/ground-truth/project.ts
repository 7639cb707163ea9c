/**
 * A small real project: a web framework with a deep tree (express 4), a scoped package, a test runner and a
 * compiler as dev dependencies, a peer dependency (react-dom -> react), optional peers (ws), a platform-only
 * optional dependency (chokidar -> fsevents, darwin only) and an optional direct dependency. ~160 packages.
 */
export const PROJECT_MANIFEST = {
  name: 'rampart-ground-truth',
  version: '1.0.0',
  private: true,
  license: 'MIT',
  dependencies: {
    express: '^4.21.0',
    lodash: '^4.17.21',
    commander: '^12.0.0',
    '@babel/code-frame': '^7.24.0',
    react: '^18.3.0',
    'react-dom': '^18.3.0',
    chokidar: '^3.6.0',
    ws: '^8.18.0',
  },
  devDependencies: {
    mocha: '^10.7.0',
    typescript: '^5.5.0',
  },
  optionalDependencies: {
    debug: '^4.3.0',
  },
};

export const PROJECT_JSON = `${JSON.stringify(PROJECT_MANIFEST, null, 2)}\n`;

/** Dependencies of the project that exist only on other platforms, which a manager on Linux records but skips. */
export const PLATFORM_ONLY: ReadonlySet<string> = new Set(['fsevents']);
