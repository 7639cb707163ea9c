import { actionsIO } from '@rampart/ci';
import { run } from './main.js';

const code = await run({ io: actionsIO(), env: process.env, now: () => new Date() });
process.exitCode = code;
