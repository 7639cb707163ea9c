import DOMPurify from 'dompurify';
import escapeHtml from 'escape-html';

function render(el, comment, user) {
  // ruleid: js.xss.inner-html-dynamic
  el.innerHTML = comment.body;
  // ruleid: js.xss.inner-html-dynamic
  el.innerHTML = '<b>' + user.name + '</b>';
  // ruleid: js.xss.inner-html-dynamic
  document.getElementById('out').outerHTML = `<div>${location.hash.slice(1)}</div>`;
  // ruleid: js.xss.inner-html-dynamic
  list.innerHTML += `<li>${item}</li>`;
  // ok: js.xss.inner-html-dynamic
  el.innerHTML = '';
  // ok: js.xss.inner-html-dynamic
  el.innerHTML = '<span class="spinner"></span>';
  // ok: js.xss.inner-html-dynamic
  el.innerHTML = DOMPurify.sanitize(comment.body);
  // ok: js.xss.inner-html-dynamic
  el.innerHTML = '<b>' + escapeHtml(user.name) + '</b>';
  // ok: js.xss.inner-html-dynamic
  el.textContent = comment.body;

  // ruleid: js.xss.insert-adjacent-html-dynamic
  el.insertAdjacentHTML('beforeend', `<p>${comment.text}</p>`);
  // ok: js.xss.insert-adjacent-html-dynamic
  el.insertAdjacentHTML('beforeend', '<hr>');
  // ok: js.xss.insert-adjacent-html-dynamic
  el.insertAdjacentHTML('beforeend', DOMPurify.sanitize(comment.html));

  // ruleid: js.xss.document-write-dynamic
  document.write('<img src="/track?u=' + location.search + '">');
  // ruleid: js.xss.document-write-dynamic
  document.writeln(userHtml);
  // ok: js.xss.document-write-dynamic
  document.write('<p>Loading</p>');
  // ok: js.xss.document-write-dynamic
  document.write(`<script src="${CDN_URL}"></script>`);
}

function Comment({ comment }) {
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div className="c" dangerouslySetInnerHTML={{ __html: comment.html }} />;
}

function SafeComment({ comment }) {
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.html) }} />;
}

function Static() {
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: '<br/>' }} />;
}

function Raw(props) {
  // ruleid: js.xss.react-dangerously-set-inner-html
  return React.createElement('div', { dangerouslySetInnerHTML: { __html: `<p>${props.bio}</p>` } });
}

app.get('/search', (req, res) => {
  // ruleid: js.xss.express-response-request-data
  res.send(`<h1>Results for ${req.query.q}</h1>`);
  // ruleid: js.xss.express-response-request-data
  res.write('<p>Hello ' + req.body.name + '</p>');
  // ruleid: js.xss.express-response-request-data
  res.send(req.query.callback);
  // ok: js.xss.express-response-request-data
  res.send(`<h1>Results for ${escapeHtml(req.query.q)}</h1>`);
  // ok: js.xss.express-response-request-data
  res.write('<p>Hello ' + escapeHtml(req.body.name) + '</p>');
  // ok: js.xss.express-response-request-data
  res.json({ q: req.query.q });
  // ok: js.xss.express-response-request-data
  res.render('search', { q: req.query.q });
});
