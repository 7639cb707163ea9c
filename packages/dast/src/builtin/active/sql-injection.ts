import type { HttpResponse } from '../../http/client.js';
import type { ActiveCheck, ActiveContext, InjectionPoint, Raised } from '../types.js';
import { def, original, raiseAt } from './alert.js';
import { baseline } from './baseline.js';
import { fingerprint } from './compare.js';
import { sqlError } from './sql-errors.js';

const d = def({
  pluginId: '40018', name: 'SQL Injection', risk: 3, confidence: 2, cweId: 89, wascId: 19,
  description:
    'A parameter is built into an SQL statement as text, so a crafted value changes the query: reading or changing any data the application\'s database account can reach.',
  solution:
    'Use parameterised queries (prepared statements with bound values) or a query builder that binds values; never concatenate input into SQL. Give the application\'s database account the least privileges it needs.',
});

/** A quote that closes the string the value sits in breaks the statement; the database then says so. */
async function errorBased(point: InjectionPoint, ctx: ActiveContext): Promise<Raised | undefined> {
  const base = await baseline(ctx, point);
  if (sqlError(base.body)) return undefined;
  for (const quote of ["'", '"']) {
    const payload = `${original(point)}${quote}`;
    const res = await ctx.send(point, payload);
    const err = sqlError(res.body);
    if (err) return raiseAt(d, point, payload, err.evidence, `${err.db} error message in the response to an unbalanced quote; the original response has none.`);
  }
  return undefined;
}

/**
 * Always-true and always-false conditions, and a second true one that shares the false one's digit, for each place
 * the value can sit: a '-string, a "-string, a LIKE pattern, a number.
 */
function conditions(o: string): [yes: string, no: string, yesAgain: string][] {
  const out: [string, string, string][] = [
    [`${o}' AND '1'='1`, `${o}' AND '1'='2`, `${o}' AND '2'='2`],
    [`${o}" AND "1"="1`, `${o}" AND "1"="2`, `${o}" AND "2"="2`],
    // Inside LIKE '%value%': the closing %' of the query completes '1%'='1%', so the true case is the same search.
    [`${o}%' AND '1%'='1`, `${o}%' AND '1%'='2`, `${o}%' AND '2%'='2`],
  ];
  if (/^-?\d+$/.test(o)) out.unshift([`${o} AND 1=1`, `${o} AND 1=2`, `${o} AND 2=2`]);
  return out;
}

/**
 * The always-true condition must give the original page and the always-false one a different page. Before raising,
 * the original and the false case are repeated (a page that changes by itself does not count) and a second true
 * condition written with the false one's digits must also give the original page (a search that merely matches the
 * words of the payload does not count).
 */
async function booleanBased(point: InjectionPoint, ctx: ActiveContext): Promise<Raised | undefined> {
  const o = original(point);
  const base = await baseline(ctx, point);
  for (const [yes, no, yesAgain] of conditions(o)) {
    const strip = [yes, no, yesAgain, o];
    const fp = (r: HttpResponse): string => fingerprint(r, strip);
    const trueRes = await ctx.send(point, yes);
    if (fp(trueRes) !== fp(base)) continue;
    const falseRes = await ctx.send(point, no);
    if (fp(falseRes) === fp(trueRes)) continue;
    const again = await ctx.send(point, o);
    const falseAgain = await ctx.send(point, no);
    const trueAgain = await ctx.send(point, yesAgain);
    if (fp(again) === fp(trueRes) && fp(falseAgain) === fp(falseRes) && fp(trueAgain) === fp(trueRes)) {
      return raiseAt(d, point, `${yes} / ${no}`, `status ${trueRes.status}, ${trueRes.body.length} bytes vs status ${falseRes.status}, ${falseRes.body.length} bytes`,
        'Always-true conditions return the original page and the always-false condition a different one, repeatably.');
    }
  }
  return undefined;
}

/** SQL injection by database error messages, then by boolean conditions; never a statement that changes data. */
export const sqlInjection: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    const found = (await errorBased(point, ctx)) ?? (await booleanBased(point, ctx));
    return found ? [found] : [];
  },
};
