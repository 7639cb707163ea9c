import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../packages/core/src/archive/zip-writer.js';
import { unzip } from './fake-artifacts.js';
import { searchPath, stubFor, type StubContext, type UploadedArtifact } from './workflow-stubs.js';

const temp = mkdtempSync(join(tmpdir(), 'rampart-stubs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(join(temp, 'ws-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(ws, p, '..'), { recursive: true });
    writeFileSync(join(ws, p), text);
  }
  return ws;
}

function context(ws: string, inputs: Record<string, string>, artifacts = new Map<string, UploadedArtifact>()): StubContext & { lines: string[] } {
  const lines: string[] = [];
  return { inputs, workspace: ws, artifacts, store: undefined, log: (l) => lines.push(l), lines };
}

describe('third-party action stubs', () => {
  it('resolves tags and full SHAs of the stubbed actions only', () => {
    expect(stubFor('actions/checkout@v4')).toBeDefined();
    expect(stubFor('actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02')).toBeDefined();
    expect(stubFor('actions/upload-artifact@main')).toBeUndefined();
    expect(stubFor('actions/cache@v4')).toBeUndefined();
  });

  it('searchPath expands directories and * ? ** globs', () => {
    const ws = workspace({ 'r/sast/findings.json': '1', 'r/dast/findings.json': '2', 'r/dast/x.sarif': '3', 'r/deep/a/b/findings.json': '4' });
    const rel = (s: { root: string; files: string[] }) => s.files.map((f) => f.slice(s.root.length + 1)).sort();
    expect(rel(searchPath(ws, 'r/*/findings.json'))).toEqual(['dast/findings.json', 'sast/findings.json']);
    expect(rel(searchPath(ws, 'r/**/findings.json'))).toEqual(['dast/findings.json', 'deep/a/b/findings.json', 'sast/findings.json']);
    expect(rel(searchPath(ws, 'r/dast'))).toEqual(['findings.json', 'x.sarif']);
    expect(searchPath(ws, 'missing/*.json').files).toEqual([]);
  });

  it('upload-artifact zips a directory, honours exclusions and if-no-files-found', () => {
    const ws = workspace({ 'out/a.json': 'a', 'out/sub/b.json': 'b', 'out/skip.log': 'x', 'out/.env': 'secret' });
    const upload = stubFor('actions/upload-artifact@v4');
    const ctx = context(ws, { name: 'r', path: 'out/\n!out/*.log' });
    upload?.run(ctx);
    const zip = ctx.artifacts.get('r')?.zip ?? Buffer.alloc(0);
    expect([...unzip(zip).keys()].sort()).toEqual(['a.json', 'sub/b.json']);
    expect(() => upload?.run(context(ws, { name: 'none', path: 'nothing/', 'if-no-files-found': 'error' }))).toThrow(/no files were found/);
    const warn = context(ws, { name: 'none', path: 'nothing/' });
    upload?.run(warn);
    expect(warn.lines[0]).toMatch(/^::warning::No files were found/);
  });

  it('download-artifact refuses an entry that would land outside its path', () => {
    const ws = workspace({});
    const download = stubFor('actions/download-artifact@v4');
    const evil = buildZip([{ name: 'ok.json', data: '{}' }, { name: '../../escaped.txt', data: 'x' }]);
    const artifacts = new Map([['a', { name: 'a', files: [], zip: evil }]]);
    expect(() => download?.run(context(ws, { name: 'a', path: 'into' }, artifacts))).toThrow(/escapes/);
    expect(existsSync(join(ws, '..', 'escaped.txt'))).toBe(false);
    // Nothing of a refused artifact is written, not even its harmless entries.
    expect(existsSync(join(ws, 'into/ok.json'))).toBe(false);
    const good = new Map([['b', { name: 'b', files: [], zip: buildZip([{ name: 'd/f.json', data: '{"x":1}' }]) }]]);
    download?.run(context(ws, { name: 'b', path: 'into' }, good));
    expect(readFileSync(join(ws, 'into/d/f.json'), 'utf8')).toBe('{"x":1}');
  });
});
