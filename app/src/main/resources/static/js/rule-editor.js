// 规则编辑: the form beside the clauses edits the rule file's YAML on the server (the text is the model), checks it
// as the officer types, shows each problem at its field and character, completes indicator names, runs the example
// tests and tries the rules out on an enterprise. No library: fetch + a small tokenizer for highlighting.
(function () {
  'use strict';
  var root, base, yaml, lastCheck = null, checkTimer = null, seq = 0;

  document.addEventListener('DOMContentLoaded', function () {
    root = document.getElementById('rule-editor');
    if (!root) return;
    base = root.dataset.base;
    root.dataset.pending = '0';
    yaml = document.getElementById('yaml');
    initForm();
    document.getElementById('toggle-yaml').addEventListener('click', function () {
      var panel = document.getElementById('yaml-panel');
      panel.hidden = !panel.hidden;
      this.textContent = panel.hidden ? '查看 YAML' : '收起 YAML';
    });
    yaml.addEventListener('input', function () { scheduleCheck(); });
    yaml.addEventListener('change', function () { refreshForm(); });
    initTryOut();
    check();
  });

  // ---- requests

  function post(path, fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (k) { if (fields[k] !== undefined && fields[k] !== null) body.append(k, fields[k]); });
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) headers[header.content] = token.content;
    return fetch(base + path, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' });
  }

  // Edits apply one after another, each to the text the previous one produced; an expression still waiting for
  // its typing pause is applied before any other edit, so no edit works on a stale copy of the text.
  var queue = Promise.resolve();
  var pendingExpr = new Map();

  /** Applies one form edit; on success the new text replaces the old and is checked. */
  function apply(fields, thenRefresh) {
    pendingExpr.forEach(function (flush) { flush(); });
    busy(1);
    var done = queue.then(function () { return applyNow(fields, thenRefresh); });
    queue = done.catch(function () { return false; });
    queue.then(function () { busy(-1); });
    return done;
  }

  // How many edits are still on their way (data-pending on the editor): the form is redrawn when one lands.
  var inFlight = 0;
  function busy(delta) {
    inFlight += delta;
    root.dataset.pending = String(inFlight);
  }

  function applyNow(fields, thenRefresh) {
    fields.yaml = yaml.value;
    return post('/apply', fields).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, body: j }; });
    }).then(function (res) {
      var err = document.getElementById('edit-error');
      if (!res.ok) {
        err.textContent = res.body.error || '修改未能应用';
        err.hidden = false;
        var at = res.body.field ? document.querySelector('.field-problems[data-field="' + cssEscape(res.body.field) + '"]') : null;
        if (at) at.appendChild(li(err.textContent, 'error'));
        return false;
      }
      err.hidden = true;
      yaml.value = res.body.yaml;
      if (thenRefresh) return refreshForm();
      check();
      return true;
    });
  }

  function refreshForm() {
    return post('/form', { yaml: yaml.value }).then(function (r) { return r.text(); }).then(function (html) {
      var form = document.getElementById('form');
      var tmp = document.createElement('div');
      tmp.innerHTML = html;
      var fresh = tmp.querySelector('#form');
      form.replaceWith(fresh);
      initForm();
      check();
      return true;
    });
  }

  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 400);
  }

  function check() {
    var mine = ++seq;
    return post('/check', { yaml: yaml.value }).then(function (r) { return r.json(); }).then(function (c) {
      if (mine !== seq) return;
      lastCheck = c;
      showCheck(c);
    });
  }

  // ---- check results

  function showCheck(c) {
    var summary = document.getElementById('check-summary');
    var errors = c.problems.filter(function (p) { return p.severity === '错误'; }).length;
    var failed = c.tests.filter(function (t) { return !t.passed; }).length;
    var warnings = c.problems.length - errors;
    summary.className = 'check-summary ' + (c.loads && failed === 0 && warnings === 0 ? 'ok' : 'bad');
    summary.textContent = (c.loads ? '可以加载 · 例子 ' + (c.tests.length - failed) + '/' + c.tests.length + ' 通过'
      : '有 ' + errors + ' 处错误') + (warnings > 0 ? ' · ' + warnings + ' 条警告' : '');
    var oq = document.getElementById('open-questions');
    oq.textContent = '待确认 ' + c.openQuestions + ' 项';
    oq.className = 'tag ' + (c.openQuestions > 0 ? 'warn' : 'ok');

    document.querySelectorAll('.field-problems').forEach(function (ul) { ul.innerHTML = ''; });
    document.querySelectorAll('.expr').forEach(function (e) { e.classList.remove('has-error'); e.dataset.errorAt = ''; });
    var general = document.getElementById('general-problems');
    general.innerHTML = '';
    var yamlList = document.getElementById('yaml-problems');
    yamlList.innerHTML = '';
    c.problems.forEach(function (p) {
      var where = '第 ' + p.line + ' 行第 ' + p.column + ' 列';
      yamlList.appendChild(li(p.severity + '：' + where + '：' + p.message, p.severity === '错误' ? 'error' : 'warning'));
      var target = p.field ? document.querySelector('.field-problems[data-field="' + cssEscape(p.field) + '"]') : null;
      if (!target) {
        general.appendChild(li(p.severity + '：' + where + '：' + p.message, p.severity === '错误' ? 'error' : 'warning'));
        return;
      }
      var text = p.offset >= 0 ? '第 ' + (p.offset + 1) + ' 个字符：' + p.message : p.message;
      target.appendChild(li(text, p.severity === '错误' ? 'error' : 'warning'));
      var expr = target.closest('.expr');
      if (expr && p.offset >= 0) {
        expr.classList.add('has-error');
        expr.dataset.errorAt = String(p.offset);
        highlight(expr);
      }
    });
    document.getElementById('general-problems-panel').hidden = general.children.length === 0;
    document.querySelectorAll('.expr').forEach(function (e) { if (!e.dataset.errorAt) highlight(e); });

    document.querySelectorAll('tr.test .outcome').forEach(function (td) { td.innerHTML = ''; });
    c.tests.forEach(function (t) {
      var row = t.field ? document.querySelector('tr.test[data-field="' + cssEscape(t.field) + '"] .outcome') : null;
      if (!row) return;
      var tag = document.createElement('span');
      tag.className = 'tag ' + (t.passed ? 'ok' : 'no');
      tag.textContent = t.passed ? '通过' : '未通过';
      row.appendChild(tag);
      t.failures.forEach(function (f) { var d = document.createElement('div'); d.className = 'failure'; d.textContent = f; row.appendChild(d); });
    });
  }

  function li(text, cls) {
    var e = document.createElement('li');
    e.className = cls;
    e.textContent = text;
    return e;
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
  }

  // ---- the form

  function ruleOf(el) {
    var card = el.closest('[data-rule]');
    return card ? card.dataset.rule : '';
  }

  function initForm() {
    document.querySelectorAll('#form .expr').forEach(initExpr);
    document.querySelectorAll('#form tr.param').forEach(function (row) {
      var input = row.querySelector('.param-value');
      input.addEventListener('change', function () {
        apply({ op: 'value', rule: ruleOf(row), name: row.dataset.name, date: row.dataset.date, literal: input.value }, true);
      });
      var source = row.querySelector('.param-source');
      if (source) source.addEventListener('change', function () {
        apply({ op: 'source', rule: ruleOf(row), name: source.dataset.name, source: source.value }, true);
      });
      var add = row.querySelector('.new-date-btn');
      if (add) add.addEventListener('click', function () {
        apply({ op: 'value', rule: ruleOf(row), name: add.dataset.name, date: row.querySelector('.new-date-date').value,
          literal: row.querySelector('.new-date-value').value }, true);
      });
    });
    document.querySelectorAll('#form .rule-field').forEach(function (f) {
      f.addEventListener('change', function () {
        apply({ op: 'field', rule: ruleOf(f), key: f.dataset.key, value: f.value }, true);
      });
    });
    document.querySelectorAll('#form .loop-order').forEach(function (box) {
      var expr = box.closest('.expr');
      var order = function () {
        apply({ op: 'order', rule: ruleOf(box), field: expr.dataset.field, index: expr.dataset.index, name: expr.dataset.name,
          loop: box.dataset.loop, key: box.querySelector('.loop-key').value, direction: box.querySelector('.loop-direction').value }, true);
      };
      box.querySelector('.loop-key').addEventListener('change', order);
      box.querySelector('.loop-direction').addEventListener('change', order);
    });
    document.querySelectorAll('#form .question').forEach(function (q) {
      q.querySelector('.answer-btn').addEventListener('click', function () {
        apply({ op: 'answer', index: q.dataset.index, answer: q.querySelector('.answer-input').value }, true);
      });
    });
    document.querySelectorAll('#form tr.test').forEach(function (row) {
      var rule = ruleOf(row);
      var status = row.querySelector('.expect-status');
      var amount = row.querySelector('.expect-amount');
      var expect = function () { apply({ op: 'expect', rule: rule, index: row.dataset.index, status: status.value, amount: amount.value }, true); };
      status.addEventListener('change', expect);
      amount.addEventListener('change', expect);
      row.querySelectorAll('.fact-value').forEach(function (f) {
        f.addEventListener('change', function () {
          apply({ op: 'fact', rule: rule, index: row.dataset.index, key: f.dataset.key, value: f.value }, true);
        });
      });
    });
    document.querySelectorAll('#form .new-test-btn').forEach(function (btn) {
      var box = btn.closest('.new-test-form');
      btn.addEventListener('click', function () {
        apply({ op: 'test', rule: ruleOf(btn), name: box.querySelector('.new-test-name').value,
          facts: box.querySelector('.new-test-facts').value, status: box.querySelector('.new-test-status').value,
          amount: box.querySelector('.new-test-amount').value }, true);
      });
    });
    document.querySelectorAll('#form .new-condition-btn').forEach(function (btn) {
      var box = btn.closest('.new-condition');
      btn.addEventListener('click', function () {
        apply({ op: 'condition', rule: ruleOf(btn), expr: box.querySelector('.new-condition-expr').value,
          label: box.querySelector('.new-condition-label').value }, true);
      });
    });
    document.querySelectorAll('#form .new-param-btn').forEach(function (btn) {
      var box = btn.closest('.new-form');
      btn.addEventListener('click', function () {
        apply({ op: 'parameter', rule: ruleOf(btn), name: box.querySelector('.new-param-name').value,
          label: box.querySelector('.new-param-label').value, literal: box.querySelector('.new-param-value').value,
          date: box.querySelector('.new-param-date').value, source: box.querySelector('.new-param-source').value }, true);
      });
    });
    document.querySelectorAll('#form .new-let-btn').forEach(function (btn) {
      var box = btn.closest('.new-form');
      btn.addEventListener('click', function () {
        apply({ op: 'let', rule: ruleOf(btn), name: box.querySelector('.new-let-name').value,
          label: box.querySelector('.new-let-label').value, expr: box.querySelector('.new-let-expr').value }, true);
      });
    });
    document.querySelectorAll('#form .remove-rule-btn').forEach(function (btn) {
      var box = btn.closest('.new-form');
      btn.addEventListener('click', function () {
        apply({ op: 'remove', rule: ruleOf(btn), reason: box.querySelector('.remove-rule-reason').value }, true);
      });
    });
    var newIndicator = document.getElementById('new-ind-btn');
    if (newIndicator) newIndicator.addEventListener('click', function () {
      apply({ op: 'indicator', id: document.getElementById('new-ind-id').value, name: document.getElementById('new-ind-name').value,
        unit: document.getElementById('new-ind-unit').value, granularity: document.getElementById('new-ind-granularity').value,
        source: document.getElementById('new-ind-source').value, sign: document.getElementById('new-ind-sign').value,
        integral: document.getElementById('new-ind-integral').checked ? 'true' : 'false' }, true);
    });
    var newRule = document.getElementById('new-rule-btn');
    if (newRule) newRule.addEventListener('click', function () {
      apply({ op: 'rule', measure: document.getElementById('new-rule-measure').value,
        title: document.getElementById('new-rule-title').value, quote: document.getElementById('new-rule-quote').value,
        kind: document.getElementById('new-rule-kind').value, delivery: document.getElementById('new-rule-delivery').value }, true);
    });
    if (lastCheck) showCheck(lastCheck);
  }

  // ---- expressions: highlighting, check as you type, completion

  var KEYWORDS = /^(and|or|not|if|then|else|in|true|false)$/;
  var TOKEN = /(\s+)|(\d{4}-(?:Q\d|\d{2})(?:-\d{2})?(?:\.\.\d{4}-\d{2}(?:-\d{2})?)?)|(\d+(?:\.\d+)?[%\u4e00-\u9fa5a-zA-Z\/]*)|([A-Za-z_][A-Za-z0-9_]*)|("[^"]*"?)|(>=|<=|!=|\.\.|[-+*\/<>=()\[\],≥≤≠])|([\u4e00-\u9fa5]+)|(.)/g;

  function highlight(expr) {
    var input = expr.querySelector('.expr-input');
    var out = expr.querySelector('.expr-hl');
    var text = input.value;
    var errorAt = expr.dataset.errorAt === '' || expr.dataset.errorAt === undefined ? -1 : parseInt(expr.dataset.errorAt, 10);
    out.innerHTML = '';
    var m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      var cls = m[1] ? null : m[2] ? 'tk-period' : m[3] ? 'tk-num' : m[4] ? (KEYWORDS.test(m[4]) ? 'tk-kw' : 'tk-name')
        : m[5] ? 'tk-str' : m[6] ? 'tk-op' : 'tk-bad';
      var span = document.createElement('span');
      if (cls) span.className = cls;
      if (errorAt >= m.index && errorAt < m.index + m[0].length) span.className += ' tk-error';
      span.textContent = m[0];
      out.appendChild(span);
    }
    if (errorAt >= text.length && errorAt >= 0) {
      var end = document.createElement('span');
      end.className = 'tk-error';
      end.textContent = ' ';
      out.appendChild(end);
    }
    out.appendChild(document.createTextNode('\n'));
  }

  function initExpr(expr) {
    var input = expr.querySelector('.expr-input');
    var list = expr.querySelector('.completions');
    var timer = null, completeTimer = null, active = -1;
    highlight(expr);
    input.addEventListener('input', function () {
      expr.dataset.errorAt = '';
      input.rows = Math.max(1, input.value.split('\n').length);
      highlight(expr);
      clearTimeout(timer);
      var flush = function () {
        clearTimeout(timer);
        pendingExpr.delete(expr);
        apply({ op: 'expr', rule: ruleOf(expr), field: expr.dataset.field, index: expr.dataset.index,
          name: expr.dataset.name || '', expr: input.value }, false);
      };
      pendingExpr.set(expr, flush);
      timer = setTimeout(flush, 400);
      clearTimeout(completeTimer);
      completeTimer = setTimeout(complete, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      var items = list.querySelectorAll('li');
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items.forEach(function (li, i) { li.classList.toggle('active', i === active); });
      } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
        e.preventDefault();
        accept(items[active].dataset.id);
      } else if (e.key === 'Escape') {
        list.hidden = true;
      }
    });
    input.addEventListener('blur', function () { setTimeout(function () { list.hidden = true; }, 200); });

    function wordBeforeCaret() {
      var upto = input.value.slice(0, input.selectionStart);
      var m = /[\u4e00-\u9fa5A-Za-z_][\u4e00-\u9fa5A-Za-z0-9_]*$/.exec(upto);
      return m ? m[0] : '';
    }

    function complete() {
      var word = wordBeforeCaret();
      var chinese = /[\u4e00-\u9fa5]/.test(word);
      if (!word || (!chinese && word.length < 2) || KEYWORDS.test(word)) { list.hidden = true; return; }
      post('/complete', { q: word, yaml: yaml.value }).then(function (r) { return r.json(); }).then(function (offers) {
        list.innerHTML = '';
        active = offers.length ? 0 : -1;
        offers.forEach(function (o, i) {
          var item = document.createElement('li');
          item.dataset.id = o.id;
          if (i === 0) item.className = 'active';
          var name = document.createElement('span'); name.className = 'c-name'; name.textContent = o.name || o.id;
          var id = document.createElement('code'); id.textContent = o.id;
          var kind = document.createElement('span'); kind.className = 'c-kind';
          kind.textContent = o.kind + (o.matched ? '（' + o.matched + '）' : '') + (o.detail ? ' · ' + o.detail : '');
          item.appendChild(name); item.appendChild(id); item.appendChild(kind);
          item.addEventListener('mousedown', function (e) { e.preventDefault(); accept(o.id); });
          list.appendChild(item);
        });
        list.hidden = offers.length === 0;
      });
    }

    function accept(id) {
      var word = wordBeforeCaret();
      var at = input.selectionStart - word.length;
      input.value = input.value.slice(0, at) + id + input.value.slice(input.selectionStart);
      input.selectionStart = input.selectionEnd = at + id.length;
      list.hidden = true;
      input.dispatchEvent(new Event('input'));
      list.hidden = true;
      clearTimeout(completeTimer);
    }
  }

  // ---- try-out

  function initTryOut() {
    var q = document.getElementById('try-query');
    var hits = document.getElementById('try-hits');
    var timer = null;
    q.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(root.dataset.enterprises + '?q=' + encodeURIComponent(q.value), { credentials: 'same-origin' })
          .then(function (r) { return r.json(); }).then(function (list) {
            hits.innerHTML = '';
            list.forEach(function (e) {
              var item = document.createElement('li');
              var b = document.createElement('button');
              b.type = 'button';
              b.className = 'secondary';
              b.textContent = e.name + '（' + e.uscc + '）';
              b.addEventListener('click', function () { tryOut(e.uscc); });
              item.appendChild(b);
              hits.appendChild(item);
            });
          });
      }, 250);
    });
  }

  function tryOut(uscc) {
    post('/try', { yaml: yaml.value, uscc: uscc }).then(function (r) { return r.text(); }).then(function (html) {
      var tmp = document.createElement('div');
      tmp.innerHTML = html;
      document.getElementById('try-result').replaceWith(tmp.querySelector('#try-result'));
    });
  }
})();
