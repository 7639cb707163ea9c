/** Kept in step with package.json by a test; a constant so that nothing is read from disk at load time. */
export const SAST_VERSION = '0.1.0';

export const SAST_TOOL = { name: 'rampart-sast', version: SAST_VERSION } as const;
