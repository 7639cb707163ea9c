import { describe, expect, it } from 'vitest';
import { ignoreNotifications } from '../../policy/ignores.js';
import { ignoreNoteKind, splitIgnoreNotes } from './ignore-notes.js';

describe('ignore notes', () => {
  it('recognises what ignoreNotifications writes, so the wording cannot drift apart', () => {
    const notes = ignoreNotifications({
      expired: [{ id: 'CVE-2020-1', reason: 'r', expires: '2024-01-01' }],
      unused: [{ path: 'vendor/**', reason: 'third party' }],
    });
    expect(notes.map(ignoreNoteKind)).toEqual(['expired', 'unused']);
  });

  it('leaves other notes alone and puts expired entries first', () => {
    const split = splitIgnoreNotes([
      { level: 'warning', message: 'Ignore for path vendor/** matched nothing.' },
      { level: 'note', message: 'SARIF results were split into 2 runs' },
      { level: 'warning', message: 'Ignore for CVE-2020-1 expired on 2024-01-01 and no longer applies.' },
      { level: 'warning', message: 'The package expired on 2020-01-01' },
    ]);
    expect(split.ignores.map((i) => i.kind)).toEqual(['expired', 'unused']);
    expect(split.other.map((n) => n.message)).toEqual(['SARIF results were split into 2 runs', 'The package expired on 2020-01-01']);
  });
});
