import { describe, expect, it } from 'vitest';
import { sqlError } from './sql-errors.js';

describe('sqlError', () => {
  it.each([
    ['SQLite', 'Error: unrecognized token: "\'shoes\'\'"'],
    ['SQLite', 'sqlite3.OperationalError: near "AND": syntax error'],
    ['MySQL', "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''' at line 1"],
    ['PostgreSQL', 'ERROR:  unterminated quoted string at or near "\'" LINE 1'],
    ['Microsoft SQL Server', "Unclosed quotation mark after the character string ''."],
    ['Oracle', 'ORA-01756: quoted string not properly terminated'],
  ])('recognises %s', (db, text) => {
    expect(sqlError(`<pre>${text}</pre>`)?.db).toBe(db);
  });

  it.each([
    'No results for your search.',
    'Syntax error in your request: please check the form.',
    'The ORA gallery opens at 9.',
    'near the station: open 9 to 5',
  ])('ignores ordinary text: %s', (text) => {
    expect(sqlError(text)).toBeUndefined();
  });
});
