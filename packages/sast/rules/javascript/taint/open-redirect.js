/* eslint-disable */
app.get('/login', (req, res) => {
  const next = req.query.next;
  // ruleid: js.taint.open-redirect
  res.redirect(next);
  // ruleid: js.taint.open-redirect
  res.redirect(302, req.query.url);
  // ok: js.taint.open-redirect
  res.redirect('/profile?tab=' + next);
  // ok: js.taint.open-redirect
  res.redirect('/home');
  if (ALLOWED_TARGETS.includes(next)) {
    // ok: js.taint.open-redirect
    res.redirect(next);
  }
});

router.get('/go', (ctx) => {
  // ruleid: js.taint.open-redirect
  ctx.redirect(ctx.query.to);
});
