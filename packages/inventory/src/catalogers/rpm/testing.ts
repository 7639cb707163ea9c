import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSqliteTable } from './sqlite.js';

/** Three tiny packages: a library, an app that needs it by soname and by file, and a subpackage of the app. */
const SPECS: Record<string, string> = {
  'rampart-base': `Name: rampart-base
Version: 1.0
Release: 1
Summary: base library
License: MIT
BuildArch: noarch
Provides: libbase.so.1()(64bit)
%description
base
%install
mkdir -p %{buildroot}/usr/lib/rampart
echo base > %{buildroot}/usr/lib/rampart/base.txt
%files
/usr/lib/rampart/base.txt
`,
  'rampart-app': `Name: rampart-app
Version: 2.5.0
Release: 3.el9
Epoch: 1
Summary: app
License: Apache-2.0 AND MIT
BuildArch: noarch
Requires: libbase.so.1()(64bit)
Requires: /usr/lib/rampart/base.txt
Requires: not-installed-anywhere
%description
app
%package libs
Summary: app libraries
License: LGPL-2.1-or-later
Requires: rampart-base
%description libs
libs
%files
%files libs
`,
};

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status}): ${result.error?.message ?? ''}${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Builds the packages with rpmbuild and records them in a fresh rpmdb.sqlite with rpm itself (`--justdb`: only the
 * database is written). Needs Debian's `rpm` package (rpm 4.18, SQLite backend); fails loudly without it.
 */
export function buildRpmDb(work: string): string {
  const top = join(work, 'rpmbuild');
  for (const d of ['SPECS', 'BUILD', 'RPMS', 'SOURCES', 'SRPMS', 'BUILDROOT']) mkdirSync(join(top, d), { recursive: true });
  for (const [name, spec] of Object.entries(SPECS)) {
    const file = join(top, 'SPECS', `${name}.spec`);
    writeFileSync(file, spec);
    run('rpmbuild', ['--define', `_topdir ${top}`, '-bb', file]);
  }
  const db = join(work, 'db');
  mkdirSync(db, { recursive: true });
  run('rpm', ['--dbpath', db, '--initdb']);
  const rpms = readdirSync(join(top, 'RPMS', 'noarch')).map((f) => join(top, 'RPMS', 'noarch', f));
  run('rpm', ['--dbpath', db, '-i', '--justdb', '--nodeps', '--ignoreos', '--ignorearch', ...rpms]);
  return join(db, 'rpmdb.sqlite');
}

/** What rpm itself lists: `name version-release epoch arch` per installed package. */
export function rpmQueryAll(dbDir: string, backend?: 'bdb_ro'): Set<string> {
  const args = ['--dbpath', dbDir, ...(backend ? ['--define', `_db_backend ${backend}`] : [])];
  const out = execFileSync('rpm', [...args, '-qa', '--qf', '%{NAME} %{VERSION}-%{RELEASE} %{EPOCHNUM} %{ARCH}\\n'], {
    encoding: 'utf8',
    // rpm's read-only Berkeley DB backend warns about the index databases a bare Packages file lacks.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Set(out.split('\n').filter(Boolean));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * The same headers in a Berkeley DB hash database, as rpm before 4.16 kept `Packages`: written by Berkeley DB's own
 * db5.3_load (Debian's `db5.3-util`) from a db_dump "bytevalue" listing, keys being native-endian instance numbers
 * and key 0 rpm's instance counter. Small pages push every header into chains of overflow pages.
 */
export function berkeleyDbOf(sqliteFile: string, out: string, pageSize: number): void {
  const rows = readSqliteTable(new Uint8Array(readFileSync(sqliteFile)), 'Packages', sqliteFile);
  const key = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return hex(b);
  };
  const lines = ['VERSION=3', 'format=bytevalue', 'type=hash', `db_pagesize=${pageSize}`, 'HEADER=END'];
  lines.push(` ${key(0)}`, ` ${key(rows.length + 1)}`);
  for (const row of rows) lines.push(` ${key(row.rowid)}`, ` ${hex(row.values[1] as Uint8Array)}`);
  lines.push('DATA=END', '');
  const result = spawnSync('db5.3_load', [out], { input: lines.join('\n'), encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`db5.3_load failed (exit ${result.status}; apt-get install -y db5.3-util): ${result.error?.message ?? ''}${result.stderr}`);
  }
}
