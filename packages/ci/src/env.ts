/**
 * An environment record, passed in rather than read from `process.env`, so that every reader here is a
 * pure function of its arguments and tests never have to mutate the real environment.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/** The value of `name`, or undefined when unset or blank (the runner sets unset inputs to ""). */
export function envValue(env: Env, name: string): string | undefined {
  const v = env[name];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}
