import { describe, expect, it } from 'vitest';
import { regexWords } from './regex-words.js';

describe('regexWords', () => {
  it('requires the literal runs that are not optional', () => {
    expect(regexWords('^tempfile\\.mktemp$')).toEqual([['tempfile.mktemp']]);
    expect(regexWords('password')).toEqual([['password']]);
    // `s?` is optional, so `loads?` needs `load` only; a class ends a run.
    expect(regexWords('^pickle\\.loads?$')).toEqual([['pickle.load']]);
    expect(regexWords('^hashlib\\.(md5|sha1)\\b')).toEqual([['hashlib.'], ['md5', 'sha1']]);
    expect(regexWords('md5|sha[0-9]')).toEqual([['md5', 'sha']]);
    expect(regexWords('^(subprocess\\.)?(call|run)$')).toEqual([['call', 'run']]);
    expect(regexWords('\\bverify\\s*=\\s*False')).toEqual([['verify'], ['False']]);
  });

  it('takes one word from each alternative, the longest it needs', () => {
    expect(regexWords('^(query|execute|run)$')).toEqual([['query', 'execute', 'run']]);
    expect(regexWords('exec|spawn')).toEqual([['exec', 'spawn']]);
    expect(regexWords('^(pickle|cPickle|dill)\\.(loads?|Unpickler)$')).toEqual([['pickle', 'cPickle', 'dill'], ['load', 'Unpickler']]);
    expect(regexWords('^(yaml\\.load|load)$')).toEqual([['yaml.load', 'load']]);
  });

  it('adds nothing where an alternative, a repetition or a flag leaves it unsure', () => {
    for (const re of ['(?i)select', '^\\w+$', '^(a|b)$', '^(x|(y|z))$', 'a.*b', '^$', '(md5|)', '(sha1)?x', 'a{0,3}b', '\\x41bc', '(?P<n>abc)', '[[:alpha:]]abc', 'ab(cd']) {
      expect(regexWords(re), re).toEqual([]);
    }
  });

  it('keeps a repeated literal once and ends the run there', () => {
    expect(regexWords('ab+cd')).toEqual([['ab'], ['cd']]);
    expect(regexWords('(abc)+x')).toEqual([['abc']]);
    expect(regexWords('[abc]def')).toEqual([['def']]);
    expect(regexWords('a{0,3}bc')).toEqual([['bc']]);
  });
});
