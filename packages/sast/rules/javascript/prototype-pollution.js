function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      merge(target[key], source[key]);
    } else {
      // ruleid: js.prototype-pollution.recursive-merge
      target[key] = source[key];
    }
  }
  return target;
}

const deepAssign = (dst, src) => {
  Object.keys(src).forEach((k) => {
    // ruleid: js.prototype-pollution.recursive-merge
    dst[k] = isObject(src[k]) ? deepAssign(dst[k] || {}, src[k]) : src[k];
  });
  return dst;
};

function safeMerge(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (isObject(source[key])) {
      // ok: js.prototype-pollution.recursive-merge
      target[key] = safeMerge(target[key] || {}, source[key]);
    } else {
      // ok: js.prototype-pollution.recursive-merge
      target[key] = source[key];
    }
  }
  return target;
}

function copyFlat(target, source) {
  for (const key in source) {
    // ok: js.prototype-pollution.recursive-merge
    target[key] = source[key];
  }
}

app.post('/settings', (req, res) => {
  // ruleid: js.prototype-pollution.deep-merge-request
  const settings = _.merge({}, defaults, req.body);
  // ruleid: js.prototype-pollution.deep-merge-request
  $.extend(true, config, req.body);
  // ruleid: js.prototype-pollution.deep-merge-request
  _.set(user, req.body.path, req.body.value);
  // ok: js.prototype-pollution.deep-merge-request
  const s2 = _.merge({}, defaults, _.pick(req.body, ['theme', 'language']));
  // ok: js.prototype-pollution.deep-merge-request
  _.set(user, 'profile.theme', req.body.theme);
  // ok: js.prototype-pollution.deep-merge-request
  const names = _.map(req.body.items, 'name');
});
