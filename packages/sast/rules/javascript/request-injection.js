app.get('/search', async (req, res) => {
  // ruleid: js.regex-injection.request-regexp
  const re = new RegExp(req.query.q, 'i');
  // ruleid: js.regex-injection.request-regexp
  const re2 = RegExp('^' + req.params.prefix);
  // ok: js.regex-injection.request-regexp
  const re3 = new RegExp(_.escapeRegExp(req.query.q), 'i');
  // ok: js.regex-injection.request-regexp
  const re4 = new RegExp('^[a-z]+$');
  // ok: js.regex-injection.request-regexp
  const re5 = new RegExp(escapeStringRegexp(req.query.q));

  // ruleid: js.template-injection.request-template
  const html = pug.render(req.body.template, { user });
  // ruleid: js.template-injection.request-template
  const fn = _.template(`Hello ${req.query.name}!`);
  // ruleid: js.template-injection.request-template
  const out = ejs.render('<h1>' + req.query.title + '</h1>');
  // ruleid: js.template-injection.request-template
  const tpl = Handlebars.compile(req.body.source);
  // ok: js.template-injection.request-template
  const html2 = pug.renderFile('views/page.pug', { name: req.query.name });
  // ok: js.template-injection.request-template
  const out2 = ejs.render('<h1><%= title %></h1>', { title: req.query.title });
  // ok: js.template-injection.request-template
  const fn2 = _.template('Hello <%- name %>!');

  // ruleid: js.mass-assignment.request-body-model
  const user = await User.create(req.body);
  // ruleid: js.mass-assignment.request-body-model
  await User.findByIdAndUpdate(req.params.id, req.body);
  // ruleid: js.mass-assignment.request-body-model
  const doc = new Account(req.body);
  // ruleid: js.mass-assignment.request-body-model
  Object.assign(profile, req.body);
  // ruleid: js.mass-assignment.request-body-model
  await prisma.user.update({ where: { id }, data: req.body });
  // ok: js.mass-assignment.request-body-model
  const u2 = await User.create({ name: req.body.name, email: req.body.email });
  // ok: js.mass-assignment.request-body-model
  await User.findByIdAndUpdate(req.params.id, { name: req.body.name });
  // ok: js.mass-assignment.request-body-model
  const params = new URLSearchParams(req.body);
  // ok: js.mass-assignment.request-body-model
  cache.set(req.body);
});
