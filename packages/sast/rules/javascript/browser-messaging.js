function notifyParent(token) {
  // ruleid: js.postmessage.wildcard-target-origin
  window.parent.postMessage({ type: 'auth', token }, '*');
  // ruleid: js.postmessage.wildcard-target-origin
  popup.postMessage(JSON.stringify(data), "*");
  // ok: js.postmessage.wildcard-target-origin
  window.parent.postMessage({ type: 'auth', token }, 'https://app.example.com');
  // ok: js.postmessage.wildcard-target-origin
  worker.postMessage({ cmd: 'start' });
  // ok: js.postmessage.wildcard-target-origin
  port.postMessage(payload, [buffer]);
}

// ruleid: js.postmessage.listener-without-origin-check
window.addEventListener('message', (event) => {
  document.getElementById('out').textContent = event.data.text;
  eval(event.data.code);
});

// ok: js.postmessage.listener-without-origin-check
window.addEventListener('message', (event) => {
  if (event.origin !== 'https://trusted.example.com') return;
  render(event.data);
});

// ok: js.postmessage.listener-without-origin-check
window.addEventListener('click', (event) => track(event.target));

// ok: js.postmessage.listener-without-origin-check
window.addEventListener('message', onTrustedMessage);

// ruleid: js.postmessage.onmessage-without-origin-check
window.onmessage = function (e) {
  location.href = e.data.redirect;
};

// ok: js.postmessage.onmessage-without-origin-check
window.onmessage = function (e) {
  if (e.origin === ALLOWED_ORIGIN) handle(e.data);
};
