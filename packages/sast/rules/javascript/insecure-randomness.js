function generateResetToken() {
  // ruleid: js.insecure-random.math-random-secret
  return Math.random().toString(36).slice(2);
}

function createUser(user) {
  // ruleid: js.insecure-random.math-random-secret
  const tempPassword = Math.random().toString(36).substring(2, 10);
  // ruleid: js.insecure-random.math-random-secret
  user.apiKey = Math.floor(Math.random() * 1e16).toString(16);
  // ruleid: js.insecure-random.math-random-secret
  return { otp: String(Math.floor(100000 + Math.random() * 900000)), name: user.name };
}

class Sessions {
  newSessionId() {
    // ruleid: js.insecure-random.math-random-secret
    return 'sess_' + Math.random().toString(16).slice(2);
  }
}

function safe() {
  // ok: js.insecure-random.math-random-secret
  const resetToken = crypto.randomBytes(32).toString('hex');
  // ok: js.insecure-random.math-random-secret
  const delay = Math.random() * 1000;
  // ok: js.insecure-random.math-random-secret
  const color = colors[Math.floor(Math.random() * colors.length)];
  // ok: js.insecure-random.math-random-secret
  const csrfToken = crypto.randomUUID();
  // ok: js.insecure-random.math-random-secret
  return { x: Math.random() * width, y: Math.random() * height };
}
