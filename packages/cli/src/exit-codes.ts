/** DESIGN.md's contract; the actions map these to step outcomes. */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  badInput: 2,
  failure: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
