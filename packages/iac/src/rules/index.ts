import type { IacRule } from '../types.js';
import { DOCKERFILE_RULES } from './dockerfile/index.js';
import { GITHUB_RULES } from './github/index.js';
import { GITLAB_RULES } from './gitlab/index.js';
import { KUBERNETES_RULES } from './kubernetes/index.js';
import { TERRAFORM_RULES } from './terraform/index.js';

/** Every rule pack; a pack is a folder of rule files with an index.ts listing them. */
export const RULE_PACKS: Readonly<Record<string, readonly IacRule[]>> = {
  dockerfile: DOCKERFILE_RULES,
  kubernetes: KUBERNETES_RULES,
  terraform: TERRAFORM_RULES,
  github: GITHUB_RULES,
  gitlab: GITLAB_RULES,
};

export const ALL_RULES: readonly IacRule[] = Object.values(RULE_PACKS).flat();
