import { UserError } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { makeScope } from './scope.js';

describe('makeScope', () => {
  const scope = makeScope('http://127.0.0.1:3000/app/', [], ['/logout']);
  it('keeps the target origin only', () => {
    expect(scope.inScope('http://127.0.0.1:3000/app/x?q=1')).toBe(true);
    expect(scope.inScope('http://127.0.0.1:3000/other')).toBe(true);
    expect(scope.inScope('http://127.0.0.1:3001/app/')).toBe(false);
    expect(scope.inScope('https://127.0.0.1:3000/app/')).toBe(false);
    expect(scope.inScope('http://localhost:3000/app/')).toBe(false);
    expect(scope.inScope('javascript:alert(1)')).toBe(false);
  });
  it('drops excluded URLs and, with include, keeps only matching ones on the same origin', () => {
    expect(scope.inScope('http://127.0.0.1:3000/logout')).toBe(false);
    const narrow = makeScope('http://127.0.0.1:3000/app/', ['^http://127\\.0\\.0\\.1:3000/app/'], []);
    expect(narrow.inScope('http://127.0.0.1:3000/app/a')).toBe(true);
    expect(narrow.inScope('http://127.0.0.1:3000/admin')).toBe(false);
    const sneaky = makeScope('http://127.0.0.1:3000/', ['.*'], []);
    expect(sneaky.inScope('http://evil.example/')).toBe(false);
  });
  it('refuses a bad target or regex with a UserError naming the field', () => {
    expect(() => makeScope('ftp://x/')).toThrow(UserError);
    expect(() => makeScope('not a url')).toThrow(/--target/);
    expect(() => makeScope('http://x/', ['('])).toThrow(/include/);
  });
});
