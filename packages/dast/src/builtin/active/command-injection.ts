import type { ActiveCheck, ActiveContext, InjectionPoint, Raised } from '../types.js';
import { def, original, raiseAt } from './alert.js';
import { baseline } from './baseline.js';
import { canaryToken, randomInt } from './token.js';

const d = def({
  pluginId: '90020', name: 'Remote OS Command Injection', risk: 3, confidence: 2, cweId: 78, wascId: 31,
  description:
    'A parameter is placed into a command line that a shell runs, so shell syntax in it runs other commands on the server with the application\'s privileges.',
  solution:
    'Do not run a shell: call the program with an argument array (execFile/spawn without shell), validate the value against an allow-list, and prefer a library over an external command.',
});

/**
 * A command in each place a value can sit in a shell line: bare, inside "double" and inside 'single' quotes, and
 * after a newline, which ends a command as ; does.
 */
function wrap(o: string, command: string): string[] {
  return [`${o};${command}`, `${o}$(${command})`, `${o}';${command};'`, `${o}\n${command}\n`];
}

/** The shell evaluates `$((a+b))`; a page that only echoes the payload shows the expression, not the sum. */
async function outputBased(point: InjectionPoint, ctx: ActiveContext): Promise<Raised | undefined> {
  const token = canaryToken();
  const a = randomInt(100, 999);
  const b = randomInt(100, 999);
  const expected = `${token}${a + b}`;
  for (const payload of wrap(original(point), `echo ${token}$((${a}+${b}))`)) {
    const res = await ctx.send(point, payload);
    if (res.body.includes(expected)) return raiseAt(d, point, payload, expected, 'The shell evaluated the arithmetic in the payload and the page shows the result.');
  }
  return undefined;
}

const SLEEP_S = 3;
const SLOW_MS = SLEEP_S * 1000 - 200;

/**
 * For commands whose output is not shown: `sleep` must delay the response by its length twice, and the original
 * request, sent again between the two, must stay fast. A slow page (over a second) is not timed at all.
 */
async function timeBased(point: InjectionPoint, ctx: ActiveContext): Promise<Raised | undefined> {
  const base = await baseline(ctx, point);
  if (base.elapsedMs > 1000) return undefined;
  for (const payload of wrap(original(point), `sleep ${SLEEP_S}`)) {
    const first = await ctx.send(point, payload);
    if (first.elapsedMs < SLOW_MS) continue;
    const again = await ctx.send(point, original(point));
    if (again.elapsedMs > 1000) return undefined;
    const second = await ctx.send(point, payload);
    if (second.elapsedMs >= SLOW_MS) {
      return raiseAt(d, point, payload, `${first.elapsedMs} ms and ${second.elapsedMs} ms vs ${base.elapsedMs} ms and ${again.elapsedMs} ms without it`,
        `The response was delayed by the ${SLEEP_S} s sleep in the payload, twice, and not without it.`);
    }
  }
  return undefined;
}

/** OS command injection by evaluated output, then by time; the only commands sent are echo and sleep. */
export const commandInjection: ActiveCheck = {
  def: d,
  async run(point, ctx) {
    const found = (await outputBased(point, ctx)) ?? (await timeBased(point, ctx));
    return found ? [found] : [];
  },
};
