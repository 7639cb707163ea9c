import { describe, expect, it } from 'vitest';
import { makePurl, purlParts } from './purl.js';

describe('makePurl', () => {
  it('splits npm scopes and encodes the @', () => {
    expect(makePurl('npm', '@babel/core', '7.24.0')).toBe('pkg:npm/%40babel/core@7.24.0');
    expect(makePurl('npm', 'lodash', '4.17.21')).toBe('pkg:npm/lodash@4.17.21');
  });
  it('splits Maven group and artifact, Go module paths and Composer vendors', () => {
    expect(makePurl('maven', 'org.apache.commons:commons-text', '1.10.0')).toBe(
      'pkg:maven/org.apache.commons/commons-text@1.10.0',
    );
    expect(makePurl('golang', 'github.com/gin-gonic/gin', 'v1.9.1')).toBe('pkg:golang/github.com/gin-gonic/gin@v1.9.1');
    expect(purlParts('composer', 'monolog/monolog')).toEqual({ namespace: 'monolog', name: 'monolog' });
  });
  it('normalises PyPI names as the purl spec says', () => {
    expect(makePurl('pypi', 'Django_Rest', '1.0')).toBe('pkg:pypi/django-rest@1.0');
  });
  it('adds qualifiers', () => {
    expect(makePurl('deb', 'openssl', '3.0.11-1~deb12u2', { arch: 'amd64', distro: 'debian-12' })).toBe(
      'pkg:deb/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
    );
  });
  it('puts the distribution in the namespace of OS packages only', () => {
    expect(makePurl('deb', 'openssl', '3.0.11-1', { arch: 'amd64', distro: 'debian-12' }, 'debian')).toBe(
      'pkg:deb/debian/openssl@3.0.11-1?arch=amd64&distro=debian-12',
    );
    expect(makePurl('apk', 'musl', '1.2.4-r2', { arch: 'x86_64' }, 'alpine')).toBe('pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64');
    expect(makePurl('npm', 'lodash', '4.17.21', undefined, 'ignored')).toBe('pkg:npm/lodash@4.17.21');
  });
});
