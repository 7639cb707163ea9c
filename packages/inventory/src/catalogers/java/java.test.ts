import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, recordingLogger } from '@rampart/core';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cataloger } from '../../cataloger.js';
import { memoryFs } from '../../fs/memory.js';
import { nodeFs } from '../../fs/node.js';
import { ARCHIVE_LIMITS } from './archive.js';
import { gradleLockfileCataloger as gradle } from './gradle-lockfile.js';
import { javaArchiveCataloger as jars } from './jar.js';
import { pomCataloger as pom } from './pom.js';
import { expectConsistent } from '../testing.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

async function run(c: Cataloger, caseDir: string, path: string) {
  const fs = nodeFs(join(fixtures, caseDir));
  return c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}
async function runFiles(c: Cataloger, path: string, files: Record<string, string | Uint8Array>) {
  const fs = memoryFs(files);
  return c.catalog({ path, text: () => fs.readText(path), fs, logger: recordingLogger() });
}


describe('java-pom', () => {
  it('resolves properties, parent dependencyManagement, scopes and the inherited root', async () => {
    const { root, packages, problems } = await run(pom, 'java-maven', 'app/pom.xml');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(root).toMatchObject({ name: 'com.example.shop:shop-app', version: '2.1.0', purl: 'pkg:maven/com.example.shop/shop-app@2.1.0' });
    expect(by['org.apache.commons:commons-text']).toMatchObject({ version: '1.10.0', dev: false, direct: true, purl: 'pkg:maven/org.apache.commons/commons-text@1.10.0' });
    expect(by['com.fasterxml.jackson.core:jackson-databind']?.version).toBe('2.15.3');
    expect(by['com.example.shop:shop-model']?.version).toBe('2.1.0');
    expect(by['jakarta.servlet:jakarta.servlet-api']?.dev).toBe(true);
    expect(by['org.junit.jupiter:junit-jupiter']).toMatchObject({ version: '5.10.1', dev: true });
    expect(by['io.micrometer:micrometer-core']?.optional).toBe(true);
    expect(packages).toHaveLength(6);
    expect(root?.dependsOn).toHaveLength(6);
    const messages = problems?.map((p) => p.message).join('\n') ?? '';
    expect(messages).toMatch(/org\.slf4j:slf4j-api has the version range \[1\.7,2\.0\)/);
    expect(messages).toMatch(/org\.springframework:spring-core has no version here/);
  });

  it('reads the parent POM itself with its licenses', async () => {
    const { root, packages } = await run(pom, 'java-maven', 'pom.xml');
    expect(root).toMatchObject({ name: 'com.example.shop:shop-parent', licenses: ['Apache-2.0'] });
    expect(packages).toEqual([]);
  });

  it('reads the real Debian commons-cli POM', async () => {
    const { root, packages } = await run(pom, 'java-pom-debian', 'pom.xml');
    expect(root?.purl).toBe('pkg:maven/commons-cli/commons-cli@1.5.0');
    expect(packages.map((p) => [p.purl, p.dev])).toEqual([['pkg:maven/junit/junit@4.x', true]]);
  });

  it('refuses XML that is not a POM with a UserError naming the file', async () => {
    await expect(runFiles(pom, 'm/pom.xml', { 'm/pom.xml': '<project><dependencies></project>' })).rejects.toThrow(/m\/pom\.xml:1: is not well-formed XML/);
    await expect(runFiles(pom, 'm/pom.xml', { 'm/pom.xml': '<settings/>' })).rejects.toThrow(/m\/pom\.xml: field project/);
    await expect(runFiles(pom, 'm/pom.xml', { 'm/pom.xml': '<project><modelVersion>5.0.0</modelVersion></project>' })).rejects.toThrow(
      /m\/pom\.xml: field project\.modelVersion: has modelVersion 5\.0\.0/,
    );
  });

  it('parses or throws UserError for any input', async () => {
    const dep = fc.record({ g: fc.string(), a: fc.string(), v: fc.oneof(fc.string(), fc.constant('${x}')), s: fc.constantFrom('test', 'compile', '') });
    const xml = fc.array(dep, { maxLength: 4 }).map(
      (ds) => `<project><properties><x>1</x></properties><dependencies>${ds.map((d) => `<dependency><groupId>${d.g}</groupId><artifactId>${d.a}</artifactId><version>${d.v}</version><scope>${d.s}</scope></dependency>`).join('')}</dependencies></project>`,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), xml), async (text) => {
        try {
          await runFiles(pom, 'pom.xml', { 'pom.xml': text });
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('java-gradle-lockfile', () => {
  it('reads coordinates and marks test-only configurations dev', async () => {
    const { packages } = await run(gradle, 'java-gradle', 'gradle.lockfile');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(packages).toHaveLength(5);
    expect(by['com.google.guava:guava']).toMatchObject({ version: '32.1.3-jre', dev: false, purl: 'pkg:maven/com.google.guava/guava@32.1.3-jre' });
    expect(by['junit:junit']?.dev).toBe(true);
    expect(by['com.google.guava:guava']?.hashes).toEqual([{ alg: 'sha256', value: '6d4e2b5a118aab62e6e5e29d185a0224eed82c85c40ac3d33cf04a270c3b3744' }]);
    expect(by['junit:junit']?.hashes.map((h) => h.alg)).toEqual(['sha512', 'sha256']);
    expect(by['org.hamcrest:hamcrest-core']?.hashes).toEqual([]);
    expect(packages.filter((p) => p.direct).map((p) => p.name).sort()).toEqual(['com.google.guava:guava', 'junit:junit']);
  });

  it('takes direct modules from string, map and version-catalog declarations in the build script', async () => {
    const lock = 'com.google.guava:guava:32.1.3-jre=runtimeClasspath\norg.slf4j:slf4j-api:2.0.9=runtimeClasspath\nio.netty:netty-common:4.1.100.Final=runtimeClasspath\ncom.h2database:h2:2.2.224=runtimeClasspath\n';
    const build = 'dependencies {\n  implementation(libs.guava.core)\n  implementation group: "org.slf4j", name: "slf4j-api", version: "2.0.9"\n  runtimeOnly("com.h2database:h2")\n}\n';
    const catalog = '[versions]\nguava = "32.1.3-jre"\n[libraries]\nguava-core = { module = "com.google.guava:guava", version.ref = "guava" }\n';
    const { packages } = await runFiles(gradle, 'svc/gradle.lockfile', { 'svc/gradle.lockfile': lock, 'svc/build.gradle': build, 'gradle/libs.versions.toml': catalog });
    expect(packages.filter((p) => p.direct).map((p) => p.name).sort()).toEqual(['com.google.guava:guava', 'com.h2database:h2', 'org.slf4j:slf4j-api']);
    await expect(runFiles(gradle, 'svc/gradle.lockfile', { 'svc/gradle.lockfile': lock, 'svc/build.gradle': build, 'gradle/libs.versions.toml': '[libraries' })).rejects.toThrow('gradle/libs.versions.toml');
  });

  it('finds the verification metadata of the build root from a subproject, and refuses it malformed', async () => {
    const lock = 'g:a:1.0=runtimeClasspath\n';
    const xml = '<verification-metadata><components><component group="g" name="a" version="1.0"><artifact name="a-1.0.jar"><sha1 value="0123456789abcdef0123456789abcdef01234567"/></artifact></component></components></verification-metadata>';
    const { packages } = await runFiles(gradle, 'app/core/gradle.lockfile', { 'app/core/gradle.lockfile': lock, 'app/gradle/verification-metadata.xml': xml });
    expect(packages[0]?.hashes).toEqual([{ alg: 'sha1', value: '0123456789abcdef0123456789abcdef01234567' }]);
    await expect(runFiles(gradle, 'gradle.lockfile', { 'gradle.lockfile': lock, 'gradle/verification-metadata.xml': '<a>' })).rejects.toThrow(/gradle\/verification-metadata\.xml/);
  });

  it('names the project from settings.gradle.kts and gradle.properties', async () => {
    const { root } = await run(gradle, 'java-gradle', 'gradle.lockfile');
    expect(root).toMatchObject({ name: 'com.example.platform:inventory-service', version: '1.4.0', purl: 'pkg:maven/com.example.platform/inventory-service@1.4.0' });
    expect(root?.dependsOn.sort()).toEqual(['pkg:maven/com.google.guava/guava@32.1.3-jre', 'pkg:maven/junit/junit@4.13.2']);
    const bare = await runFiles(gradle, 'm/gradle.lockfile', { 'm/gradle.lockfile': 'empty=\n', 'm/settings.gradle': "rootProject.name = 'tool'\n" });
    expect(bare.root).toMatchObject({ ref: 'root:m/gradle.lockfile', name: 'tool' });
    expect(bare.root?.purl).toBeUndefined();
  });

  it('treats the buildscript lockfile as build-only and reads the Gradle 5 per-configuration layout', async () => {
    const build = await run(gradle, 'java-gradle', 'buildscript-gradle.lockfile');
    expect(build.packages.map((p) => [p.name, p.dev])).toEqual([['com.diffplug.spotless:spotless-plugin-gradle', true]]);
    const legacy = await run(gradle, 'java-gradle-legacy', 'gradle/dependency-locks/compileClasspath.lockfile');
    expect(legacy.packages.map((p) => p.purl)).toEqual(['pkg:maven/org.apache.commons/commons-lang3@3.12.0', 'pkg:maven/org.slf4j/slf4j-api@1.7.36']);
  });

  it('refuses a line that is not a coordinate with a UserError naming file and line', async () => {
    await expect(runFiles(gradle, 'a/gradle.lockfile', { 'a/gradle.lockfile': '# x\ng:a=compileClasspath\n' })).rejects.toThrow(/a\/gradle\.lockfile:2/);
  });

  it('parses or throws UserError for any input', async () => {
    const line = fc.oneof(fc.string(), fc.constantFrom('g:a:1=compileClasspath', 'g:a:1=testRuntimeClasspath', 'empty=', '# c', 'g:a:1'));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), async (lines) => {
        try {
          expectConsistent(await runFiles(gradle, 'gradle.lockfile', { 'gradle.lockfile': lines.join('\n') }));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('java-archive (real Debian jars)', () => {
  it('identifies a jar by its pom.properties and hashes it with sha1', async () => {
    const { packages } = await run(jars, 'java-archives', 'commons-cli-1.5.0.jar');
    const sha1 = createHash('sha1').update(readFileSync(join(fixtures, 'java-archives/commons-cli-1.5.0.jar'))).digest('hex');
    expect(packages).toEqual([
      expect.objectContaining({ purl: 'pkg:maven/commons-cli/commons-cli@1.5.0', hashes: [{ alg: 'sha1', value: sha1 }] }),
    ]);
  });

  it('reports a jar without pom.properties as a problem', async () => {
    const { packages, problems } = await run(jars, 'java-archives', 'aopalliance-1.0.jar');
    expect(packages).toEqual([]);
    expect(problems?.[0]?.message).toMatch(/has no META-INF\/maven/);
  });

  it('reads nested jars of a war one level deep, with edges from the war', async () => {
    const { packages, problems } = await run(jars, 'java-archives', 'shop-web-2.1.0.war');
    const by = Object.fromEntries(packages.map((p) => [p.name, p]));
    expect(Object.keys(by).sort()).toEqual(['com.example.shop:shop-web', 'org.slf4j:jul-to-slf4j']);
    expect(by['com.example.shop:shop-web']?.dependsOn).toEqual(['pkg:maven/org.slf4j/jul-to-slf4j@1.7.32']);
    expect(by['org.slf4j:jul-to-slf4j']?.hashes[0]?.alg).toBe('sha1');
    expect(problems?.[0]?.message).toMatch(/WEB-INF\/lib\/javax\.inject-1\.jar has no META-INF\/maven/);
  });

  it('refuses something that is not a zip, and an entry that declares an absurd size', async () => {
    await expect(runFiles(jars, 'lib/x.jar', { 'lib/x.jar': 'PK nonsense' })).rejects.toThrow(/lib\/x\.jar: is not a readable zip archive/);
    const zip = zipSync({ 'META-INF/maven/g/a/pom.properties': new TextEncoder().encode('groupId=g\nartifactId=a\nversion=1\n') });
    // Patch the central directory's uncompressed size (offset 24 of the entry header) to claim far more.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, ARCHIVE_LIMITS.entryBytes + 1, true);
    }
    await expect(runFiles(jars, 'bomb.jar', { 'bomb.jar': zip })).rejects.toThrow(/bomb\.jar: is refused: it entry META-INF/);
  });

  it('reads or throws UserError for arbitrary bytes and arbitrary zips', async () => {
    const entries = fc.dictionary(fc.constantFrom('META-INF/maven/g/a/pom.properties', 'a.jar', 'x.txt', 'WEB-INF/lib/b.jar'), fc.uint8Array({ maxLength: 64 }));
    const input = fc.oneof(fc.uint8Array({ maxLength: 200 }), entries.map((e) => zipSync(e)));
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        try {
          expectConsistent(await runFiles(jars, 'f.jar', { 'f.jar': bytes }));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
