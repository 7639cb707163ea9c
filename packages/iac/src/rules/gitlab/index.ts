import type { IacRule } from '../../types.js';
import { imageDigest } from './image-digest.js';
import { includeProjectUnpinned, includeRemote } from './includes.js';
import { secretEcho } from './secret-echo.js';

export const GITLAB_RULES: readonly IacRule[] = [secretEcho, imageDigest, includeRemote, includeProjectUnpinned];
