const crypto = require('crypto');
const { createHash, createCipheriv, randomBytes, scryptSync } = require('node:crypto');

function fingerprint(buf) {
  // ruleid: js.weak-hash.md5-sha1
  return crypto.createHash('md5').update(buf).digest('hex');
}
function sign(data) {
  // ruleid: js.weak-hash.md5-sha1
  return createHash('sha1').update(data).digest('base64');
}
function digest(data) {
  // ok: js.weak-hash.md5-sha1
  return crypto.createHash('sha256').update(data).digest('hex');
}
function digest2(data, alg) {
  // ok: js.weak-hash.md5-sha1
  return crypto.createHash(alg).update(data).digest('hex');
}

function storeUser(user, password) {
  // ruleid: js.weak-hash.password-fast-hash
  user.hash = crypto.createHash('md5').update(password).digest('hex');
  // ruleid: js.weak-hash.password-fast-hash
  user.hash2 = createHash('sha256').update(salt + req.body.password).digest('hex');
  // ok: js.weak-hash.password-fast-hash
  user.hash3 = crypto.scryptSync(password, salt, 64).toString('hex');
  // ok: js.weak-hash.password-fast-hash
  user.etag = crypto.createHash('sha256').update(user.profile).digest('hex');
}

function encrypt(text, key, iv) {
  // ruleid: js.weak-cipher.broken-algorithm
  const c1 = crypto.createCipheriv('des-cbc', key, iv);
  // ruleid: js.weak-cipher.broken-algorithm
  const c2 = crypto.createCipheriv('aes-128-ecb', key, null);
  // ruleid: js.weak-cipher.broken-algorithm
  const c3 = createCipheriv('rc4', key, null);
  // ok: js.weak-cipher.broken-algorithm
  const c4 = crypto.createCipheriv('aes-256-gcm', key, iv);
  // ok: js.weak-cipher.broken-algorithm
  const c5 = crypto.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });

  // ruleid: js.weak-cipher.create-cipher-deprecated
  const old = crypto.createCipher('aes-256-cbc', password);
  // ruleid: js.weak-cipher.create-cipher-deprecated
  const oldD = crypto.createDecipher('aes-256-cbc', password);
  // ok: js.weak-cipher.create-cipher-deprecated
  const modern = crypto.createCipheriv('aes-256-gcm', scryptSync(password, salt, 32), randomBytes(12));
}

function tokens(data) {
  // ruleid: js.crypto.hardcoded-key
  const c = crypto.createCipheriv('aes-256-cbc', 'q8Ghd82kLm0s9PwZxY7vT3bN5cR1eA4u', iv);
  // ruleid: js.crypto.hardcoded-key
  const mac = crypto.createHmac('sha256', Buffer.from('my-signing-secret')).update(data).digest('hex');
  // ok: js.crypto.hardcoded-key
  const c2 = crypto.createCipheriv('aes-256-gcm', Buffer.from(process.env.DATA_KEY, 'base64'), iv);
  // ok: js.crypto.hardcoded-key
  const mac2 = crypto.createHmac('sha256', config.hmacKey).update(data).digest('hex');

  // ruleid: js.crypto.static-iv
  const s1 = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0));
  // ruleid: js.crypto.static-iv
  const s2 = crypto.createCipheriv('aes-256-gcm', key, '000000000000');
  // ruleid: js.crypto.static-iv
  const s3 = crypto.createCipheriv('aes-128-cbc', key, Buffer.from('1234567890abcdef'));
  // ok: js.crypto.static-iv
  const s4 = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  // ok: js.crypto.static-iv
  const s5 = crypto.createCipheriv('aes-256-gcm', key, iv);
}

function keys() {
  // ruleid: js.crypto.weak-rsa-key
  const k1 = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  // ruleid: js.crypto.weak-rsa-key
  crypto.generateKeyPair('rsa', { modulusLength: 512, publicExponent: 3 }, cb);
  // ok: js.crypto.weak-rsa-key
  const k2 = crypto.generateKeyPairSync('rsa', { modulusLength: 4096 });
  // ok: js.crypto.weak-rsa-key
  const k3 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });

  // ruleid: js.crypto.pbkdf2-low-iterations
  const dk = crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512');
  // ok: js.crypto.pbkdf2-low-iterations
  const dk2 = crypto.pbkdf2Sync(password, salt, 600000, 64, 'sha256');
  // ok: js.crypto.pbkdf2-low-iterations
  crypto.pbkdf2(password, salt, ITERATIONS, 64, 'sha256', cb);
}
