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
// Above this the page is too slow (or the machine too busy) to tell a 3 s sleep from noise.
const FAST_MS = 1500;

/**
 * For commands whose output is not shown: `sleep 3` must delay the response twice, while the original request and
 * the same payload with `sleep 0` (as odd-looking, so a filter that stalls suspicious input is told apart) stay
 * fast. A slow page (over 1.5 s) is not timed at all.
 */
async function timeBased(point: InjectionPoint, ctx: ActiveContext): Promise<Raised | undefined> {
  const base = await baseline(ctx, point);
  if (base.elapsedMs > FAST_MS) return undefined;
  const sleeps = wrap(original(point), `sleep ${SLEEP_S}`);
  const controls = wrap(original(point), 'sleep 0');
  for (const [i, payload] of sleeps.entries()) {
    const first = await ctx.send(point, payload);
    if (first.elapsedMs < SLOW_MS) continue;
    const control = await ctx.send(point, controls[i] ?? original(point));
    if (control.elapsedMs > FAST_MS) return undefined;
    const second = await ctx.send(point, payload);
    if (second.elapsedMs >= SLOW_MS) {
      return raiseAt(d, point, payload, `${first.elapsedMs} ms and ${second.elapsedMs} ms, vs ${control.elapsedMs} ms with sleep 0 and ${base.elapsedMs} ms for the original`,
        `The response was delayed by the ${SLEEP_S} s sleep in the payload, twice, and not with sleep 0.`);
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
