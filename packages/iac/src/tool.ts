/** Kept in step with package.json by the package test. */
export const IAC_TOOL = { name: 'rampart-iac', version: '0.1.0' } as const;
