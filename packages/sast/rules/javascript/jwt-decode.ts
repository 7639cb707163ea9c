import jwt, { JwtPayload } from 'jsonwebtoken';

export function authenticate(token: string, key: string): JwtPayload {
  const verified = jwt.verify(token, key, { algorithms: ['RS256'] }) as JwtPayload;
  // ok: js.jwt.decode-without-verify
  const header = jwt.decode(token, { complete: true })?.header;
  return verified;
}
