/*
 * Losen staff console. Plain JavaScript, no framework, no inline code (CSP default-src 'self').
 * Talks the /ws protocol (docs/protocol.md). Keeps nothing but the session token and the steps
 * passed in this tab's sessionStorage; "End and erase" clears both and the server's session.
 */
(function () {
  'use strict';

  const STORE = 'losen.console';
  const $ = function (id) { return document.getElementById(id); };

  let S = {};                 // the console's words
  let me = null;              // {user, csrf, idle} once logged in
  let uiLang = 'nb';
  let dialogs = [];           // staff dialogs from /staff/dialogs
  let dialog = null;          // the one running
  let history = [];           // [{node}] the path in this tab, current last: the server's history and where it is
  let current = null;         // the last message
  let backsLeft = 0;          // going back several steps: back frames still to send
  let token = null;
  let active = false;         // user did something since the last log-in check
  let lastTicks = {};         // node -> ids ticked there in this tab, to tick again after going back
  let endArmed = null;
  let noteConfirmed = null;   // a note staff chose to save although it was flagged
  let whenEnded = null;       // what to do once the server says the conversation is erased
  let catchingUp = false;     // this tab asked where the conversation stands, after another tab moved it on

  /* losen-client.js */
  // Steps the server keeps behind the current one (Session.MAX_HISTORY): the most a message's depth says.
  const MAX_DEPTH = 64;
  const WS_URL = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  // A quick retry (0.5, 1, 2, 2.5 s): the tablet is on the building's network, and a resident waits.
  const socket = losenClient({ url: WS_URL, opened: opened, frame: receive, dropped: dropped,
    firstDelay: 500, maxDelay: 2500, pingEvery: 30000 });

  // ---------------------------------------------------------------- the counsellor's inbox

  /**
   * People who asked to talk to a person (docs/handoff.md), for a log-in with the counsellor role:
   * the queue (language, guide, the way through it: node ids and choices, never their words),
   * accept, chat, a contact card in the person's language, hand back to the guide at a node,
   * end and erase, block. Its own socket, so a staff conversation in this tab goes on beside it.
   * Nothing is kept in this tab: after a reload the server sends the open conversations again.
   */
  const inbox = (function () {
    let wanted = false;
    let chats = {};          // ticket -> {box, log}
    let lastQueue = null;    // the last inbox.queue frame, to show again in another console language
    let sentIds = 0;         // ids of this tab's messages, for inbox.delivered
    let pending = {};        // id -> the mark of a message not yet delivered

    const link = losenClient({
      url: WS_URL,
      // The console's language goes with it: the dialog's words are shown in it beside the person's.
      opened: function () { say({ type: 'inbox', lang: uiLang }); $('inbox-status').textContent = ''; },
      frame: receive,
      dropped: function () {
        if (!wanted || !me) { return false; }
        $('inbox-status').textContent = t('console.offline');
        return true;
      },
      firstDelay: 500, maxDelay: 2500, pingEvery: 30000
    });

    function open() {
      if (!me || (me.roles || []).indexOf('counsellor') < 0 || link.connected()) { return; }
      wanted = true;
      $('inbox').hidden = false;
      link.connect();
    }

    function close() {
      wanted = false;
      link.close();
      $('inbox').hidden = true;
      $('queue').textContent = '';
      $('chats').textContent = '';
      chats = {};
      lastQueue = null;
      pending = {};
    }

    /** The console's language changed: the queue in the new words (a taken conversation keeps its own until a reload). */
    function relang() {
      if (lastQueue) { queue(lastQueue.waiting || [], lastQueue.desk); }
    }

    function say(frame) {
      active = true;
      return link.send(frame);
    }

    function pathText(path) {
      return (path || []).map(function (p) { return p.choice ? p.node + ' \u2192 ' + p.choice : p.node; }).join(' \u00b7 ');
    }

    function receive(f) {
      if (f.type === 'inbox.queue') {
        lastQueue = f;
        queue(f.waiting || [], f.desk);
      } else if (f.type === 'inbox.chat') {
        chat(f);
      } else if (f.type === 'inbox.message') {
        line(f.ticket, 'them', f.text, f.danger);
      } else if (f.type === 'inbox.note') {
        noted(f.ticket, f.note);
      } else if (f.type === 'inbox.delivered') {
        delivered(f.id);
      } else if (f.type === 'inbox.presence') {
        presence(f.ticket, f.connected);
      } else if (f.type === 'inbox.ended') {
        ended(f.ticket);
      } else if (f.type === 'error') {
        const key = f.code === 'taken' || f.code === 'away' ? 'console.inbox.' + f.code : 'console.error.' + f.code;
        $('inbox-status').textContent = S[key] ? t(key) : t('console.error.generic');
      }
    }

    function queue(waiting, desk) {
      const ul = $('queue');
      ul.textContent = '';
      if (!waiting.length) {
        // Closed (outside the hours, a holiday): say so, not just "nobody waits".
        ul.appendChild(el('li', 'empty', t(desk === 'closed' ? 'console.inbox.closed' : 'console.inbox.empty')));
        return;
      }
      waiting.forEach(function (w) {
        const li = el('li', 'waiting');
        li.setAttribute('data-ticket', w.ticket);
        li.appendChild(el('span', 'who', t('console.inbox.who', { lang: langName(w.lang), dialog: w.dialog,
          minutes: Math.floor((w.waited || 0) / 60) })));
        li.appendChild(el('span', 'path', pathText(w.path)));
        if (w.away) {
          li.appendChild(el('span', 'away', t('console.inbox.offline')));
        }
        if (w.channel === 'sms') {
          li.appendChild(el('span', 'channel', t('console.inbox.by-sms')));
        }
        const b = el('button', 'primary accept', t('console.inbox.accept'));
        b.type = 'button';
        b.addEventListener('click', function () { b.disabled = true; say({ type: 'inbox.accept', ticket: w.ticket }); });
        li.appendChild(b);
        ul.appendChild(li);
      });
    }

    /** A conversation taken by this counsellor (also after a reconnect: the server sends each again). */
    function chat(f) {
      if (chats[f.ticket]) {
        // Sent again: a reconnect, or the person switched language.
        chats[f.ticket].head.textContent = langName(f.lang) + ' \u00b7 ' + f.dialog;
        return;
      }
      const box = el('article', 'chat');
      box.setAttribute('data-ticket', f.ticket);
      const head = el('h3', null, langName(f.lang) + ' \u00b7 ' + f.dialog);
      box.appendChild(head);
      if (f.channel === 'sms') {
        // Every reply is a text message to a phone: the counsellor should know before writing a long one.
        box.appendChild(el('p', 'channel', t('console.inbox.by-sms')));
      }
      const gone = el('p', 'away', t('console.inbox.offline'));
      gone.hidden = true;
      gone.setAttribute('role', 'status');
      box.appendChild(gone);
      box.appendChild(pathList(f.path));
      if (f.seen) { box.appendChild(seen(f.seen)); }
      const log = el('div', 'chat-log');
      log.setAttribute('role', 'log');
      box.appendChild(log);

      const form = el('form', 'chat-say');
      const input = document.createElement('textarea');
      input.rows = 2;
      input.maxLength = 1000;
      input.setAttribute('aria-label', t('console.inbox.write'));
      input.placeholder = t('console.inbox.write');
      const send = el('button', 'primary', t('console.inbox.send'));
      send.type = 'submit';
      form.appendChild(input);
      form.appendChild(send);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        const text = input.value.trim();
        const id = 'm' + (++sentIds);
        if (text && say({ type: 'inbox.say', ticket: f.ticket, text: text, id: id })) {
          awaitDelivery(line(f.ticket, 'me', text), id);
          input.value = '';
        }
      });
      input.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
      });
      box.appendChild(form);

      const tools = el('div', 'chat-tools');
      tools.appendChild(picker('card', t('console.inbox.card'), (f.contacts || []).map(function (c) {
        return [c.id, c.title + ' ' + c.phone];
      }), t('console.inbox.card.send'), function (id, label) {
        if (say({ type: 'inbox.card', ticket: f.ticket, fact: id })) { line(f.ticket, 'me', '\u260e ' + label); }
      }));
      tools.appendChild(picker('node', t('console.inbox.back'), (f.nodes || []).map(function (n) {
        return typeof n === 'string' ? [n, n] : [n.id, n.title || n.id];
      }),
        t('console.inbox.back.go'), function (node) { say({ type: 'inbox.back', ticket: f.ticket, node: node }); }));
      const end = el('button', 'danger end', t('console.inbox.end'));
      end.type = 'button';
      end.addEventListener('click', function () { say({ type: 'inbox.end', ticket: f.ticket }); });
      const block = el('button', 'block', t('console.inbox.block'));
      block.type = 'button';
      block.addEventListener('click', function () { say({ type: 'inbox.block', ticket: f.ticket }); });
      tools.appendChild(end);
      tools.appendChild(block);
      box.appendChild(tools);
      const note = noteForm(f);
      box.appendChild(note.form);
      $('chats').appendChild(box);
      chats[f.ticket] = { box: box, log: log, note: note, saved: f.note || '', head: head, gone: gone };
      input.focus();
    }

    /** The way through the guide: each node's first line in the console's language, its id and the choice taken. */
    function pathList(path) {
      const ol = el('ol', 'path-steps');
      ol.setAttribute('aria-label', t('console.inbox.path'));
      (path || []).forEach(function (p) {
        const li = el('li');
        if (p.title) { li.appendChild(el('span', 'title', p.title)); li.appendChild(document.createTextNode(' ')); }
        li.appendChild(el('span', 'path', p.choice ? p.node + ' \u2192 ' + p.choice : p.node));
        ol.appendChild(li);
      });
      return ol;
    }

    /**
     * What the person saw at the node they asked from, in their language and in the console's side
     * by side, so the counsellor knows the words the person read (one column when they are the same).
     */
    function seen(s) {
      const sec = el('section', 'seen');
      sec.appendChild(el('h4', null, t('console.inbox.seen')));
      const sides = el('div', 'seen-sides');
      const list = [s.theirs];
      if (s.yours && (!s.theirs || s.yours.lang !== s.theirs.lang)) { list.push(s.yours); }
      list.forEach(function (side) {
        if (!side) { return; }
        const col = el('div', 'seen-side');
        col.appendChild(el('p', 'seen-lang', t('console.inbox.seen.in', { lang: langName(side.lang) })));
        const words = el('div', 'seen-text');
        words.lang = side.lang;
        words.dir = side.dir || 'auto';
        paragraphs(words, side.text);
        if (side.choices && side.choices.length) {
          const ul = el('ul', 'seen-choices');
          side.choices.forEach(function (c) { ul.appendChild(el('li', null, c)); });
          words.appendChild(ul);
        }
        col.appendChild(words);
        sides.appendChild(col);
      });
      sec.appendChild(sides);
      return sec;
    }

    /**
     * The case note: a few lines for the counsellor's follow-up, warned like a staff member's note
     * when it looks like it holds personal data. The server keeps it beside the conversation only
     * (so a reload gets it back) and drops it at the end; see docs/handoff.md.
     */
    function noteForm(f) {
      const form = el('form', 'chat-note');
      const id = 'note-' + f.ticket;
      const label = el('label', null, t('console.inbox.note.label'));
      label.htmlFor = id;
      const input = document.createElement('textarea');
      input.id = id;
      input.rows = 2;
      input.maxLength = 500;
      input.value = f.note || '';
      const save = el('button', null, t('console.inbox.note.save'));
      save.type = 'submit';
      const status = el('p', 'note-status');
      status.setAttribute('role', 'status');
      const warn = el('div', 'note-warning');
      warn.setAttribute('role', 'alert');
      warn.hidden = true;
      warn.appendChild(el('h4', null, t('console.note.warn.title')));
      warn.appendChild(el('p', null, t('console.inbox.note.why')));
      const found = el('ul');
      warn.appendChild(found);
      const edit = el('button', 'primary', t('console.note.warn.edit'));
      edit.type = 'button';
      const anyway = el('button', null, t('console.note.warn.save'));
      anyway.type = 'button';
      const row = el('div', 'note-warning-actions');
      row.appendChild(edit);
      row.appendChild(anyway);
      warn.appendChild(row);
      let confirmed = null;
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        const text = input.value.trim();
        if (text && confirmed !== text) {
          const hits = personalData(text);
          if (hits.length) {
            found.textContent = '';
            hits.forEach(function (h) { found.appendChild(el('li', null, h)); });
            warn.hidden = false;
            edit.focus();
            return;
          }
        }
        warn.hidden = true;
        status.textContent = '';
        say({ type: 'inbox.note', ticket: f.ticket, text: text });
      });
      edit.addEventListener('click', function () { warn.hidden = true; confirmed = null; input.focus(); });
      anyway.addEventListener('click', function () { confirmed = input.value.trim(); form.requestSubmit(); });
      form.appendChild(label);
      form.appendChild(input);
      form.appendChild(save);
      form.appendChild(warn);
      form.appendChild(status);
      return { form: form, input: input, status: status };
    }

    /** The server saved the note (from this tab or another of the same counsellor). */
    function noted(ticket, text) {
      const c = chats[ticket];
      if (!c) { return; }
      c.saved = text || '';
      if (document.activeElement !== c.note.input) { c.note.input.value = c.saved; }
      c.note.status.textContent = t('console.inbox.note.saved');
    }

    function picker(kind, labelText, options, buttonText, go) {
      const wrap = el('div', 'picker picker-' + kind);
      const sel = document.createElement('select');
      sel.setAttribute('aria-label', labelText);
      options.forEach(function (o) {
        const opt = el('option', null, o[1]);
        opt.value = o[0];
        sel.appendChild(opt);
      });
      const b = el('button', null, buttonText);
      b.type = 'button';
      b.addEventListener('click', function () {
        if (sel.value) { go(sel.value, sel.options[sel.selectedIndex].textContent); }
      });
      wrap.appendChild(el('span', 'picker-label', labelText));
      wrap.appendChild(sel);
      wrap.appendChild(b);
      return wrap;
    }

    function presence(ticket, connected) {
      const c = chats[ticket];
      if (c) { c.gone.hidden = connected; }
    }

    /**
     * Bidi controls (U+202A-202E, U+2066-2069) out of the person's text: an override would show
     * it reversed, or reorder the line around it; dir=auto and isolation keep the rest in place.
     */
    function plain(text) {
      return String(text).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    }

    function line(ticket, who, text, danger) {
      const c = chats[ticket];
      if (!c) { return; }
      const p = el('p', 'line ' + who + (danger ? ' danger' : ''));
      if (danger) {
        p.appendChild(el('strong', 'danger-flag', t('console.inbox.danger')));
      }
      p.appendChild(el('b', null, t(who === 'me' ? 'console.inbox.you' : 'console.inbox.person') + ': '));
      const span = document.createElement('span');
      span.textContent = plain(text);
      span.dir = 'auto';
      span.className = 'said';
      p.appendChild(span);
      c.log.appendChild(p);
      c.log.scrollTop = c.log.scrollHeight;
      return p;
    }

    /**
     * How long a message may take to reach the person's connection before the console says it may
     * not have: over Redis a delivery mark comes back in well under a second; without one the
     * person's instance may have died, which the desk learns only some seconds later.
     */
    const DELIVERY_WAIT_MS = 5000;

    /** Marks {@code p}, the counsellor's message {@code id}, as sent; delivered or "may not have arrived" later. */
    function awaitDelivery(p, id) {
      if (!p) { return; }
      const mark = el('span', 'mark', t('console.inbox.sending'));
      mark.setAttribute('role', 'status');
      p.appendChild(mark);
      pending[id] = mark;
      setTimeout(function () {
        if (pending[id] === mark) {   // a late mark still turns it to delivered
          mark.textContent = t('console.inbox.undelivered');
          mark.className = 'mark undelivered';
        }
      }, DELIVERY_WAIT_MS);
    }

    function delivered(id) {
      const mark = pending[id];
      if (!mark) { return; }
      delete pending[id];
      mark.textContent = t('console.inbox.delivered');
      mark.className = 'mark delivered';
    }

    /**
     * Over: everything about it leaves the screen, with one line saying so. A saved case note is
     * shown once more, for the counsellor to carry into their organisation's own records; closing
     * it is the last of it (the server dropped it with the conversation).
     */
    function ended(ticket) {
      const c = chats[ticket];
      if (!c) { return; }
      delete chats[ticket];
      $('inbox-status').textContent = t('console.inbox.ended');
      if (!c.saved) {
        c.box.remove();
        return;
      }
      const kept = el('article', 'chat kept-note');
      kept.appendChild(el('h3', null, t('console.inbox.note.kept')));
      kept.appendChild(el('p', null, t('console.inbox.note.kept.why')));
      const text = el('p', 'note-text', c.saved);
      text.dir = 'auto';
      kept.appendChild(text);
      const close = el('button', 'primary', t('console.inbox.note.kept.close'));
      close.type = 'button';
      close.addEventListener('click', function () { kept.remove(); });
      kept.appendChild(close);
      c.box.replaceWith(kept);
      close.focus();
    }

    return { open: open, close: close, relang: relang };
  })();

  // ---------------------------------------------------------------- words

  function t(key, params) {
    let s = plurals(S[key] || key, params);
    if (params) {
      Object.keys(params).forEach(function (k) { s = s.split('{' + k + '}').join(params[k]); });
    }
    return s;
  }

  /**
   * ICU plurals in the console's words, as in the dialogs' (docs/dialogs.md): {n, plural, one {# minutt}
   * other {# minutter}} takes the form CLDR's rules give the console's language for n (Intl.PluralRules),
   * an exact {=0 …} first, else other; # is the number. "1 minutter" was the staff tester's 11e.
   */
  const PLURAL = /\{(\w+), *plural, *((?:[^{}]|\{[^{}]*\})*)\}/g;
  function plurals(text, params) {
    return text.replace(PLURAL, function (all, name, body) {
      const n = Number(params ? params[name] : NaN);
      const forms = {};
      body.replace(/(=?\w+) *\{([^{}]*)\}/g, function (m, form, words) { forms[form] = words; return m; });
      let words = forms['=' + n];
      if (words === undefined && !isNaN(n)) { words = forms[new Intl.PluralRules(uiLang).select(n)]; }
      if (words === undefined) { words = forms.other || ''; }
      return words.split('#').join(isNaN(n) ? '' : String(n));
    });
  }

  function applyWords() {
    document.documentElement.lang = uiLang;
    document.title = t('console.title');
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    $('typed-send').textContent = t('console.type.send');
    // A refusal page after the organisation's log-in is shown in this tab's console language.
    $('login-oidc').setAttribute('href', '/staff/oidc/login?lang=' + encodeURIComponent(uiLang));
  }

  function loadWords(lang) {
    return getJson('/staff/ui/' + encodeURIComponent(lang)).then(function (r) {
      S = r.strings;
      uiLang = lang;
      applyWords();
    });
  }

  // ---------------------------------------------------------------- HTTP

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      return r.json().then(function (body) { body.status = r.status; return body; });
    });
  }

  function post(url, body, headers) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', referrerPolicy: 'same-origin',
      headers: headers || {}, body: body
    });
  }

  // ---------------------------------------------------------------- screens

  function show(id) {
    ['disabled', 'login', 'start', 'ended', 'console'].forEach(function (s) { $(s).hidden = s !== id; });
    const inConversation = id === 'console';
    $('end').hidden = !inConversation;
    $('logout').hidden = !me;
    $('user').hidden = !me;
    if (me) { $('user').textContent = t('console.user', { user: me.user }); }
  }

  function status(text) {
    $('status').textContent = text || '';
    $('status').hidden = !text;
  }

  function boot() {
    const saved = load();
    // Norwegian unless this tab chose otherwise: the script and UDI's card are Norwegian.
    const want = saved && (saved.lang === 'en' || saved.lang === 'nb') ? saved.lang : 'nb';
    fillLangPicker(want);
    loadWords(want).then(checkLogin).catch(function () { status('Losen: the server cannot be reached.'); });
    wireEvents();
  }

  function fillLangPicker(selected) {
    const sel = $('console-lang');
    sel.textContent = '';
    [['nb', 'Norsk bokmål'], ['en', 'English']].forEach(function (l) {
      const o = document.createElement('option');
      o.value = l[0];
      o.textContent = l[1];
      o.selected = l[0] === selected;
      sel.appendChild(o);
    });
  }

  function checkLogin() {
    return getJson('/staff/me').then(function (r) {
      if (!r.enabled || (!r.accounts && !r.oidc)) {
        me = null;
        $('disabled-text').textContent = t(r.enabled ? 'console.login.no-accounts' : 'console.login.disabled');
        show('disabled');
        return;
      }
      if (!r.user) {
        me = null;
        // Password, OpenID Connect, or both: show what this server offers.
        $('login-oidc-box').hidden = !r.oidc;
        $('login-or').hidden = !(r.oidc && r.accounts);
        $('login-form').hidden = !r.accounts;
        // Without a users file there is no name and password to speak of.
        $('login-intro').setAttribute('data-t', r.accounts ? 'console.login.intro' : 'console.login.intro-oidc');
        $('login-intro').textContent = t($('login-intro').getAttribute('data-t'));
        show('login');
        (r.accounts ? $('login-name') : $('login-oidc')).focus();
        return;
      }
      me = { user: r.user, csrf: r.csrf, idle: r.idle, roles: r.roles || [] };
      inbox.open();
      return loadDialogs().then(function () {
        const saved = load();
        if (saved && saved.token) {
          token = saved.token;
          history = saved.history || [];
          dialog = find(saved.dialog) || dialog;
          socket.connect();
        } else {
          showStart();
        }
      });
    });
  }

  function loadDialogs() {
    return getJson('/staff/dialogs?lang=' + encodeURIComponent(uiLang)).then(function (r) {
      dialogs = r.dialogs || [];
      if (dialog) { dialog = find(dialog.id) || dialog; }
    });
  }

  function find(id) {
    for (let i = 0; i < dialogs.length; i++) { if (dialogs[i].id === id) { return dialogs[i]; } }
    return null;
  }

  function showStart() {
    const box = $('dialogs');
    box.textContent = '';
    dialogs.forEach(function (d) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'primary';
      b.textContent = d.title;
      b.setAttribute('data-dialog', d.id);
      b.addEventListener('click', function () { begin(d); });
      box.appendChild(b);
    });
    show('start');
    // A counsellor-only log-in runs no guide here: no empty "start a conversation" box for it.
    $('start').hidden = !dialogs.length;
  }

  // ---------------------------------------------------------------- log in / out

  function login(ev) {
    ev.preventDefault();
    const err = $('login-error');
    err.hidden = true;
    const body = new URLSearchParams();
    body.set('name', $('login-name').value);
    body.set('password', $('login-password').value);
    post('/staff/login', body).then(function (r) {
      $('login-password').value = '';
      if (r.ok) {
        status('');
        return checkLogin();
      }
      err.textContent = t(r.status === 429 ? 'console.login.limited'
        : r.status === 403 ? 'console.login.forbidden' : 'console.login.failed');
      err.hidden = false;
    }).catch(function () { err.textContent = t('console.error.generic'); err.hidden = false; });
  }

  function logout() {
    endConversation(function () {
      const csrf = me ? me.csrf : '';
      post('/staff/logout', null, { 'X-CSRF-Token': csrf }).then(function (r) {
        // A log-in from the organisation's provider: end its session there too.
        return r.status === 200 ? r.json().then(function (j) {
          if (j.redirect) { window.location.assign(j.redirect); }
        }) : null;
      }).catch(function () { /* the local log-in is ended or will time out */ }).finally(function () {
        me = null;
        inbox.close();
        checkLogin();
      });
    });
  }

  /**
   * Every minute (or half the idle time, if shorter): is the log-in still alive? Only a period
   * in which staff touched the page counts as use, so an unattended tablet logs out.
   */
  function watchIdle() {
    let every = 60000;
    const tick = function () {
      if (!me) { return; }
      getJson('/staff/me' + (active ? '' : '?quiet')).then(function (r) {
        active = false;
        if (!r.user && me) {
          const minutes = Math.round(me.idle / 60);
          endConversation(function () {
            me = null;
            inbox.close();
            show('login');
            status(t('console.login.idle', { minutes: minutes }));
          });
        }
      }).catch(function () { /* offline: the next check decides */ });
    };
    let last = Date.now();
    setInterval(function () {
      if (me && me.idle) { every = Math.max(1000, Math.min(60000, me.idle * 500)); }
      if (Date.now() - last >= every) {
        last = Date.now();
        tick();
      }
    }, 1000);
  }

  // ---------------------------------------------------------------- the socket

  /** A new socket: resume the conversation this tab holds, or start the chosen dialog. */
  function opened() {
    status('');
    if (token) {
      send({ type: 'resume', token: token });
    } else if (dialog) {
      send({ type: 'start', dialog: dialog.id, lang: uiLang });
    }
  }

  /** The socket closed by itself: reconnect while logged in (a log-out or an end closes it on purpose). */
  function dropped() {
    if (!me) { return false; }
    status(t('console.offline'));
    return true;
  }

  function send(frame) {
    return socket.send(frame);
  }

  function begin(d) {
    dialog = d;
    token = null;
    history = [];
    if (socket.isOpen()) {
      send({ type: 'start', dialog: d.id, lang: uiLang });
    } else {
      socket.connect();
    }
  }

  function receive(f) {
    if (f.type === 'pong') { return; }
    if (f.type === 'session') {
      token = f.token;
      save();
      return;
    }
    if (f.type === 'ended') {
      if (whenEnded) { whenEnded(); }
      return;
    }
    if (f.type === 'error') {
      backsLeft = 0;
      if (f.code === 'forbidden') {
        closeSocket();
        me = null;
        show('login');
        status(t('console.login.again'));
        return;
      }
      if (f.code === 'no_session') {
        forget();
        showStart();
        status(t('console.error.no_session'));
        return;
      }
      if (f.code === 'unknown_choice' && token && !catchingUp) {
        // Not a choice of the node the conversation is at: another tab of this log-in (a duplicated
        // tab shares the token) moved it on. Catch up as after a reload: ask where it stands, show
        // that, and say why the screen changed. The path this tab kept is no longer the server's.
        catchingUp = true;
        history = [];
        lastTicks = {};
        send({ type: 'resume', token: token });
        return;
      }
      catchingUp = false;
      notice(t(f.code === 'rate_limited' ? 'console.error.rate_limited' : 'console.error.generic'));
      return;
    }
    if (f.type !== 'message') { return; }
    track(f);
    current = f;
    if (dialog === null || dialog.id !== f.dialog) { dialog = find(f.dialog); }
    save();
    if (backsLeft > 0) {
      backsLeft--;
      send({ type: 'back' });
      return;
    }
    render(f);
    if (catchingUp) {
      catchingUp = false;
      notice(t('console.error.moved'));
    }
  }

  /**
   * Keeps the path in this tab in step with the server's history: a message says how many steps
   * lie behind it (depth), so what this tab saw of those stays and the current node goes on top.
   * At the server's limit a step forward drops the oldest step instead.
   */
  function track(f) {
    const depth = f.depth || 0;
    const top = history.length ? history[history.length - 1] : null;
    const forwardAtLimit = depth >= MAX_DEPTH && history.length > depth && top && top.node !== f.node;
    const behind = forwardAtLimit ? history.slice(history.length - depth) : history.slice(0, depth);
    while (behind.length < depth) { behind.unshift({ node: null }); }   // steps taken before this tab kept them
    history = behind.concat([{ node: f.node }]);
  }

  // ---------------------------------------------------------------- rendering

  function render(m) {
    const moved = $('conversation').getAttribute('data-node') !== m.node;
    show('console');
    status('');
    document.body.classList.remove('printing');
    disarmEnd();
    const stepIndex = stepOf(m.node);
    $('conversation').setAttribute('data-node', m.node);
    $('step-name').textContent = m.step || '';
    $('step-pos').textContent = stepIndex >= 0 && dialog
      ? t('console.step.position', { n: stepIndex + 1, total: dialog.steps.length }) : '';
    notice(m.notice || '');
    renderTexts(m);
    renderCards(m);
    renderChoices(m);
    renderTyped(m);
    renderSteps(stepIndex);
    $('back').disabled = history.length < 2;
    if (moved) {
      // A new step starts at the top, and keyboard and screen-reader users land on it.
      window.scrollTo(0, 0);
      $('conversation').focus({ preventScroll: true });
    }
  }

  function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = !text;
  }

  function paragraphs(box, text) {
    (text || '').split(/\n\n+/).forEach(function (p) {
      if (!p.trim()) { return; }
      box.appendChild(el('p', null, p));
    });
  }

  function draftBadge(box) {
    const d = document.createElement('p');
    d.className = 'draft';
    d.textContent = t('console.draft');
    box.appendChild(d);
  }

  function langName(code) {
    const names = { nb: 'Norsk', en: 'English', ar: 'العربية', fa: 'فارسی', ti: 'ትግርኛ', so: 'Soomaali',
      uk: 'Українська', ru: 'Русский', fr: 'Français', am: 'አማርኛ', pl: 'Polski', ro: 'Română' };
    return names[code] || code;
  }

  function renderTexts(m) {
    const main = $('text-main');
    const alt = $('text-alt');
    main.textContent = '';
    alt.textContent = '';
    main.setAttribute('lang', m.lang);
    main.setAttribute('dir', m.dir || 'ltr');
    if (m.draft && !(m.alt && m.alt.draft)) { draftBadge(main); }
    paragraphs(main, m.text);
    $('texts').classList.toggle('bilingual', !!m.alt);
    alt.hidden = !m.alt;
    const off = $('text-official');
    off.textContent = '';
    off.hidden = !m.official;
    if (m.official) {
      off.setAttribute('lang', m.official.lang);
      off.setAttribute('dir', m.official.dir || 'ltr');
      off.appendChild(el('span', 'lang-tag', t('console.official')));
      paragraphs(off, m.official.text);
    }
    if (m.alt) {
      alt.setAttribute('lang', m.alt.lang);
      alt.setAttribute('dir', m.alt.dir || 'ltr');
      const tag = document.createElement('span');
      tag.className = 'lang-tag';
      tag.textContent = t('console.resident', { lang: langName(m.alt.lang) });
      alt.appendChild(tag);
      if (m.alt.draft) { draftBadge(alt); }
      paragraphs(alt, m.alt.text);
    }
  }

  function renderCards(m) {
    const box = $('cards');
    box.textContent = '';
    (m.cards || []).forEach(function (c, i) { box.appendChild(card(c, i, m)); });
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { textInto(e, String(text)); }
    return e;
  }

  /**
   * Writes text with web addresses as links (opened in a new tab, no referrer) and each run of
   * digits (a phone number, "22 33 11 60") isolated left to right: in Arabic or Persian text the
   * bidi algorithm would otherwise show the groups in reverse.
   */
  function textInto(e, text) {
    const url = /https?:\/\/[^\s<>"«»]+/g;
    let last = 0;
    let m;
    while ((m = url.exec(text)) !== null) {
      const href = m[0].replace(/[.,;:!?)\]]+$/, '');
      if (m.index > last) { digitsInto(e, text.slice(last, m.index)); }
      const a = document.createElement('a');
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      a.dir = 'ltr';
      a.textContent = href;
      // Isolated left to right like a phone number, so right-to-left text around it cannot reorder it.
      const iso = document.createElement('bdi');
      iso.dir = 'ltr';
      iso.className = 'url';
      iso.appendChild(a);
      e.appendChild(iso);
      last = m.index + href.length;
      url.lastIndex = last;
    }
    if (last < text.length) { digitsInto(e, text.slice(last)); }
  }

  function digitsInto(e, text) {
    const re = /\+?\d(?:[\d \u00a0.\-]*\d)?/g;
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) { e.appendChild(document.createTextNode(text.slice(last, m.index))); }
      const b = document.createElement('bdi');
      b.dir = 'ltr';
      b.textContent = m[0];
      e.appendChild(b);
      last = re.lastIndex;
    }
    if (last < text.length) { e.appendChild(document.createTextNode(text.slice(last))); }
  }

  function card(c, index, m) {
    const box = el('section', 'card ' + c.type);
    box.appendChild(el('h3', null, c.title));
    if (c.type === 'contact' || c.type === 'fact') {
      if (c.text) { box.appendChild(el('p', null, c.text)); }
      const line = el('p');
      if (c.tel) {
        const a = el('a', 'call', t('console.call') + ' ' + (c.phone || c.tel));
        a.href = 'tel:' + c.tel;
        line.appendChild(a);
      } else if (c.phone) {
        line.appendChild(el('strong', null, c.phone));
      }
      if (c.url) {
        const u = el('a', null, c.url.replace(/^https?:\/\//, ''));
        u.href = c.url;
        u.rel = 'noopener noreferrer';
        u.target = '_blank';
        line.appendChild(u);
      }
      if (line.childNodes.length) { box.appendChild(line); }
      if (c.source || c.checked) {
        box.appendChild(el('p', 'meta', t('console.source') + ': ' + (c.source || '–')
          + (c.checked ? ' · ' + t('console.checked') + ' ' + c.checked : '')));
      }
    } else if (c.type === 'print') {
      const slip = isSlip(c, m);
      box.setAttribute('data-print', slip ? 'slip' : 'summary');
      box.appendChild(el('p', 'private', t(slip ? 'console.print.slip-note' : 'console.print.private')));
      const ul = el('ul');
      (c.items || []).forEach(function (it) { ul.appendChild(el('li', null, it)); });
      box.appendChild(ul);
      const b = el('button', 'primary print-button', t(slip ? 'console.print.slip' : 'console.print.summary'));
      b.type = 'button';
      b.setAttribute('data-card', String(index));
      b.addEventListener('click', function () { requestPrint(index); });
      box.appendChild(b);
    } else if (c.type === 'search') {
      if (c.text) { box.appendChild(el('p', 'meta', c.text)); }
      (c.results || []).forEach(function (h) {
        const hit = el('div', 'search-hit');
        hit.appendChild(el('p', null, h.text));
        hit.appendChild(el('p', 'meta', t('console.source') + ': ' + [h.source, h.title, h.section].filter(Boolean).join(' · ')));
        box.appendChild(hit);
      });
    } else if (c.text) {
      box.appendChild(el('p', null, c.text));
    }
    return box;
  }

  function renderChoices(m) {
    const form = $('choices');
    form.textContent = '';
    const opts = m.choices || [];
    if (m.multi) {
      const selected = m.selected && m.selected.length ? m.selected : (lastTicks[m.node] || []);
      opts.forEach(function (o) {
        const label = el('label', 'tick');
        const box = el('input');
        box.type = 'checkbox';
        box.value = o.id;
        box.name = 'tick';
        box.checked = selected.indexOf(o.id) >= 0;
        label.appendChild(box);
        label.appendChild(el('span', null, o.label));
        form.appendChild(label);
      });
      const done = el('button', 'primary', t('console.done'));
      done.type = 'submit';
      done.id = 'checklist-done';
      form.appendChild(done);
    } else {
      // A node revisited: the server names the choice whose answer the conversation holds now.
      const answered = m.selected || [];
      opts.forEach(function (o) {
        const b = el('button', null, o.label);
        b.type = 'button';
        b.setAttribute('data-choice', o.id);
        if (answered.indexOf(o.id) >= 0) {
          b.classList.add('chosen');
          b.appendChild(el('span', 'chosen-mark', t('console.choice.current')));
        }
        b.addEventListener('click', function () { act({ type: 'choose', choice: o.id }); });
        form.appendChild(b);
      });
    }
  }

  function renderTyped(m) {
    hideNoteWarning();
    const form = $('typed');
    form.classList.toggle('note', !!m.input);
    $('typed-label').textContent = t(m.input ? 'console.note.label' : 'console.type.label');
    $('typed-send').textContent = t(m.input ? 'console.note.save' : 'console.type.send');
    $('typed-text').value = '';
    form.hidden = !!m.end && !(m.choices || []).length;
  }

  function stepOf(node) {
    if (!dialog || !dialog.nodes || !(node in dialog.nodes)) { return -1; }
    return dialog.nodes[node];
  }

  /** The procedure's steps: those passed in this tab can be gone back to, the current one is marked. */
  function renderSteps(currentStep) {
    const list = $('steps');
    list.textContent = '';
    if (!dialog) { return; }
    const firstAt = {};  // step index -> where in the path the latest visit to it began
    for (let i = 0; i < history.length - 1; i++) {
      const s = stepOf(history[i].node);
      if (s < 0) { continue; }
      const prev = i > 0 ? stepOf(history[i - 1].node) : -2;
      if (prev !== s || !(s in firstAt)) { firstAt[s] = i; }
    }
    dialog.steps.forEach(function (name, s) {
      const li = el('li');
      if (s === currentStep) {
        li.className = 'current';
        li.textContent = name;
        li.setAttribute('aria-current', 'step');
        li.setAttribute('data-now', t('console.step.current'));
      } else if (s in firstAt) {
        li.className = 'passed';
        const b = el('button', null, name);
        b.type = 'button';
        b.setAttribute('aria-label', t('console.step.back-to', { step: name }));
        b.setAttribute('data-step', String(s));
        b.addEventListener('click', function () { goBackTo(firstAt[s]); });
        li.appendChild(b);
      } else {
        li.className = 'ahead';
        li.textContent = name;
      }
      list.appendChild(li);
    });
    stripToCurrent();
  }

  /** On a tablet the steps are a strip that scrolls sideways: bring the current step into it. */
  function stripToCurrent() {
    const list = $('steps');
    const cur = list.querySelector('.current');
    if (cur && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = Math.max(0, cur.offsetLeft + cur.offsetWidth / 2 - list.clientWidth / 2);
    }
  }

  // ---------------------------------------------------------------- a note that may identify someone

  const MONTHS = 'jan(?:uar|uary)?|feb(?:ruar|ruary)?|mar(?:s|ch)?|apr(?:il)?|mai|may|jun[ie]?|jul[iy]?'
    + '|aug(?:ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|des(?:ember)?|dec(?:ember)?';
  const DATES = [
    /\b\d{1,2}[.\/-]\d{1,2}[.\/-](?:\d{4}|\d{2})\b/g,                        // 12.03.2007, 12/3/07
    /\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b/g,                                   // 2007-03-12
    new RegExp('\\b\\d{1,2}\\.?\\s*(?:' + MONTHS + ')\\.?\\s+(?:19|20)?\\d{2}\\b', 'gi'), // 12. mars 2007
    /(?<!\p{L})(?:født|f\.|born|b\.)\s*(?:i\s+|in\s+)?(?:19|20)\d{2}\b/giu      // født 2007
  ];
  const ID_NUMBER = /\b\d{6} ?\d{5}\b/g;                                        // fødselsnummer, D-nummer
  const PHONE = /(?:\+\d{1,3}[ .\-]?)?\b\d(?:[ .\-]?\d){7,9}\b/g;                 // 22 33 11 60, +47 …
  const WORD = '\\p{Lu}\\p{Ll}+(?:[-\'\u2019]\\p{Lu}?\\p{Ll}+)*';
  const FULL_NAME = new RegExp(WORD + '(?:\\s+' + WORD + ')+', 'u');           // Amina Hassan

  /**
   * What in a note looks like it identifies the resident: a date, an 11-digit number, a phone
   * number, two or more capitalised words in a row. The note is printed in the summary that is
   * read to UDI; identity belongs in the MOT portal (card 4.8), not here. A warning, not a
   * block: the staff member may know better ("Safe House Filemon" is no person).
   */
  function personalData(text) {
    const found = [];
    let rest = text;
    const take = function (re) {
      let hit = false;
      rest = rest.replace(re, function () { hit = true; return ' '; });
      return hit;
    };
    let date = false;
    DATES.forEach(function (re) { date = take(re) || date; });
    if (date) { found.push(t('console.note.warn.date')); }
    if (take(ID_NUMBER)) { found.push(t('console.note.warn.id-number')); }
    if (take(PHONE)) { found.push(t('console.note.warn.phone')); }
    const name = FULL_NAME.exec(rest);
    if (name) { found.push(t('console.note.warn.name', { name: name[0] })); }
    return found;
  }

  function showNoteWarning(found) {
    const list = $('note-warning-list');
    list.textContent = '';
    found.forEach(function (f) { list.appendChild(el('li', null, f)); });
    $('note-warning').hidden = false;
    $('note-edit').focus();
  }

  function hideNoteWarning() {
    $('note-warning').hidden = true;
    noteConfirmed = null;
  }

  // ---------------------------------------------------------------- acting

  function act(frame) {
    active = true;
    notice('');
    if (!send(frame)) { status(t('console.offline')); }
  }

  function goBackTo(index) {
    const steps = history.length - 1 - index;
    if (steps <= 0) { return; }
    backsLeft = steps - 1;
    act({ type: 'back' });
  }

  // ---------------------------------------------------------------- print

  function requestPrint(index) {
    active = true;
    printCard(index);
  }

  /** A printable card on a bilingual node (the rights slip) carries other languages to print beside it. */
  function isSlip(c, m) {
    return !!(c.alt || c.official || m.alt || m.official);
  }

  /**
   * The slip's two columns: Norwegian (the official wording: the card itself when the console is
   * in Norwegian, else its Norwegian copy) and the resident's language.
   */
  function slipSides(c, m) {
    const own = { lang: m.lang, dir: m.dir || 'ltr', title: c.title, items: c.items || [] };
    const nb = m.lang === 'nb' ? own : (c.official || own);
    const sides = [nb];
    if (c.alt && c.alt.lang !== nb.lang) {
      sides.push({ lang: c.alt.lang, dir: c.alt.dir, title: c.alt.title, items: c.alt.items || [] });
    }
    return sides;
  }

  function printCard(index) {
    const m = current;
    const c = m && m.cards && m.cards[index];
    if (!c) { return; }
    const area = $('print-area');
    area.textContent = '';
    area.setAttribute('lang', m.lang);
    if (isSlip(c, m)) {
      area.className = 'print-area print-slip';
      const cols = el('div', 'slip-cols');
      slipSides(c, m).forEach(function (side) {
        const col = el('section');
        col.setAttribute('lang', side.lang);
        col.setAttribute('dir', side.dir || 'ltr');
        // No "draft translation" badge on paper: the resident cannot read it (it is Norwegian), and
        // staff saw it on screen beside the text.
        col.appendChild(el('h1', null, side.title));
        side.items.forEach(function (it) { col.appendChild(el('p', null, it)); });
        cols.appendChild(col);
      });
      area.appendChild(cols);
    } else {
      area.className = 'print-area print-summary' + ((c.items || []).length > 18 ? ' long' : '');
      area.appendChild(el('h1', null, c.title));
      area.appendChild(el('p', 'private', t('console.print.paper')));
      const ul = el('ul');
      (c.items || []).forEach(function (it) { ul.appendChild(el('li', null, it)); });
      area.appendChild(ul);
    }
    // The card stays the print view until the next step, so printing twice (or Ctrl+P) prints it again.
    document.body.classList.add('printing');
    window.print();
  }

  // ---------------------------------------------------------------- end and erase

  function disarmEnd() {
    if (endArmed) { clearTimeout(endArmed); endArmed = null; }
    $('end').classList.remove('armed');
    $('end').textContent = t('console.end');
  }

  /** Two taps, so a stray touch during a conversation does not erase it. */
  function endClicked() {
    if (!endArmed) {
      $('end').classList.add('armed');
      $('end').textContent = t('console.end.confirm');
      endArmed = setTimeout(disarmEnd, 6000);
      return;
    }
    disarmEnd();
    endConversation(function () {
      show('ended');
      $('new').focus();
    });
  }

  /** Erases the session on the server, then everything on the page and in this tab's storage. */
  function endConversation(then) {
    let done = false;
    const finish = function () {
      if (done) { return; }
      done = true;
      forget();
      clearPage();
      then();
    };
    if (socket.isOpen() && token) {
      whenEnded = finish;
      socket.send({ type: 'end' });
      setTimeout(finish, 3000);
    } else {
      finish();
    }
  }

  function forget() {
    token = null;
    history = [];
    current = null;
    backsLeft = 0;
    lastTicks = {};
    try { sessionStorage.removeItem(STORE); } catch (e) { /* storage off */ }
    save();
  }

  function clearPage() {
    closeSocket();
    ['text-main', 'text-alt', 'text-official', 'cards', 'choices', 'steps', 'print-area', 'step-name', 'step-pos', 'notice']
      .forEach(function (id) { $(id).textContent = ''; });
    $('typed-text').value = '';
    document.body.classList.remove('printing');
  }

  function closeSocket() {
    socket.close();
    whenEnded = null;
  }

  // ---------------------------------------------------------------- storage (this tab only)

  function save() {
    try {
      const data = { lang: uiLang };
      if (token) {
        data.token = token;
        data.dialog = dialog ? dialog.id : null;
        data.history = history;
      }
      sessionStorage.setItem(STORE, JSON.stringify(data));
    } catch (e) { /* storage off: nothing survives a reload, which is fine */ }
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
  }

  // ---------------------------------------------------------------- events

  function wireEvents() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('end').addEventListener('click', endClicked);
    $('new').addEventListener('click', function () { showStart(); });
    $('back').addEventListener('click', function () { act({ type: 'back' }); });
    $('restart').addEventListener('click', function () { act({ type: 'restart' }); });
    $('choices').addEventListener('submit', function (ev) {
      ev.preventDefault();
      const ticked = [];
      $('choices').querySelectorAll('input[name=tick]:checked').forEach(function (b) { ticked.push(b.value); });
      if (current) { lastTicks[current.node] = ticked; }
      act({ type: 'choose', choices: ticked });
    });
    $('typed').addEventListener('submit', function (ev) {
      ev.preventDefault();
      const text = $('typed-text').value.trim();
      if (!text) { return; }
      if (current && current.input && noteConfirmed !== text) {
        const found = personalData(text);
        if (found.length) {
          showNoteWarning(found);
          return;
        }
      }
      $('note-warning').hidden = true;
      act({ type: 'text', text: text });
    });
    $('note-edit').addEventListener('click', function () {
      hideNoteWarning();
      $('typed-text').focus();
    });
    $('note-save-anyway').addEventListener('click', function () {
      noteConfirmed = $('typed-text').value.trim();
      $('typed').requestSubmit();
    });
    $('typed-text').addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); $('typed').requestSubmit(); }
    });
    $('console-lang').addEventListener('change', function () {
      const lang = $('console-lang').value;
      loadWords(lang).then(function () {
        save();
        inbox.relang();
        if (!me) { return; }
        return loadDialogs().then(function () {
          if (current && dialog && dialog.languages.some(function (l) { return l.code === lang; })) {
            act({ type: 'lang', lang: lang });
          } else if (!current) {
            showStart();
          }
        });
      });
    });
    // A tablet turned from landscape to portrait: the strip changes width, the current step stays in it.
    window.addEventListener('resize', stripToCurrent);
    ['pointerdown', 'keydown'].forEach(function (e) {
      document.addEventListener(e, function () { active = true; }, { passive: true });
    });
    watchIdle();
  }

  // The console's words as it shows them (plural forms filled in): read by its browser test.
  window.LosenConsole = { words: t };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
