/*
 * Losen chat widget: one script tag, no framework, no third-party requests.
 *
 * Why it looks like this:
 * - It runs inside a shadow root so the host page's CSS cannot break it (and ours cannot
 *   break the host page), and it never writes inline script or style, so it works under a
 *   strict Content-Security-Policy on the host page.
 * - The person using it may be watched. Quick exit is the first thing in the tab order, is
 *   always visible, and also answers to Shift pressed three times (the GOV.UK "Exit this page"
 *   pattern). Nothing is kept beyond sessionStorage (the session token, the dialog and the
 *   language), and quick exit erases even that and ends the session on the server.
 * - Every word on screen comes from the server's translations (GET /api/ui/{lang}).
 * See docs/widget.md.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__losenWidget) {
    return;
  }
  window.__losenWidget = true;

  // The server is where this script came from, not the page that embeds it.
  var src = new URL(script.src, location.href);
  var ORIGIN = src.origin;
  var WS_URL = (src.protocol === 'https:' ? 'wss://' : 'ws://') + src.host + '/ws';
  var CSS_URL = ORIGIN + '/assets/__LOSEN_CSS__';
  var DEFAULT_EXIT = 'https://www.yr.no/';
  var data = script.dataset;
  var PAGE = data.mode === 'page';
  var DIALOG = /^[a-z0-9-]{1,64}$/.test(data.dialog || '') ? data.dialog : 'rights';
  // A host may hide the "not checked by a person" line under draft (or stale) translations.
  var DRAFT_MARK = data.draftMark !== 'off';
  var STORE_KEY = 'losen:' + ORIGIN;
  var reduceMotion = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ---- what this tab keeps: sessionStorage only, never cookies or localStorage ----
  function load() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE_KEY)) || {};
    } catch (e) {
      return {};
    }
  }
  function forget() {
    try {
      sessionStorage.removeItem(STORE_KEY);
    } catch (e) { /* storage may be disabled; then there is nothing to erase */ }
  }
  var saved = load();
  if (saved.dialog !== DIALOG || (saved.expires && saved.expires < Date.now())) {
    saved = {};
    forget();
  }
  var state = {
    token: saved.token || null,
    lang: saved.lang || null,
    ttl: saved.ttl || 0,
    open: PAGE || !!saved.open
  };
  function save() {
    if (exiting) {
      return;
    }
    var s = { dialog: DIALOG, lang: state.lang, open: state.open };
    if (state.token) {
      s.token = state.token;
      s.ttl = state.ttl;
      s.expires = state.ttl ? lastActive + state.ttl * 1000 : 0;
    }
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(s));
    } catch (e) { /* without storage the widget still works; it just cannot resume */ }
  }

  // ---- words ----
  var T = {};
  var labelled = [];
  var ui = { lang: 'en', dir: 'ltr' };
  var languages = [];
  var exitTarget = null;
  function t(key) {
    var text = T['widget.' + key];
    if (!text) {
      // A missing word is a content bug; say so where developers and the browser tests look.
      console.warn('losen: no text for widget.' + key);
    }
    return text || '';
  }
  /** Registers a node whose text (or attribute) is a translation, so a language switch relabels it. */
  function label(node, key, attr) {
    labelled.push([node, key, attr]);
    apply(node, key, attr);
    return node;
  }
  function apply(node, key, attr) {
    if (attr) {
      node.setAttribute(attr, t(key));
    } else {
      node.textContent = t(key);
    }
  }

  function getJSON(path) {
    return fetch(ORIGIN + path, { credentials: 'omit', referrerPolicy: 'no-referrer' }).then(function (r) {
      if (!r.ok) {
        throw new Error('HTTP ' + r.status);
      }
      return r.json();
    });
  }

  function pickLang() {
    var offered = languages.map(function (l) { return l.code; });
    var asked = data.lang && data.lang !== 'auto' ? [data.lang] : [];
    if (state.lang) {
      asked.unshift(state.lang);
    }
    var nav = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < nav.length; i++) {
      var base = String(nav[i]).toLowerCase().split('-')[0];
      asked.push({ no: 'nb', nn: 'nb', prs: 'fa' }[base] || base);
    }
    asked.push('en');
    for (var j = 0; j < asked.length; j++) {
      if (offered.indexOf(asked[j]) >= 0) {
        return asked[j];
      }
    }
    return offered[0] || 'nb';
  }

  /**
   * The host page's data-exit-url, else the server's LOSEN_EXIT_URL, else the built-in neutral
   * site. A missing or blank value is skipped, never resolved: new URL(undefined, ORIGIN) is the
   * path "/undefined" on the Losen server, which would keep the person on the very site they flee.
   */
  function exitUrl() {
    var candidates = [data.exitUrl, exitTarget, DEFAULT_EXIT];
    for (var i = 0; i < candidates.length; i++) {
      if (typeof candidates[i] !== 'string' || !candidates[i].trim()) {
        continue;
      }
      try {
        var u = new URL(candidates[i], ORIGIN);
        if (u.protocol === 'https:' || u.protocol === 'http:') {
          return u.href;
        }
      } catch (e) { /* try the next one */ }
    }
    return DEFAULT_EXIT;
  }

  // ---- DOM helpers: no innerHTML anywhere, so server text can never become markup ----
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) {
        continue;
      }
      if (k === 'text') {
        el.textContent = v;
      } else if (k === 'class') {
        el.className = v;
      } else if (k.slice(0, 2) === 'on') {
        el.addEventListener(k.slice(2), v);
      } else {
        el.setAttribute(k, v === true ? '' : v);
      }
    }
    (kids || []).forEach(function (c) {
      if (c) {
        el.append(c);
      }
    });
    return el;
  }
  var uid = 0;
  function id(prefix) {
    uid += 1;
    return 'losen-' + prefix + '-' + uid;
  }

  // ---- the widget's frame ----
  var host, root, shadow, dock, exitBtn, dots, launcher, panel, titleEl, langSel, log, banner, bannerText,
    bannerBtn, form, input, sendBtn, tools, status, cover, print, privacy;
  var built = false;

  function build() {
    host = h('div', { 'data-losen-widget': '' });
    shadow = host.attachShadow({ mode: 'open' });
    var css = h('link', { rel: 'stylesheet', href: CSS_URL, referrerpolicy: 'no-referrer' });
    root = h('div', { class: PAGE ? 'losen page' : 'losen', hidden: true });
    // Shown only once our stylesheet is in, so the host page never sees an unstyled flash.
    css.addEventListener('load', function () { root.hidden = false; });
    css.addEventListener('error', function () { root.hidden = false; });
    shadow.append(css, root);

    status = h('div', { class: 'vh', role: 'status', 'aria-live': 'polite' });
    var hintId = id('exit-hint');
    dots = h('span', { class: 'dots', 'aria-hidden': 'true' }, [h('i'), h('i'), h('i')]);
    exitBtn = h('button', { type: 'button', class: 'exit', 'aria-describedby': hintId, onclick: quickExit },
      [label(h('span'), 'quick-exit'), dots]);
    var exitHint = label(h('span', { id: hintId, class: 'vh' }), 'quick-exit.hint');

    var panelId = id('panel');
    var titleId = id('title');
    titleEl = label(h(PAGE ? 'h1' : 'h2', { id: titleId, class: 'title' }), 'title');
    var langId = id('lang');
    langSel = h('select', { id: langId, onchange: function () { switchLang(langSel.value); } });
    var head = h('div', { class: 'head' }, [titleEl]);
    if (!PAGE) {
      head.append(h('button', { type: 'button', class: 'min', onclick: minimise }, [
        h('span', { class: 'min-icon', 'aria-hidden': 'true' }),
        label(h('span', { class: 'vh' }), 'minimise')
      ]));
    }
    head.append(h('span', { class: 'lang' }, [label(h('label', { for: langId }), 'language'), langSel]));
    bannerText = h('span');
    bannerBtn = h('button', { type: 'button', class: 'primary', hidden: true, onclick: bannerAction });
    banner = h('div', { class: 'banner', role: 'alert', hidden: true }, [bannerText, bannerBtn]);
    log = h('div', { class: 'log', role: 'log', tabindex: '0' });
    label(log, 'log', 'aria-label');
    privacy = label(h('p', { class: 'privacy' }), 'privacy');
    log.append(privacy);

    var inputId = id('q');
    var hintQ = id('q-hint');
    input = h('input', {
      id: inputId, type: 'text', maxlength: '1000', autocomplete: 'off', enterkeyhint: 'send',
      'aria-describedby': hintQ
    });
    label(input, 'input', 'placeholder');
    sendBtn = label(h('button', { type: 'submit', class: 'primary' }), 'send');
    form = h('form', { class: 'composer', onsubmit: onSend }, [
      label(h('label', { for: inputId, class: 'vh' }), 'input'),
      input, sendBtn,
      label(h('p', { id: hintQ, class: 'hint' }), 'input.hint')
    ]);
    tools = h('div', { class: 'tools' }, [
      label(h('button', { type: 'button', onclick: function () { step({ type: 'back' }); } }), 'back'),
      label(h('button', { type: 'button', onclick: function () { step({ type: 'restart' }); } }), 'restart'),
      label(h('button', { type: 'button', onclick: endConversation }), 'end')
    ]);
    panel = h('section', { id: panelId, class: 'panel', 'aria-labelledby': titleId, hidden: true },
      [head, banner, log, form, tools]);
    launcher = h('button', {
      type: 'button', class: 'launch primary', 'aria-expanded': 'false', 'aria-controls': panelId,
      onclick: function () { openPanel(true); }
    }, [h('span', { class: 'bubble', 'aria-hidden': 'true' }), label(h('span'), 'launcher')]);
    cover = h('div', { class: 'cover', hidden: true });
    // Quick exit first: it is the first stop in the tab order of the widget and of the page.
    dock = h('div', { class: 'dock' }, [exitBtn, exitHint, panel, PAGE ? null : launcher]);
    root.append(status, dock, cover);

    var mount = PAGE && document.getElementById('losen-chat');
    if (mount) {
      mount.append(host);
    } else {
      document.body.insertBefore(host, document.body.firstChild);
    }
    built = true;
  }

  function applyStrings(u) {
    T = u.strings || {};
    ui = { lang: u.lang, dir: u.dir === 'rtl' ? 'rtl' : 'ltr' };
    if (u.exit) {
      exitTarget = u.exit;
    }
    if (built) {
      relabel();
    }
  }

  function relabel() {
    root.setAttribute('lang', ui.lang);
    root.setAttribute('dir', ui.dir);
    labelled.forEach(function (l) { apply(l[0], l[1], l[2]); });
    if (PAGE) {
      document.documentElement.lang = ui.lang;
      document.documentElement.dir = ui.dir;
      document.title = t('title');
    }
    fillLanguages();
  }

  function fillLanguages() {
    langSel.textContent = '';
    languages.forEach(function (l) {
      langSel.append(h('option', { value: l.code, lang: l.code, dir: l.dir, selected: l.code === state.lang }, [l.name]));
    });
  }

  // ---- announcements for screen readers ----
  var statusTimer = null;
  function announce(text) {
    if (!status) {
      return;
    }
    clearTimeout(statusTimer);
    status.textContent = text;
    statusTimer = setTimeout(function () { status.textContent = ''; }, 6000);
  }

  var bannerMode = null;
  function showBanner(mode) {
    bannerMode = mode;
    if (!built) {
      return;
    }
    banner.hidden = !mode;
    bannerText.textContent = mode ? t(mode) : '';
    var action = { timeout: 'continue', expired: 'new', ended: 'new' }[mode];
    bannerBtn.hidden = !action;
    if (action) {
      bannerBtn.textContent = t(action);
    }
  }
  function bannerAction() {
    acted = true;
    if (bannerMode === 'timeout') {
      resume();
    } else {
      newConversation();
    }
  }

  // ---- quick exit ----
  var exiting = false;
  function quickExit() {
    if (exiting) {
      return;
    }
    // Erase first: whatever happens next, this tab keeps nothing.
    forget();
    exiting = true;
    var sock = ws;
    ws = null;
    stopTimers();
    if (built) {
      cover.hidden = false;
      dock.hidden = true;
      announce(t('exit.now'));
    }
    if (sock && sock.readyState === 1) {
      try {
        sock.send(JSON.stringify({ type: 'end' }));
      } catch (e) { /* leaving matters more than the goodbye */ }
    }
    var url = exitUrl();
    var waited = 0;
    (function leave() {
      // Let the end frame reach the network, but never hold the person here for long.
      if (sock && sock.readyState === 1 && sock.bufferedAmount > 0 && waited < 300) {
        waited += 20;
        setTimeout(leave, 20);
        return;
      }
      // replace(): the Back button must not lead back to this page.
      location.replace(url);
    })();
  }

  // Shift three times, each press on its own (Shift held for a capital letter does not count).
  var shifts = 0;
  var shiftTimer = null;
  var lastWasModified = false;
  function onKeyUp(e) {
    if (e.key === 'Shift' && !lastWasModified) {
      shifts += 1;
      clearTimeout(shiftTimer);
      if (shifts >= 3) {
        shifts = 0;
        quickExit();
        return;
      }
      announce(t(shifts === 1 ? 'exit.two' : 'exit.one'));
      shiftTimer = setTimeout(resetShifts, 5000);
    } else if (shifts) {
      resetShifts();
    }
    // Releasing Shift ends whatever it modified; some browsers still report shiftKey on that keyup.
    lastWasModified = e.key === 'Shift' ? false : e.shiftKey;
    showDots();
  }
  function resetShifts() {
    shifts = 0;
    clearTimeout(shiftTimer);
    showDots();
  }
  function showDots() {
    if (!built) {
      return;
    }
    exitBtn.classList.toggle('counting', shifts > 0);
    Array.prototype.forEach.call(dots.children, function (d, i) { d.classList.toggle('on', i < shifts); });
  }

  // ---- panel ----
  function openPanel(byUser) {
    state.open = true;
    save();
    panel.hidden = false;
    dock.classList.add('open');
    if (launcher) {
      launcher.hidden = true;
      launcher.setAttribute('aria-expanded', 'true');
    }
    if (byUser) {
      acted = true;
      // The launcher is gone; put focus where the conversation is.
      log.focus({ preventScroll: true });
    }
    if (!ws && !ended) {
      connect();
    }
  }
  function minimise() {
    state.open = false;
    save();
    panel.hidden = true;
    dock.classList.remove('open');
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  // ---- connection: resume the same session after a drop or a reload, with backoff ----
  var ws = null;
  var attempts = 0;
  var retryTimer = null;
  var pinger = null;
  var ended = false;
  var acted = false; // whether the person has done anything yet in this page load

  function connect() {
    if (ws || exiting) {
      return;
    }
    clearTimeout(retryTimer);
    var sock;
    try {
      sock = new WebSocket(WS_URL);
    } catch (e) {
      retry();
      return;
    }
    ws = sock;
    sock.onopen = function () {
      attempts = 0;
      if (bannerMode === 'reconnecting') {
        showBanner(null);
      }
      if (state.token) {
        resume();
      } else {
        start();
      }
      clearInterval(pinger);
      pinger = setInterval(function () { raw({ type: 'ping' }); }, 25000);
    };
    sock.onmessage = function (ev) {
      var f;
      try {
        f = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      if (ws === sock) {
        handle(f);
      }
    };
    sock.onclose = function () {
      if (ws !== sock) {
        return;
      }
      ws = null;
      clearInterval(pinger);
      if (!exiting && !ended) {
        showBanner('reconnecting'); // the banner is role=alert: screen readers hear it
        retry();
      }
    };
  }
  function retry() {
    clearTimeout(retryTimer);
    var delay = Math.min(30000, 1000 * Math.pow(2, attempts));
    attempts += 1;
    retryTimer = setTimeout(connect, delay / 2 + Math.random() * delay / 2);
  }
  window.addEventListener('online', function () {
    if (!ws && !ended && !exiting && state.open) {
      attempts = 0;
      connect();
    }
  });

  function raw(frame) {
    if (!ws || ws.readyState !== 1) {
      return false;
    }
    ws.send(JSON.stringify(frame));
    return true;
  }
  /** A step the person took: sent, and it keeps the session alive. */
  function step(frame) {
    if (ended) {
      return false;
    }
    acted = true;
    if (!raw(frame)) {
      showBanner('reconnecting');
      if (!ws) {
        connect();
      }
      return false;
    }
    touch();
    return true;
  }
  function start() {
    raw({ type: 'start', dialog: DIALOG, lang: state.lang });
    touch();
  }
  function resume() {
    if (!state.token) {
      return;
    }
    if (raw({ type: 'resume', token: state.token })) {
      touch();
      if (bannerMode === 'timeout') {
        showBanner(null);
      }
    }
  }

  function handle(f) {
    switch (f.type) {
      case 'session':
        state.token = f.token;
        state.ttl = f.ttl || 0;
        touch();
        break;
      case 'message':
        showMessage(f);
        break;
      case 'error':
        onError(f);
        break;
      default:
        break; // pong and anything newer
    }
  }

  function onError(f) {
    if (f.code === 'no_session') {
      // The session ended on the server (timed out, or ended elsewhere): begin a new one.
      state.token = null;
      save();
      note(t('expired'));
      start();
    } else if (f.code === 'too_long') {
      note(t('too-long'));
    } else if (f.code === 'rate_limited') {
      note(t('slow-down'));
    } else {
      note(t('error'));
    }
  }

  // ---- idle timeout: warn before the server forgets the session ----
  var lastActive = Date.now();
  var warnTimer = null;
  var expireTimer = null;
  function touch() {
    lastActive = Date.now();
    save();
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    if (bannerMode === 'timeout') {
      showBanner(null);
    }
    if (!state.ttl || !state.token) {
      return;
    }
    var ttl = state.ttl * 1000;
    var lead = Math.min(120000, ttl / 4);
    warnTimer = setTimeout(function () {
      showBanner('timeout');
    }, ttl - lead);
    expireTimer = setTimeout(expire, ttl);
  }
  function expire() {
    raw({ type: 'end' });
    finish('expired');
  }
  function stopTimers() {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    clearTimeout(retryTimer);
    clearInterval(pinger);
  }

  function endConversation() {
    raw({ type: 'end' });
    finish('ended');
  }
  /** The conversation is over: erased on the server, nothing kept here. */
  function finish(why) {
    ended = true;
    stopTimers();
    state.token = null;
    save();
    var sock = ws;
    ws = null;
    if (sock) {
      setTimeout(function () { sock.close(); }, 200);
    }
    clearChoices();
    showBanner(why);
    bannerBtn.focus();
  }
  function newConversation() {
    acted = true;
    ended = false;
    showBanner(null);
    log.textContent = '';
    log.append(privacy);
    if (ws) {
      start();
    } else {
      connect();
    }
  }

  // ---- language ----
  function switchLang(code) {
    getJSON('/api/ui/' + encodeURIComponent(code)).then(function (u) {
      state.lang = code;
      applyStrings(u);
      save();
      if (state.token && !ended) {
        step({ type: 'lang', lang: code });
      }
    }).catch(function () { note(t('error')); });
  }

  // ---- the conversation ----
  /** True when focus is nowhere useful, or on a choice that the next step is about to remove. */
  function focusLost() {
    if (!acted) {
      return false; // a page that just loaded keeps its natural order: quick exit first
    }
    var a = shadow.activeElement;
    return !a || !a.isConnected || a === log || a.disabled || !!a.closest('[hidden], .choices, .checklist');
  }
  function clearChoices() {
    Array.prototype.forEach.call(log.querySelectorAll('.choices, .checklist'), function (g) { g.remove(); });
  }
  function reveal(box, focusTarget) {
    var top = box.offsetTop - 8;
    if (log.scrollTo) {
      log.scrollTo({ top: top, behavior: reduceMotion ? 'auto' : 'smooth' });
    } else {
      log.scrollTop = top;
    }
    if (focusTarget) {
      focusTarget.focus({ preventScroll: true });
    }
  }

  function paragraphs(into, text) {
    String(text || '').split(/\n\s*\n/).forEach(function (para) {
      if (!para.trim()) {
        return;
      }
      var p = h('p');
      para.split('\n').forEach(function (line, i) {
        if (i) {
          p.append(h('br'));
        }
        p.append(line);
      });
      into.append(p);
    });
  }

  function note(text) {
    var box = h('p', { class: 'note', lang: ui.lang, dir: ui.dir, text: text });
    log.append(box);
    reveal(box);
  }

  function userSays(text) {
    var box = h('div', { class: 'msg me' }, [
      h('span', { class: 'vh', lang: ui.lang, text: t('you') + ' ' }),
      h('span', { dir: 'auto', text: text })
    ]);
    log.append(box);
  }

  function showMessage(m) {
    var lost = focusLost();
    clearChoices();
    var textId = id('text');
    var box = h('div', { class: 'msg bot', lang: m.lang, dir: m.dir === 'rtl' ? 'rtl' : 'ltr' });
    if (m.step) {
      box.append(h('p', { class: 'step', text: m.step }));
    }
    if (m.notice) {
      box.append(h('p', { class: 'notice', text: m.notice }));
    }
    var body = h('div', { id: textId });
    paragraphs(body, m.text);
    box.append(body);
    if (m.alt && m.alt.text) {
      var alt = h('div', { class: 'alt', lang: m.alt.lang, dir: m.alt.dir === 'rtl' ? 'rtl' : 'ltr' });
      paragraphs(alt, m.alt.text);
      box.append(alt);
    }
    (m.cards || []).forEach(function (c) { box.append(card(c)); });
    if (DRAFT_MARK && (m.draft || (m.alt && m.alt.draft))) {
      box.append(h('p', { class: 'draft', lang: ui.lang, dir: ui.dir, text: t('draft') }));
    }
    var first = null;
    if (m.choices && m.choices.length) {
      var group = m.multi ? checklist(m, textId) : choices(m, textId);
      box.append(group);
      first = group.querySelector('button, input');
    }
    log.append(box);
    reveal(box, lost ? (m.input ? input : first || input) : null);
  }

  function choices(m, textId) {
    var g = h('div', { class: 'choices', role: 'group', 'aria-labelledby': textId });
    m.choices.forEach(function (c) {
      g.append(h('button', {
        type: 'button', class: 'choice', text: c.label,
        onclick: function () {
          if (step({ type: 'choose', choice: c.id })) {
            userSays(c.label);
          }
        }
      }));
    });
    return g;
  }

  function checklist(m, textId) {
    var selected = m.selected || [];
    var g = h('div', { class: 'checklist', role: 'group', 'aria-labelledby': textId });
    var boxes = m.choices.map(function (c) {
      var cb = h('input', { type: 'checkbox', value: c.id, checked: selected.indexOf(c.id) >= 0 });
      g.append(h('label', { class: 'check' }, [cb, h('span', { text: c.label })]));
      return [cb, c];
    });
    g.append(h('button', {
      type: 'button', class: 'primary', lang: ui.lang, dir: ui.dir, text: t('done'),
      onclick: function () {
        var ticked = boxes.filter(function (b) { return b[0].checked; });
        if (step({ type: 'choose', choices: ticked.map(function (b) { return b[1].id; }) })) {
          userSays(ticked.length ? ticked.map(function (b) { return b[1].label; }).join(', ') : '–');
        }
      }
    }));
    return g;
  }

  function link(href, text, cls) {
    try {
      var u = new URL(href);
      if (['https:', 'http:', 'tel:'].indexOf(u.protocol) < 0) {
        return h('span', { text: text });
      }
    } catch (e) {
      return h('span', { text: text });
    }
    var external = href.slice(0, 4) !== 'tel:';
    return h('a', {
      href: href, class: cls, text: text, dir: 'ltr',
      target: external ? '_blank' : null, rel: external ? 'noopener noreferrer' : null
    });
  }

  /** "Source: x", "Checked: date", each value isolated so an id or a date keeps its order in Arabic. */
  function sourceLine(c) {
    if (!c.source && !c.checked) {
      return null;
    }
    var p = h('p', { class: 'src', lang: ui.lang });
    if (c.source) {
      p.append(t('source') + ': ', h('bdi', { text: c.source }));
    }
    if (c.checked) {
      p.append(c.source ? h('br') : '', t('checked') + ': ', h('bdi', { dir: 'ltr', class: 'date', text: c.checked }));
    }
    return p;
  }

  function card(c) {
    var el = h('div', { class: 'card card-' + (c.type || 'fact') });
    if (c.title) {
      el.append(h('p', { class: 'card-title', text: c.title }));
    }
    if (c.type === 'contact') {
      if (c.phone) {
        el.append(h('p', {}, [c.tel ? link('tel:' + c.tel, c.phone, 'phone') : h('span', { class: 'phone', text: c.phone })]));
      }
      if (c.url) {
        el.append(h('p', {}, [link(c.url, c.url.replace(/^https?:\/\//, '').replace(/\/$/, ''))]));
      }
      if (c.text) {
        paragraphs(el, c.text);
      }
    } else if (c.type === 'print') {
      el.append(h('ul', {}, (c.items || []).map(function (i) { return h('li', { text: i }); })));
      if (PAGE && window.print) {
        el.append(h('button', { type: 'button', lang: ui.lang, text: t('print'), onclick: function () { printCard(el); } }));
      }
    } else if (c.type === 'search') {
      el.append(h('ul', { class: 'results' }, (c.results || []).map(function (r) {
        // The sentences that answer, the question's words marked; the passage is Norwegian, so say so.
        var said = r.excerpt || r.text || '';
        var parts = [];
        var at = 0;
        (r.excerpt ? r.marks || [] : []).forEach(function (m) {
          if (m[0] >= at && m[1] <= said.length) {
            parts.push(said.slice(at, m[0]), h('mark', { text: said.slice(m[0], m[1]) }));
            at = m[1];
          }
        });
        parts.push(said.slice(at));
        var other = r.lang && r.lang !== ui.lang;
        return h('li', {}, [
          other ? h('p', { class: 'result-lang', text: t('norwegian-text') }) : null,
          said ? h('p', { lang: r.lang || null, dir: other ? 'ltr' : null }, parts) : null,
          h('p', { class: 'src' }, [t('source') + ': ', h('bdi', { text: [r.title, r.section].filter(Boolean).join(' – ') })])
        ]);
      })));
      if (c.text) {
        el.append(h('p', { class: 'caution', text: c.text }));
      }
    } else if (c.text) {
      paragraphs(el, c.text);
    }
    el.append(sourceLine(c) || '');
    return el;
  }

  function printCard(el) {
    // Print styles show only the card marked here (page mode only: on a host page we cannot hide the rest).
    if (print) {
      print.classList.remove('printing');
    }
    print = el;
    el.classList.add('printing');
    root.classList.add('print-one');
    window.print();
  }

  function onSend(e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    if (step({ type: 'text', text: text.slice(0, 1000) })) {
      userSays(text);
      input.value = '';
    }
  }

  // ---- start ----
  document.addEventListener('keyup', onKeyUp, true);
  window.addEventListener('pageshow', function (e) {
    // Back-forward cache: if the browser shows this page again, do not show it covered.
    if (e.persisted && built && exiting) {
      location.reload();
    }
  });

  var bootTry = 0;
  function boot() {
    getJSON('/api/languages?dialog=' + encodeURIComponent(DIALOG)).then(function (list) {
      languages = list.filter(function (l) { return l && /^[a-z]{2,3}$/.test(l.code); });
      state.lang = pickLang();
      return getJSON('/api/ui/' + encodeURIComponent(state.lang));
    }).then(function (u) {
      if (exiting) {
        return;
      }
      applyStrings(u);
      build();
      relabel();
      showBanner(bannerMode);
      if (state.open) {
        openPanel(false);
      }
    }).catch(function () {
      bootTry += 1;
      setTimeout(boot, Math.min(30000, 1000 * Math.pow(2, bootTry)));
    });
  }
  if (document.body) {
    boot();
  } else {
    document.addEventListener('DOMContentLoaded', boot);
  }
})();
