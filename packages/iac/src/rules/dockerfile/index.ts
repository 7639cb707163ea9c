import type { IacRule } from '../../types.js';
import { addFromUrl } from './add-url.js';
import { aptHygiene, aptUnpinned } from './apt.js';
import { curlPipeShell } from './curl-pipe-shell.js';
import { fromLatest } from './from-tag.js';
import { noHealthcheck } from './healthcheck.js';
import { secretInEnv } from './secret-env.js';
import { noUser, userRoot } from './user.js';

export const DOCKERFILE_RULES: readonly IacRule[] = [userRoot, noUser, fromLatest, addFromUrl, secretInEnv, curlPipeShell, noHealthcheck, aptHygiene, aptUnpinned];
