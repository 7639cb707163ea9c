import { actionsIO } from '@rampart/ci';
import { bundledRulesDir, run } from './main.js';

const code = await run({ io: actionsIO(), env: process.env, now: () => new Date(), rulesDir: bundledRulesDir() });
process.exitCode = code;
