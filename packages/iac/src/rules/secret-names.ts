/**
 * Variable names that hold a credential. A name that only points at one (`*_FILE`, `*_PATH`, `*_URL`) is the
 * safe pattern and is left alone, as are names of public values.
 */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|ACCESS_?KEY(?:_ID)?|SECRET_?KEY|CREDENTIALS?|AUTH|CLIENT_SECRET)(?:$|_)/i;
const POINTER = /_(?:FILE|PATH|URL|URI|DIR|NAME|ENDPOINT|HOST|LENGTH|TTL|TYPE|HEADER|ID_FILE)$/i;
const PUBLIC = /(?:PUBLIC|_ID$|^CI_JOB_TOKEN$|^GITHUB_TOKEN$)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !POINTER.test(name) && !PUBLIC.test(name) && !/^(?:PWD|OLDPWD)$/.test(name);
}
