import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.js';

const k = (path: string, text = ''): string | undefined => detectKind(path, () => text);

describe('detectKind', () => {
  it('knows files by name', () => {
    expect(k('Dockerfile')).toBe('dockerfile');
    expect(k('docker/Containerfile')).toBe('dockerfile');
    expect(k('api.dockerfile')).toBe('dockerfile');
    expect(k('Dockerfile.prod')).toBe('dockerfile');
    expect(k('Dockerfile.md')).toBeUndefined();
    expect(k('infra/main.tf')).toBe('terraform');
    expect(k('.github/workflows/ci.yml')).toBe('github-workflow');
    expect(k('actions/sast/action.yml')).toBe('github-action');
    expect(k('.gitlab-ci.yml')).toBe('gitlab-ci');
    expect(k('.gitlab/ci/build.yml')).toBe('gitlab-ci');
    expect(k('.gitlab/agents/prod/config.yaml')).toBeUndefined();
  });

  it('looks into YAML whose name says nothing', () => {
    expect(k('deploy/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\n')).toBe('kubernetes');
    expect(k('templates/sast.yml', '# doc\nspec:\n  inputs: {}\n---\njob:\n  script: [x]\n')).toBe('gitlab-ci');
    expect(k('config.yml', 'name: x\n')).toBeUndefined();
    expect(k('README.md', 'apiVersion: v1\nkind: Pod\n')).toBeUndefined();
  });
});
