app.get('/login/callback', (req, res) => {
  // ruleid: js.open-redirect.request-url
  res.redirect(req.query.returnTo);
  // ruleid: js.open-redirect.request-url
  res.redirect(302, req.body.next);
  // ruleid: js.open-redirect.request-url
  res.redirect(`${req.query.host}/dashboard`);
  // ruleid: js.open-redirect.request-url
  res.location(req.get('referer'));
  // ruleid: js.open-redirect.request-url
  res.writeHead(302, { Location: req.query.url });
  // ruleid: js.open-redirect.request-url
  res.setHeader('Location', req.query['next']);
  // ok: js.open-redirect.request-url
  res.redirect('/dashboard');
  // ok: js.open-redirect.request-url
  res.redirect(`/users/${req.params.id}/profile`);
  // ok: js.open-redirect.request-url
  res.redirect(ALLOWED_REDIRECTS[req.query.target] || '/');
  // ok: js.open-redirect.request-url
  res.setHeader('Content-Type', req.query.type);
});

router.get('/koa', async (ctx) => {
  // ruleid: js.open-redirect.request-url
  ctx.redirect(ctx.query.next);
  // ok: js.open-redirect.request-url
  ctx.redirect('/home');
});
