import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, splitFlags, stagesOf } from './dockerfile.js';

describe('parseDockerfile', () => {
  it('joins continuations, drops comments inside them, and keeps the first line', () => {
    const { instructions } = parseDockerfile('FROM alpine:3.20\nRUN apk add \\\n  # a comment\n  curl\nUSER app\n');
    expect(instructions.map((i) => [i.keyword, i.args, i.line])).toEqual([
      ['FROM', 'alpine:3.20', 1],
      ['RUN', 'apk add curl', 2],
      ['USER', 'app', 5],
    ]);
  });

  it('reads the escape directive and the JSON form', () => {
    const { instructions, directives } = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN dir `\n  c:\\\nCMD ["cmd", "/c", "echo hi"]\n');
    expect(directives.get('escape')).toBe('`');
    expect(instructions[1]?.args).toBe('dir c:\\');
    expect(instructions[2]?.json).toEqual(['cmd', '/c', 'echo hi']);
  });

  it('appends heredoc bodies to RUN and continues after them', () => {
    const { instructions } = parseDockerfile('FROM alpine:3.20\nRUN <<EOF\ncurl -s https://x | sh\nEOF\nUSER app\n');
    expect(instructions[1]?.args).toContain('curl -s https://x | sh');
    expect(instructions[2]).toMatchObject({ keyword: 'USER', line: 5 });
  });

  it('splits flags and stages', () => {
    expect(splitFlags('--platform=linux/amd64 node:20 AS web').rest).toBe('node:20 AS web');
    const stages = stagesOf(parseDockerfile('FROM a:1 AS build\nRUN x\nFROM build\nUSER u\n').instructions);
    expect(stages.map((s) => [s.image, s.name, s.instructions.length])).toEqual([
      ['a:1', 'build', 1],
      ['build', undefined, 1],
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('F', 'R', 'O', 'M', ' ', '\\', '\n', '#', '<', 'E', '[', '"', '`', '=') , maxLength: 200 }), (text) => {
        parseDockerfile(text);
      }),
    );
  });
});
