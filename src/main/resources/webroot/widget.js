/*
 * Losen chat widget: one script tag, no framework, no third-party requests.
 *
 * Why it looks like this:
 * - It runs inside a shadow root so the host page's CSS cannot break it (and ours cannot
 *   break the host page), and it never writes inline script or style markup, so it works under
 *   a strict Content-Security-Policy on the host page.
 * - The person using it may be watched. Quick exit is the first thing in the tab order, is
 *   always visible, and also answers to Shift pressed three times (the GOV.UK "Exit this page"
 *   pattern). On /chat the server already wrote a working exit link into the page, so there is
 *   a way out before this script has even arrived. Nothing is kept beyond sessionStorage (the
 *   session token, the dialog and the language), and quick exit erases even that and ends the
 *   session on the server.
 * - It is used on cheap phones over slow links: everything it needs to show itself comes in one
 *   request (GET /api/boot, or written into /chat by the server), fetched while the stylesheet
 *   loads; the conversation gets most of the screen; the layout follows the visible part of the
 *   screen when the keyboard opens.
 * - Every word on screen comes from the server's translations.
 * See docs/widget.md.
 */
(function () {
  'use strict';

  const script = document.currentScript;
  if (!script || window.__losenWidget) {
    return;
  }
  window.__losenWidget = true;

  // The server is where this script came from, not the page that embeds it.
  const src = new URL(script.src, location.href);
  const ORIGIN = src.origin;
  const WS_URL = (src.protocol === 'https:' ? 'wss://' : 'ws://') + src.host + '/ws';
  const CSS_URL = ORIGIN + '/assets/__LOSEN_CSS__';
  const DEFAULT_EXIT = 'https://www.yr.no/';
  const data = script.dataset;
  const PAGE = data.mode === 'page';
  const DIALOG = /^[a-z0-9-]{1,64}$/.test(data.dialog || '') ? data.dialog : 'rights';
  // A language the host page (or the /chat link) asks for; "auto" or nothing: the person's browser decides.
  const ASKED = /^[a-z]{2,3}$/.test(data.lang || '') ? data.lang : null;
  // A host may hide the "not checked by a person" line under draft (or stale) translations.
  const DRAFT_MARK = data.draftMark !== 'off';
  const STORE_KEY = 'losen:' + ORIGIN;
  // How long the server keeps a conversation that has only been started (SessionStore.STARTED_TTL, written in when served).
  const STARTED_LIFE = __LOSEN_STARTED_LIFE__;
  const SVG = 'http://www.w3.org/2000/svg';
  const reduceMotion = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;

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
  let saved = load();
  // A page shown again (reload, back) with nothing kept for it: the conversation was ended here
  // (ending erases everything this tab kept) or never began. /chat then shows the calm "ended"
  // state and starts nothing until the person asks: a reload must not open a new session by itself.
  const nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
  const shownAgainEnded = PAGE && !saved.dialog && !!nav && (nav.type === 'reload' || nav.type === 'back_forward');
  if (saved.dialog !== DIALOG || (saved.expires && saved.expires < Date.now())) {
    saved = {};
    forget();
  }

  /**
   * Everything the widget knows about this conversation and this page load, in one place. The
   * first four fields are what save() keeps in sessionStorage; nothing else outlives the page.
   */
  const state = {
    // The session's token from the server's "session" frame: resume sends it after a drop or a reload.
    token: saved.token || null,
    // The language the conversation runs in (the person's choice, or what the page or browser asked for).
    lang: saved.lang || null,
    // The server's idle timeout in seconds: when to warn, and when this tab forgets the session.
    ttl: saved.ttl || 0,
    // Whether this conversation has had a step after its start answered. The server keeps one only
    // started for 5 minutes, not the idle timeout (docs/operations.md, "sessions held"): refused
    // before its first step, it ran out, and nothing of it was lost; a restart is only said of one
    // that had steps.
    stepped: !!saved.stepped,
    // When this conversation was started (ms): refused before its first step within the short life
    // below, it was lost (a store restarted empty), not run out.
    started: saved.started || 0,
    // A step was sent in this conversation: its answer (a message) means the server saved it.
    stepSent: false,
    // Whether the chat is open (the launcher pressed), so a reload shows it the same way.
    open: PAGE || !!saved.open,
    // The last /api/boot answer (the widget's words and the help-now numbers in this tab's language;
    // public, the same for everyone): a reload while the server is down still shows quick exit and
    // "Help now" in the person's language from it.
    kept: saved.boot && saved.boot.dialog === DIALOG && saved.boot.ui ? saved.boot : null,
    // A link names another language than this tab last used: send "lang" once the session is resumed.
    relang: false,
    // When the person last acted (ms): the idle timeout counts from here.
    lastActive: Date.now(),
    // 'start' or 'resume' sent and not yet answered: an error then means no conversation, not a bad step.
    pending: null,
    // The connection dropped (or the page was reloaded) while the session was within its idle time:
    // a resume refused now means the server lost the session (a restart), not that it timed out.
    cut: !!saved.token,
    // Whether a connection has opened on this page, and how many tries in a row closed before one did.
    everOpened: false,
    refused: 0,
    // The conversation is over (ended, expired, or shown again after it ended): nothing is sent until "Start again".
    ended: shownAgainEnded,
    // Show the calm "ended" state once the frame is built (see shownAgainEnded).
    calm: shownAgainEnded,
    // Quick exit is under way: nothing is saved, nothing reconnects, the page is leaving.
    exiting: false,
    // Whether the person has done anything yet in this page load: before that, focus is never moved.
    acted: false,
    // The node the last message is from ("Help now" knows whether its numbers are already shown).
    node: null,
    // The "not checked by a person" line was shown in this conversation (once is enough).
    draftShown: false,
    // "Help now" in the title row was pressed: its numbers take focus when they come.
    helpAsked: false,
    // Typed questions not yet answered, oldest first, each with its line in the log: refused, they go
    // back into the box. Replies come in the order the frames went.
    unanswered: [],
    // Typed text the server never read because there was no conversation (lost, or none could start):
    // sent once a new one starts.
    resend: null,
    // What giveBack last put in the box, so a second refusal adds to it rather than lose it.
    givenBack: null,
    // The last text too long to answer that was read for danger (refused, or answered with the help):
    // the same again is not sent.
    readTooLong: null,
    // A resume was sent: its message shows the current node again.
    resuming: false,
    // A start was answered with a session: its message is the conversation's first.
    starting: false,
    // "Talk to a person" (docs/handoff.md): null, 'on' or 'closed' as the last message said.
    talkOffer: null,
    // This person's wait or talk: null, 'waiting', 'talking' or 'away'.
    talkState: null,
    // The last "talk" frame (place in the queue, organisation), to show again after a relabel.
    talkLast: null,
    // The banner shown ('reconnecting', 'timeout') or null; kept while the frame is not built yet.
    banner: null,
    // The widget's words in the current language (widget.* keys), from /api/boot.
    words: {},
    // Whether words have arrived: before that, a missing word is not a content bug.
    ready: false,
    // The language and direction the widget's own words are in.
    ui: { lang: 'en', dir: 'ltr' },
    // The languages the dialog is offered in: [{code, name, dir, draft}].
    languages: [],
    // The server's exit URL (LOSEN_EXIT_URL), when the host page names none.
    exitTarget: null,
    // The facts' phone numbers as a pattern, so numbers in texts become tel: links.
    phones: null,
    // The dialog's "I need help now" (from /api/boot): {choice, node, label, calls: [{phone, tel, title}]}.
    help: null,
    // The frame (shadow root and all in it) is built, and its stylesheet has loaded (or failed).
    built: false,
    cssReady: false,
    // Shift presses counted towards quick exit, and whether the last key was pressed with Shift held.
    shifts: 0,
    lastWasModified: false,
    shiftClicked: false,
    // Failed /api/boot requests in a row (the next try waits longer).
    bootTries: 0,
    // No open socket: choices are aria-disabled until it is back (see offline()).
    offline: false,
    // The last number used for an element id (ids are unique in the shadow root).
    uid: 0
  };
  // The widget's own timers: the status line, the Shift count, the idle warning and the idle end.
  const timers = { status: null, shift: null, warn: null, expire: null };
  // The frame's elements, made once by build() (unset until then).
  let host, root, shadow, dock, exitBtn, exitHint, dots, launcher, panel, head, titleEl, langSel, langCode,
    helpBtn, menuBtn, menu, backBtn, restartBtn, endBtn, log, intro, banner, bannerText, bannerBtn, form, input, sendBtn,
    status, cover, print, talkBar, talkText, talkBtn, count;
  // /chat: the server's own exit link and header, shown until the widget is ready (see Pages.chat).
  let shell = PAGE ? document.getElementById('losen-shell') : null;
  // A link that names a language (/chat?lang=ar) wins over the language this tab used before,
  // once: a later switch in the widget is kept until the page asks for another language.
  if (ASKED && saved.asked !== ASKED && state.lang !== ASKED) {
    state.relang = !!state.token;
    state.lang = ASKED;
  }
  function save() {
    if (state.exiting) {
      return;
    }
    if (state.ended) {
      // "Ended" means erased: not even the dialog, the language or that the chat was open stays in the tab.
      forget();
      return;
    }
    const s = { dialog: DIALOG, lang: state.lang, open: state.open, asked: ASKED, boot: state.kept };
    if (state.token) {
      s.token = state.token;
      s.ttl = state.ttl;
      s.stepped = state.stepped;
      s.started = state.started;
      s.expires = state.ttl ? state.lastActive + state.ttl * 1000 : 0;
    }
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(s));
    } catch (e) { /* without storage the widget still works; it just cannot resume */ }
  }

  // ---- words ----
  // Every node whose text is a translation, so a language switch relabels it.
  const labelled = [];
  function t(key) {
    const text = state.words['widget.' + key];
    if (!text && state.ready) {
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

  /** The languages this person may want, best first; the server picks the first the dialog offers. */
  function wanted() {
    const asked = [state.lang, ASKED];
    const browser = navigator.languages || [navigator.language || ''];
    for (let i = 0; i < browser.length; i++) {
      const base = String(browser[i]).toLowerCase().split('-')[0];
      asked.push({ no: 'nb', nn: 'nb', prs: 'fa' }[base] || base);
    }
    asked.push('en');
    return asked.filter(function (c, j) {
      return c && /^[a-z]{2,3}$/.test(c) && asked.indexOf(c) === j;
    });
  }

  /**
   * The host page's data-exit-url, else the server's LOSEN_EXIT_URL, else the built-in neutral
   * site. A missing or blank value is skipped, never resolved: new URL(undefined, ORIGIN) is the
   * path "/undefined" on the Losen server, which would keep the person on the very site they flee.
   */
  function exitUrl() {
    const candidates = [data.exitUrl, state.exitTarget, DEFAULT_EXIT];
    for (let i = 0; i < candidates.length; i++) {
      if (typeof candidates[i] !== 'string' || !candidates[i].trim()) {
        continue;
      }
      try {
        const u = new URL(candidates[i], ORIGIN);
        if (u.protocol === 'https:' || u.protocol === 'http:') {
          return u.href;
        }
      } catch (e) { /* try the next one */ }
    }
    return DEFAULT_EXIT;
  }

  // ---- connection: resume the same session after a drop or a reload, with backoff ----
  /* losen-client.js */
  // 1, 2, 4 … 30 s between tries: a phone on a bad link should not drain its battery reconnecting.
  const client = losenClient({ url: WS_URL, opened: opened, frame: handle, dropped: dropped,
    firstDelay: 1000, maxDelay: 30000, pingEvery: 25000 });
  // A connection still opening after a moment says so, instead of an empty chat: the server holds a socket
  // for its turn when many come from one address at once (a crowd behind one Wi-Fi; up to 5 s).
  let dialing = null;
  /** Tries in a row that never opened, after which the page says the chat is not working (about 7 s). */
  const REFUSED = 3;
  /** The most characters (as a person counts them) the server answers in one message. */
  const MAX_TEXT = 1000;
  function connect() {
    if (!state.exiting) {
      client.connect();
      if (!dialing && !state.banner) {
        dialing = setTimeout(function () {
          dialing = null;
          if (!client.isOpen() && !state.exiting && !state.ended && !state.banner) {
            showBanner('connecting');
          }
        }, 1500);
      }
    }
  }
  function opened() {
    state.everOpened = true;
    offline(false);
    clearTimeout(dialing);
    dialing = null;
    if (state.banner === 'reconnecting' || state.banner === 'connecting') {
      showBanner(null);
    }
    if (state.token) {
      resume();
      if (state.relang) {
        state.relang = false;
        raw({ type: 'lang', lang: state.lang });
      }
    } else {
      start();
    }
  }
  /** The socket closed by itself: say so, and try again unless the conversation is over. */
  function dropped() {
    if (state.exiting || state.ended) {
      return false;
    }
    state.cut = true;
    offline(true);
    if (!state.everOpened && ++state.refused >= REFUSED) {
      // Never opened on this page, time after time: a server down, or one that refuses this page's site
      // (LOSEN_ALLOWED_ORIGINS unset: a browser does not tell a page why a socket was refused). The person
      // is told it is not working, beside the numbers, not that we are reconnecting; the site's developer,
      // where to look. It goes on trying, quietly.
      showBanner(null);
      if (state.refused > REFUSED) {
        return true;
      }
      failed('error');
      if (window.console) {
        console.warn('Losen: the chat could not connect to ' + ORIGIN + ' (' + REFUSED + ' tries). If the server is up, '
          + 'it may refuse this site: its LOSEN_ALLOWED_ORIGINS must list ' + location.origin + '.');
      }
    } else {
      showBanner('reconnecting'); // the banner is role=alert: screen readers hear it
      if (!log.querySelector('.msg.bot, .failed')) {
        failed(null); // nothing on screen yet: the numbers to call, while we try again
      }
    }
    return true;
  }
  window.addEventListener('online', function () {
    if (!client.connected() && !state.ended && !state.exiting && state.open) {
      client.reconnectNow();
    }
  });

  /**
   * While there is no connection a tap cannot be sent (and nothing queues it): the choices say so,
   * aria-disabled and greyed, instead of swallowing the tap. Not `disabled`: focus stays where it is.
   */
  function offline(off) {
    state.offline = off;
    if (!state.built) {
      return;
    }
    root.classList.toggle('offline', off);
    Array.prototype.forEach.call(log.querySelectorAll('.choices button:not([data-help]), .checklist input, .checklist button, .result-topic button'), function (b) {
      if (off) {
        b.setAttribute('aria-disabled', 'true');
      } else {
        b.removeAttribute('aria-disabled');
      }
    });
  }
  function raw(frame) {
    const sent = client.send(frame);
    if (sent && frame.type !== 'start' && frame.type !== 'resume' && frame.type !== 'end') {
      state.stepSent = true;
    }
    return sent;
  }
  /** A step the person took: sent, and it keeps the session alive. */
  function step(frame) {
    if (state.ended) {
      return false;
    }
    state.acted = true;
    if (!raw(frame)) {
      showBanner('reconnecting');
      connect();
      return false;
    }
    touch();
    return true;
  }
  function start() {
    if (raw({ type: 'start', dialog: DIALOG, lang: state.lang })) {
      state.pending = 'start';
    }
    touch();
  }
  function resume() {
    if (!state.token) {
      return;
    }
    if (raw({ type: 'resume', token: state.token })) {
      state.pending = 'resume';
      state.resuming = true;
      touch();
      if (state.banner === 'timeout') {
        showBanner(null);
      }
    }
  }

  function handle(f) {
    switch (f.type) {
      case 'session':
        if (state.pending === 'start') {
          state.stepped = false;
          state.stepSent = false;
          state.started = Date.now();
          state.starting = true;
        }
        state.pending = null;
        state.token = f.token;
        state.ttl = f.ttl || 0;
        touch();
        // Text waiting for a conversation goes after the start's (or resume's) own message, which comes next:
        // sent before it, that message was taken for its answer, and a text too long to answer came back empty.
        if (!state.starting && !state.resuming) {
          sendAgain();
        }
        break;
      case 'message': {
        // The reply to resume or start comes after its session frame, which clears pending.
        const resumed = state.resuming || state.starting;
        state.resuming = false;
        state.starting = false;
        state.pending = null;
        const asked = state.unanswered.shift();
        state.cut = false;
        if (state.stepSent && !state.stepped) {
          state.stepped = true;
          save();
        }
        let above = null;
        if (asked && counted(asked.text) > MAX_TEXT && state.help && f.node === state.help.node) {
          // A text too long to answer was read for danger, and the help is the answer: said first, the
          // text back in the box to shorten, for when it was not a cry (a calm story can read as one).
          above = note(t('too-long'));
          state.readTooLong = { text: asked.text, help: true };
          if (!input.value) {
            setText(asked.text);
          }
        }
        showMessage(f, resumed, above);
        // The server answers a cry typed in another script in that language: the chat follows. Only then:
        // a resumed conversation in another language is the tab's own choice to make (a link naming one).
        if (!resumed && f.lang && state.lang && f.lang !== state.lang && state.help && f.node === state.help.node) {
          inLang(f.lang, false);
        }
        sendAgain();
        break;
      }
      case 'error':
        onError(f);
        break;
      case 'talk':
        onTalk(f);
        break;
      case 'talk.message':
        theySay(f.text);
        break;
      case 'talk.card':
        theySend(f.card);
        break;
      case 'talk.danger':
        dangerNow(f);
        break;
      default:
        break; // pong and anything newer
    }
  }

  function onError(f) {
    const was = state.pending;
    state.pending = null;
    if (f.code === 'gone' || f.code === 'not_on_duty' || f.code === 'blocked') {
      // The talk ended on the server (a restart, a block): back to the questions.
      state.talkState = null;
      showTalk();
      clearTalk();
      note(t('talk.ended'));
      return;
    }
    if (f.code === 'no_session') {
      // The session ended on the server: begin a new one, and say why honestly. Refused on resume
      // after a drop or a reload within the idle time, it was lost (a restart with sessions in
      // memory), not timed out; so was a session refused a step while this tab's own idle timer,
      // which ends it first, had not run out (a store restarted empty). A conversation with no step
      // after its start is kept by the server only a few minutes: refused after them, it ran out.
      const lost = (was === 'resume' && state.cut || !was) && (state.stepped || Date.now() - state.started < STARTED_LIFE);
      // What was typed and never read is sent again in the new conversation: it may be a cry for help.
      state.resend = state.unanswered.map(function (u) { return u.text; }).join(' ') || null;
      state.unanswered = [];
      state.cut = false;
      state.token = null;
      save();
      // What the screen showed of it is gone on the server too: nothing of it stays here either (a
      // person looking over a shoulder), and the line saying why comes first, in view.
      log.textContent = '';
      log.append(intro);
      note(t(lost ? 'restarted' : 'expired'));
      start();
    } else if (f.code === 'too_long') {
      state.readTooLong = state.unanswered.length === 1 ? { text: state.unanswered[0].text, help: false } : null;
      giveBack();
      note(t('too-long'));
    } else if (f.code === 'rate_limited') {
      giveBack();
      note(t('slow-down'));
    } else if (f.code === 'away') {
      // Nobody reads right now: this message was not delivered (not kept either).
      note(t('talk.not-sent'));
    } else if (was) {
      // No conversation could start or resume (the server is full, its store is down): the numbers
      // to call now, and a way to try again; text waiting for it back in the box.
      if (state.resend && !input.value) {
        setText(state.resend);
      }
      state.resend = null;
      failed(f.code === 'busy' ? 'busy' : 'error');
    } else {
      // A step was not answered (busy, the store down, a fault). It may have been a cry for help the
      // server could not read: the numbers to call now, and what was typed back in the box to send again.
      // Focus stays in the box, where the text is back: on the 112 link, the next Enter of someone
      // still typing would call (an independent tester's finding); the numbers are shown all the same.
      // A text over the limit refused busy (its conversation's reads for danger were spent: sent again and
      // again while being shortened) is said to be too long, which is what stands in its way; the numbers
      // stay, as it was not read (an independent tester was told the service failed).
      const long = f.code === 'busy' && state.unanswered.some(function (u) { return counted(u.text) > MAX_TEXT; });
      giveBack();
      showNumbers(t(long ? 'too-long' : 'not-answered'), true);
    }
  }
  /**
   * Refused typed questions go back into the box, their lines out of the log: they were not read.
   * All of them at once (the first error says the server could not read them; the next ones say it
   * again), after what the box holds if that is only what was given back before; if the person is
   * typing something new there, the lines stay, to show what was lost.
   */
  function giveBack() {
    const back = state.unanswered;
    state.unanswered = [];
    if (!back.length || input.value && input.value !== state.givenBack) {
      return;
    }
    setText([input.value].concat(back.map(function (u) { return u.text; })).filter(Boolean).join(' '));
    state.givenBack = input.value;
    back.forEach(function (u) { u.line.remove(); });
  }
  /** Text no conversation read, sent as the first words of the new one (once its token and first message are here). */
  function sendAgain() {
    const text = state.resend;
    if (!text || !state.token) {
      return;
    }
    state.resend = null;
    if (step({ type: 'text', text: sendable(text) })) {
      state.unanswered.push({ text: text, line: userSays(text) });
    }
  }

  // ---- idle timeout: warn before the server forgets the session ----
  function touch() {
    state.lastActive = Date.now();
    save();
    clearTimeout(timers.warn);
    clearTimeout(timers.expire);
    if (state.banner === 'timeout') {
      showBanner(null);
    }
    if (!state.ttl || !state.token) {
      return;
    }
    const ttl = state.ttl * 1000;
    const lead = Math.min(120000, ttl / 4);
    timers.warn = setTimeout(function () {
      showBanner('timeout');
    }, ttl - lead);
    timers.expire = setTimeout(expire, ttl);
  }
  function expire() {
    raw({ type: 'end' });
    finish('expired');
  }
  function stopTimers() {
    clearTimeout(timers.warn);
    clearTimeout(timers.expire);
  }
  // ==== rendering ====
  // ---- DOM helpers: no innerHTML anywhere, so server text can never become markup ----
  function h(tag, attrs, kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
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
  /** A small line icon (globe, menu dots), drawn with SVG elements: no markup strings, no style attribute. */
  function icon(cls, shapes) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'icon ' + cls);
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    shapes.forEach(function (s) {
      const el = document.createElementNS(SVG, s[0]);
      for (const k in s[1]) {
        el.setAttribute(k, s[1][k]);
      }
      svg.append(el);
    });
    return svg;
  }
  function id(prefix) {
    state.uid += 1;
    return 'losen-' + prefix + '-' + state.uid;
  }

  // ---- the widget's frame ----

  function build() {
    host = h('div', { 'data-losen-widget': '' });
    shadow = host.attachShadow({ mode: 'open' });
    const css = h('link', { rel: 'stylesheet', href: CSS_URL, referrerpolicy: 'no-referrer' });
    root = h('div', { class: PAGE ? 'losen page' : 'losen', hidden: true });
    // Shown only once our stylesheet and our words are in, so the host page never sees an unstyled flash.
    css.addEventListener('load', function () { state.cssReady = true; show(); });
    css.addEventListener('error', function () { state.cssReady = true; show(); });
    shadow.append(css, root);

    status = h('div', { class: 'vh', role: 'status', 'aria-live': 'polite' });
    const hintId = id('exit-hint');
    dots = h('span', { class: 'dots', 'aria-hidden': 'true' }, [h('i'), h('i'), h('i')]);
    exitBtn = h('button', { type: 'button', class: 'exit', 'aria-describedby': hintId, onclick: quickExit },
      [label(h('span'), 'quick-exit'), dots]);
    // Said by screen readers with the button, and shown once at the top of the conversation where a
    // keyboard is likely (see .keys in the CSS).
    exitHint = label(h('span', { id: hintId, class: 'vh' }), 'quick-exit.hint');

    const panelId = id('panel');
    const titleId = id('title');
    titleEl = label(h(PAGE ? 'h1' : 'h2', { id: titleId, class: 'title' }), 'title');
    const langId = id('lang');
    langSel = h('select', { id: langId, onchange: function () { switchLang(langSel.value); } });
    langCode = h('span', { class: 'code', 'aria-hidden': 'true' });
    const globe = icon('globe', [
      ['circle', { cx: '12', cy: '12', r: '9' }],
      ['ellipse', { cx: '12', cy: '12', rx: '4', ry: '9' }],
      ['path', { d: 'M3 12h18M4.5 7.5h15M4.5 16.5h15' }]
    ]);
    const menuId = id('menu');
    menuBtn = h('button', {
      type: 'button', class: 'menu-btn', 'aria-expanded': 'false', 'aria-controls': menuId, onclick: toggleMenu
    }, [
      icon('dots3', [['circle', { cx: '12', cy: '5', r: '2' }], ['circle', { cx: '12', cy: '12', r: '2' }],
        ['circle', { cx: '12', cy: '19', r: '2' }]]),
      label(h('span', { class: 'vh' }), 'menu')
    ]);
    // "Help now" beside quick exit: the dialog's help-now choice, on the first screen at every size
    // (as the last of many choices it was below the fold on a phone).
    helpBtn = h('button', { type: 'button', class: 'help-now', hidden: true, onclick: helpNow }, [
      icon('phone', [['path', { d: 'M6.6 3.5 9 3l1.8 4.3-2.2 1.6a11 11 0 0 0 6.5 6.5l1.6-2.2L21 15l-.5 2.4a2 2 0 0 1-2 1.6A15.5 15.5 0 0 1 5 5.5a2 2 0 0 1 1.6-2z' }]]),
      label(h('span'), 'help-now')
    ]);
    head = h('div', { class: 'head' }, [
      helpBtn,
      titleEl,
      h('span', { class: 'lang' }, [label(h('label', { for: langId, class: 'vh' }), 'language'), globe, langCode, langSel]),
      menuBtn
    ]);
    if (!PAGE) {
      head.append(h('button', { type: 'button', class: 'min', onclick: minimise }, [
        h('span', { class: 'min-icon', 'aria-hidden': 'true' }),
        label(h('span', { class: 'vh' }), 'minimise')
      ]));
    }
    backBtn = label(h('button', { type: 'button', onclick: function () { fromMenu(); step({ type: 'back' }); } }), 'back');
    restartBtn = label(h('button', { type: 'button', onclick: function () { fromMenu(); restart(); } }), 'restart');
    endBtn = label(h('button', { type: 'button', onclick: function () { fromMenu(); endConversation(); } }), 'end');
    menu = h('div', { id: menuId, class: 'menu', hidden: true, onkeydown: menuKey }, [backBtn, restartBtn, endBtn,
      // On a narrow screen the title row has no room for "Minimise": it is here instead (see .menu-min).
      PAGE ? null : label(h('button', { type: 'button', class: 'menu-min', onclick: function () { fromMenu(); minimise(); } }), 'minimise')]);
    bannerText = h('span');
    bannerBtn = h('button', { type: 'button', class: 'primary', hidden: true, onclick: bannerAction });
    banner = h('div', { class: 'banner', role: 'alert', hidden: true }, [bannerText, bannerBtn]);
    log = h('div', { class: 'log', role: 'log', tabindex: '0', onkeydown: typedOnACall });
    label(log, 'log', 'aria-label');
    // Talk to a person: the offer, or where the person stands (place in the queue, who reads this).
    talkText = h('p', { class: 'talk-text', role: 'status' });
    talkBtn = h('button', { type: 'button', class: 'talk-btn', onclick: talkAction });
    talkBar = h('div', { class: 'talk', hidden: true }, [talkText, talkBtn]);

    // Said once, at the top of the conversation: it scrolls away instead of taking room for good.
    const hintQ = id('q-hint');
    intro = h('div', { class: 'intro' }, [
      label(h('p', { class: 'privacy' }), 'privacy'),
      label(h('p', { id: hintQ, class: 'privacy' }), 'input.hint'),
      label(h('p', { class: 'privacy keys', 'aria-hidden': 'true' }), 'quick-exit.hint')
    ]);
    log.append(intro);

    const inputId = id('q');
    const countId = id('q-count');
    // A box of one line that grows with what is in it: a long text given back to be shortened is seen
    // whole, not 30 characters of it in one line (an independent tester). Enter sends, Shift+Enter starts a line.
    input = h('textarea', {
      // No maxlength: it cuts a paste silently, and a cry at the end of a long story with it.
      id: inputId, rows: '1', autocomplete: 'off', enterkeyhint: 'send',
      'aria-describedby': hintQ + ' ' + countId, onkeydown: enterSends, oninput: fitText
    });
    label(input, 'input', 'placeholder');
    // Over the 1,000 characters the server answers, the count and the limit, in digits: "1 482 / 1 000".
    count = h('p', { id: countId, class: 'count', hidden: true });
    sendBtn = label(h('button', { type: 'submit', class: 'primary' }), 'send');
    form = h('form', { class: 'composer', onsubmit: onSend }, [
      label(h('label', { for: inputId, class: 'vh' }), 'input'),
      count, input, sendBtn
    ]);
    panel = h('section', { id: panelId, class: 'panel', 'aria-labelledby': titleId, hidden: true },
      [head, menu, banner, talkBar, log, form]);
    launcher = h('button', {
      type: 'button', class: 'launch primary', 'aria-expanded': 'false', 'aria-controls': panelId,
      onclick: function () { openPanel(true); }
    }, [h('span', { class: 'bubble', 'aria-hidden': 'true' }), label(h('span'), 'launcher')]);
    cover = h('div', { class: 'cover', hidden: true });
    // Quick exit first: it is the first stop in the tab order of the widget and of the page.
    dock = h('div', { class: PAGE ? 'dock full' : 'dock' }, [exitBtn, exitHint, panel, PAGE ? null : launcher]);
    root.append(status, dock, cover);
    if (PAGE) {
      placeExit(true);
    }

    const mount = PAGE && document.getElementById('losen-chat');
    if (mount) {
      mount.append(host);
    } else {
      document.body.insertBefore(host, document.body.firstChild);
    }
    state.built = true;
    if (window.visualViewport) {
      visualViewport.addEventListener('resize', fitViewport);
      visualViewport.addEventListener('scroll', fitViewport);
      visualViewport.addEventListener('resize', fitBox);
    }
    window.addEventListener('resize', fitViewport);
    window.addEventListener('resize', fitBox);
    fitViewport();
    document.addEventListener('pointerdown', function (e) {
      if (!menu.hidden && e.composedPath().indexOf(menu) < 0 && e.composedPath().indexOf(menuBtn) < 0) {
        closeMenu(false);
      }
    }, true);
  }

  /** Quick exit sits in the chat's title row while the chat is open, and above the launcher while it is not. */
  function placeExit(inHead) {
    const focused = shadow.activeElement === exitBtn;
    if (inHead) {
      head.insertBefore(exitBtn, head.firstChild);
    } else {
      dock.insertBefore(exitBtn, dock.firstChild);
    }
    if (focused) {
      exitBtn.focus();
    }
  }

  /**
   * Fits the widget to the part of the screen the person sees. Three cases:
   * - When the on-screen keyboard opens, many phones shrink only the visual viewport: a chat laid
   *   out on the full screen would have its input under the keyboard. The full-screen chat follows
   *   the visible part instead (--vvh, --vvt).
   * - A host page without <meta name=viewport> is laid out 980 px wide and shown zoomed out on a
   *   phone, which would make quick exit a 16 px target: the widget zooms itself back to real size.
   * - On a small or short screen (a phone; a laptop at 200 % zoom is 640 x 400) the open chat takes
   *   the whole screen ("fill"), measured on the real screen, not on the host's layout.
   * Pinch zoom into the page is left alone (the person is reading, not typing).
   */
  function fitViewport() {
    const vv = window.visualViewport;
    if (!state.built) {
      return;
    }
    const scale = vv ? vv.scale : 1;
    const zoom = !PAGE && scale < 0.99 ? 1 / scale : 1;
    root.style.zoom = zoom === 1 ? '' : String(zoom);
    const width = (vv ? vv.width : innerWidth) * Math.min(scale, 1);
    const height = (vv ? vv.height : innerHeight) * Math.min(scale, 1);
    dock.classList.toggle('fill', width <= 520 || height <= 560);
    dock.classList.toggle('narrow', width < 420);
    dock.classList.toggle('tiny', width < 360);
    if (!vv || scale > 1.01) {
      dock.style.removeProperty('--vvh');
      dock.style.removeProperty('--vvt');
      return;
    }
    dock.style.setProperty('--vvh', Math.round(vv.height / zoom) + 'px');
    dock.style.setProperty('--vvt', Math.round(vv.offsetTop / zoom) + 'px');
  }

  function show() {
    if (!state.built || !state.ready || !state.cssReady || !root.hidden) {
      return;
    }
    root.hidden = false;
    if (shell) {
      // The server's exit link stood in until now; the widget's own exit takes its place.
      const hadFocus = shell.contains(document.activeElement);
      shell.remove();
      shell = null;
      if (hadFocus) {
        exitBtn.focus();
      }
    }
  }

  function applyBoot(u) {
    state.words = u.strings || {};
    state.ui = { lang: u.lang, dir: u.dir === 'rtl' ? 'rtl' : 'ltr' };
    if (u.exit) {
      state.exitTarget = u.exit;
    }
    if (u.phones) {
      state.phones = phonePattern(u.phones);
    }
    state.ready = true;
    if (state.built) {
      relabel();
    }
  }

  function relabel() {
    root.setAttribute('lang', state.ui.lang);
    root.setAttribute('dir', state.ui.dir);
    labelled.forEach(function (l) { apply(l[0], l[1], l[2]); });
    showTalk(state.talkLast);
    if (PAGE) {
      document.documentElement.lang = state.ui.lang;
      document.documentElement.dir = state.ui.dir;
      // A neutral title ("Chat", or data-title) keeps "Ask anonymously" out of the browser's history.
      document.title = data.title || t('page-title');
    }
    fillLanguages();
    helpBtn.hidden = !state.help;
    show();
  }

  function fillLanguages() {
    langSel.textContent = '';
    state.languages.forEach(function (l) {
      // A draft language says so in the menu, in its own words, before anyone picks it.
      const name = l.draft && DRAFT_MARK ? l.name + ' – ' + l.draft : l.name;
      langSel.append(h('option', { value: l.code, lang: l.code, dir: l.dir, selected: l.code === state.lang }, [name]));
    });
    langCode.textContent = (state.lang || state.ui.lang).toUpperCase();
  }

  // ---- the menu: Back, Start again, End conversation ----
  function toggleMenu() {
    if (menu.hidden) {
      menu.hidden = false;
      menuBtn.setAttribute('aria-expanded', 'true');
      const first = menu.querySelector('button:not([disabled])');
      if (first) {
        first.focus();
      }
    } else {
      closeMenu(true);
    }
  }
  function closeMenu(refocus) {
    if (!menu || menu.hidden) {
      return;
    }
    menu.hidden = true;
    menuBtn.setAttribute('aria-expanded', 'false');
    if (refocus) {
      menuBtn.focus();
    }
  }
  function fromMenu() {
    state.acted = true;
    closeMenu(false);
  }
  function menuKey(e) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeMenu(true);
    }
  }

  // ---- announcements for screen readers ----
  function announce(text) {
    if (!status) {
      return;
    }
    clearTimeout(timers.status);
    status.textContent = text;
    timers.status = setTimeout(function () { status.textContent = ''; }, 6000);
  }

  function showBanner(mode) {
    state.banner = mode;
    // Shown already: setting the same words again would make a screen reader read the alert again
    // (five times in 23 s of reconnecting, an independent tester heard).
    if (!state.built || banner.hidden === !mode && bannerText.textContent === (mode ? t(mode) : '')) {
      return;
    }
    banner.hidden = !mode;
    bannerText.textContent = mode ? t(mode) : '';
    const action = { timeout: 'continue' }[mode];
    bannerBtn.hidden = !action;
    if (action) {
      bannerBtn.textContent = t(action);
    }
  }
  function bannerAction() {
    state.acted = true;
    if (state.banner === 'timeout') {
      resume();
    }
  }

  // ---- panel ----
  function openPanel(byUser) {
    state.open = true;
    save();
    panel.hidden = false;
    dock.classList.add('open');
    placeExit(true);
    if (launcher) {
      launcher.hidden = true;
      launcher.setAttribute('aria-expanded', 'true');
    }
    if (byUser) {
      state.acted = true;
      // The launcher is gone; put focus where the conversation is.
      log.focus({ preventScroll: true });
    }
    if (!client.connected() && !state.ended) {
      connect();
    }
  }
  function minimise() {
    closeMenu(false);
    state.open = false;
    save();
    panel.hidden = true;
    dock.classList.remove('open');
    placeExit(false);
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }


  /**
   * No conversation could start or resume: say so (why: a widget.* key, or null when the banner
   * already does), show the help-now numbers, and offer to try again.
   */
  function failed(why) {
    Array.prototype.forEach.call(log.querySelectorAll('.failed'), function (x) { x.remove(); });
    const again = label(h('button', { type: 'button', class: 'primary', onclick: tryAgain }), 'retry');
    const box = h('div', { class: 'failed', lang: state.ui.lang, dir: state.ui.dir }, [
      why ? h('p', { text: t(why) }) : null,
      helpCard(),
      again
    ]);
    log.append(box);
    reveal(box, mayMoveFocus() ? box.querySelector('.calls a') || again : null);
  }
  function tryAgain() {
    state.acted = true;
    Array.prototype.forEach.call(log.querySelectorAll('.failed'), function (x) { x.remove(); });
    if (!client.connected()) {
      client.reconnectNow();
    } else if (state.token) {
      resume();
    } else {
      start();
    }
  }
  /** The dialog's help-now numbers as large call buttons, under "Need help now? Call:"; null without them. */
  function helpCard() {
    if (!state.help) {
      return null;
    }
    return h('div', { class: 'help' }, [h('p', { class: 'help-title', text: t('help.heading') }), callsCard(state.help.calls)]);
  }
  /**
   * The header's "Help now": the dialog's help-now choice, as if taken from the message's choices
   * (it is offered on every node). Already there: its numbers again in view. No conversation (not
   * started, ended, no connection): the numbers, shown here without the server.
   */
  function helpNow(notice) {
    state.acted = true;
    closeMenu(false);
    const last = log.querySelector('.msg.bot:last-of-type');
    if (state.help && last && state.node === state.help.node && last.querySelector('.calls a')) {
      reveal(last, last.querySelector('.calls a'));
      return;
    }
    if (state.help && !state.ended && state.token && state.help.choice && !state.pending
        && raw({ type: 'choose', choice: state.help.choice })) {
      state.helpAsked = true;
      touch();
      userSays(state.help.label);
      return;
    }
    showNumbers(notice);
  }
  /**
   * The help-now numbers the tab keeps, without the server, under a notice (a widget.* text) when there
   * is one; focus on the first number unless {@code stay}: then it stays where it is (in the box).
   */
  function showNumbers(notice, stay) {
    if (!state.help) {
      if (typeof notice === 'string') {
        note(notice);
      }
      return;
    }
    Array.prototype.forEach.call(log.querySelectorAll('.help-only, .not-sent'), function (x) { x.remove(); });
    const said = typeof notice === 'string' ? h('p', { class: 'notice not-sent', text: notice }) : null;
    // Numbers already on screen without the server (a failed start or resume shows them): bring them into
    // view, with the notice above them, rather than show them twice.
    const shown = log.querySelector('.failed .help');
    if (shown) {
      if (said) {
        shown.before(said);
      }
      reveal(said || shown, shown.querySelector('.calls a'), stay);
      return;
    }
    const box = h('div', { class: 'msg bot help-only', lang: state.ui.lang, dir: state.ui.dir }, [said, helpCard()]);
    log.append(box);
    reveal(box, box.querySelector('.calls a'), stay);
  }

  function endConversation() {
    raw({ type: 'end' });
    finish('ended');
  }
  /**
   * The conversation is over: erased on the server, nothing kept here, and nothing left on the
   * screen either: one calm line and a way to start again.
   */
  function finish(why) {
    const quiet = !state.acted;
    state.ended = true;
    state.talkState = null;
    state.talkLast = null;
    state.talkOffer = null;
    showTalk();
    stopTimers();
    state.token = null;
    // Ended means erased: nothing typed waits to be sent into a later conversation, nor stays in memory.
    state.resend = null;
    state.unanswered = [];
    state.givenBack = null;
    state.readTooLong = null;
    save();
    client.close(200);
    closeMenu(false);
    showBanner(null);
    log.textContent = '';
    const again = h('button', { type: 'button', class: 'primary', onclick: newConversation });
    label(again, 'restart');
    log.append(h('div', { class: 'ended' }, [h('p', { lang: state.ui.lang, dir: state.ui.dir, text: t(why) }), again]));
    form.hidden = true;
    setText('');
    backBtn.disabled = true;
    endBtn.disabled = true;
    if (!quiet) {
      again.focus({ preventScroll: true });
    }
  }
  function newConversation() {
    state.acted = true;
    state.ended = false;
    state.draftShown = false;
    showBanner(null);
    log.textContent = '';
    log.append(intro);
    form.hidden = false;
    backBtn.disabled = true; // a new conversation has no step to undo; its messages say (depth)
    endBtn.disabled = false;
    if (client.connected()) {
      start();
    } else {
      connect();
    }
  }
  function restart() {
    if (state.ended) {
      newConversation();
    } else {
      step({ type: 'restart' });
    }
  }

  // ---- language ----
  /** The person's choice of language: the page's words in it, and the conversation told to go on in it. */
  function switchLang(code) {
    inLang(code, true);
  }
  /**
   * The page's words in {@code code}, and the conversation told so when {@code tell}; not told when the
   * server chose it (a cry typed in Arabic in a Norwegian chat is answered in Arabic, and the chat follows).
   */
  function inLang(code, tell) {
    getJSON('/api/boot?dialog=' + encodeURIComponent(DIALOG) + '&want=' + encodeURIComponent(code)).then(function (b) {
      const u = b.ui;
      state.lang = u.lang;
      state.draftShown = false;
      state.help = helpOf(b.help);
      state.kept = b;
      applyBoot(u);
      save();
      if (tell && state.token && !state.ended) {
        step({ type: 'lang', lang: u.lang });
      } else if (!tell) {
        followed();
      }
    }).catch(function () { note(t('error')); });
  }

  /**
   * After the chat followed the language of the answer: the line saying its text is not checked is in that
   * language too, and the message is brought back into view with its focused number — the lines above it
   * changed length, and 112 sat half under the title row (an independent tester, Arabic in a Norwegian chat).
   */
  function followed() {
    Array.prototype.forEach.call(log.querySelectorAll('.draft'), function (p) {
      p.textContent = t('draft');
      p.setAttribute('lang', state.ui.lang);
      p.setAttribute('dir', state.ui.dir);
    });
    const all = log.querySelectorAll('.msg.bot');
    const last = all[all.length - 1];
    if (last) {
      const had = last.contains(shadow.activeElement) ? shadow.activeElement : null;
      reveal(last, had, true);
    }
  }

  // ---- the conversation ----
  /**
   * Whether a new message may take focus: only after the person has done something in this page
   * load (a page that just loaded keeps its natural order, quick exit first), and not while they
   * are typing or busy in the title row or a banner.
   */
  function mayMoveFocus() {
    if (!state.acted) {
      return false;
    }
    if (state.helpAsked) {
      state.helpAsked = false;
      return true;
    }
    const a = shadow.activeElement;
    if (!a || !a.isConnected || a === log || a.disabled || a.closest('[hidden]') || log.contains(a)) {
      return true;
    }
    return false;
  }
  /**
   * Scrolls the log so the message starts at its top, unless that would leave the control about
   * to take focus below the fold: focus must never land off screen (WCAG 2.4.11). With
   * {@code noFocus} the control is brought into view but focus stays where it is.
   */
  function reveal(box, focusTarget, noFocus) {
    const lr = log.getBoundingClientRect();
    // On a host page the widget zooms itself (fitViewport): rectangles are then in the page's
    // pixels, scrollTop in the log's own. Distances are measured in rectangles and divided by the
    // zoom; mixing the two scrolled the log past the numbers it meant to show (112 out of sight).
    const k = log.offsetHeight ? lr.height / log.offsetHeight : 1;
    const below = function (y) { return (y - lr.top) / k; };
    // The first message of a conversation keeps the privacy lines above it in view.
    const first = log.querySelector('.msg, .note') === box;
    let top = first ? 0 : log.scrollTop + below(box.getBoundingClientRect().top) - 8;
    if (focusTarget && log.contains(focusTarget)) {
      const bottom = log.scrollTop + below(focusTarget.getBoundingClientRect().bottom) + 8;
      if (bottom - top > log.clientHeight) {
        top = bottom - log.clientHeight;
      }
    }
    top = Math.max(0, top);
    if (log.scrollTo) {
      // At once over more than two screens (past a long pasted text): smooth, 112 took 0.8 s to come into view
      // (an independent tester).
      const far = Math.abs(top - log.scrollTop) > 2 * log.clientHeight;
      log.scrollTo({ top: top, behavior: reduceMotion || far ? 'auto' : 'smooth' });
    } else {
      log.scrollTop = top;
    }
    if (focusTarget && !noFocus) {
      focusTarget.focus({ preventScroll: true });
    }
  }

  /** A pattern for the phone numbers the server's facts know, longest first, so each becomes a tel: link. */
  function phonePattern(list) {
    const byText = {};
    const texts = [];
    (list || []).forEach(function (p) {
      if (p && typeof p.text === 'string' && /^\+?[0-9]{2,15}$/.test(p.tel || '') && /[0-9]/.test(p.text)) {
        byText[p.text] = p.tel;
        texts.push(p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      }
    });
    if (!texts.length) {
      return null;
    }
    texts.sort(function (a, b) { return b.length - a.length; });
    return { re: new RegExp('(^|[^0-9])(' + texts.join('|') + ')(?![0-9])', 'g'), tel: byText };
  }
  /** One line of text, with every known phone number in it a link that calls it. */
  function withPhones(into, line) {
    if (!state.phones) {
      into.append(line);
      return;
    }
    let at = 0;
    let m;
    state.phones.re.lastIndex = 0;
    while ((m = state.phones.re.exec(line)) !== null) {
      const startAt = m.index + m[1].length;
      into.append(line.slice(at, startAt), link('tel:' + state.phones.tel[m[2]], m[2], 'tel'));
      at = startAt + m[2].length;
    }
    into.append(line.slice(at));
  }

  function paragraphs(into, text) {
    String(text || '').split(/\n\s*\n/).forEach(function (para) {
      if (!para.trim()) {
        return;
      }
      const p = h('p');
      para.split('\n').forEach(function (line, i) {
        if (i) {
          p.append(h('br'));
        }
        withPhones(p, line);
      });
      into.append(p);
    });
  }

  function note(text) {
    // Said again right after itself (a too-long text sent twice), the line moves down rather than stack up.
    const last = log.lastElementChild;
    if (last && last.classList.contains('note') && last.textContent === text) {
      last.remove();
    }
    const box = h('p', { class: 'note', lang: state.ui.lang, dir: state.ui.dir, text: text });
    log.append(box);
    reveal(box);
    return box;
  }

  function userSays(text, talkLine) {
    const box = h('div', { class: talkLine ? 'msg me talk-line' : 'msg me' }, [
      h('span', { class: 'vh', lang: state.ui.lang, text: t('you') + ' ' }),
      h('span', { dir: textDir(text) || 'auto', text: text })
    ]);
    log.append(box);
    return box;
  }

  // ---- talk to a person ----
  function languageName(code) {
    const l = state.languages.filter(function (x) { return x.code === code; })[0];
    return l ? l.name : code;
  }
  /** The bar above the log: the offer, the place in the queue, or who reads the conversation. */
  function showTalk(f) {
    if (!talkBar) {
      return;
    }
    let text = '';
    let button = null;
    if (state.talkState === 'waiting') {
      // Words without placeholders (translations/widget): a label, then the number.
      text = t('talk.place') + ' ' + (f && f.place || 1) + '.';
      if (f && f.minutes) {
        text += ' ' + t('talk.minutes') + ' ' + f.minutes + '.';
      }
      text += ' ' + t('talk.keep-going');
      button = 'talk.leave';
    } else if (state.talkState === 'talking') {
      text = t('talk.talking') + ' ' + t('talk.org') + ' ' + (f && f.organisation || '') + '. '
        + t('language') + ': ' + languageName(f && f.lang || state.ui.lang) + '.';
      button = 'talk.end';
    } else if (state.talkState === 'away') {
      text = t('talk.away');
      button = 'talk.end';
    } else if (state.talkOffer && !state.ended) {
      button = 'talk';
    }
    talkText.textContent = text;
    talkText.hidden = !text;
    talkBtn.hidden = !button;
    talkBtn.textContent = button ? t(button) : '';
    talkBar.hidden = !text && !button;
    input.setAttribute('placeholder', t(inTalk() ? 'talk.input' : 'input'));
    talkBar.classList.toggle('talking', inTalk());
  }
  /** Talking to a person, or the person is away for now: what is typed goes to the talk, not the questions. */
  function inTalk() {
    return state.talkState === 'talking' || state.talkState === 'away';
  }
  function talkAction() {
    state.acted = true;
    if (state.talkState) {
      step({ type: 'talk.leave' });
    } else if (step({ type: 'talk' })) {
      userSays(t('talk'));
    }
  }
  function onTalk(f) {
    if (f.state === 'away') {
      // The counsellor has no connection now (they may come back): said at once, with who answers
      // day and night; a message written meanwhile was not delivered, and that is said too.
      const first = state.talkState !== 'away';
      state.talkState = 'away';
      showTalk(state.talkLast);
      const notSent = f.reason === 'not_sent';
      if (notSent) {
        Array.prototype.forEach.call(log.querySelectorAll('.msg.me.talk-line:not(.not-sent)'), function (m, i, all) {
          if (i === all.length - 1) { m.classList.add('not-sent'); }
        });
      }
      if (first || notSent) {
        const away = h('div', { class: 'msg bot talk-note', lang: state.ui.lang, dir: state.ui.dir },
          [h('p', { text: t(notSent ? 'talk.not-sent' : 'talk.away') })]);
        if (first) {
          (f.cards || []).forEach(function (c) { away.append(card(c)); });
        }
        log.append(away);
        reveal(away, away.querySelector('a'));
        announce(t(notSent ? 'talk.not-sent' : 'talk.away'));
      }
      return;
    }
    if (f.state === 'waiting' || f.state === 'talking') {
      const was = state.talkState;
      state.talkState = f.state;
      state.talkLast = f;
      showTalk(f);
      if (was !== f.state) {
        announce(talkText.textContent);
        if (f.state === 'talking') {
          note(talkText.textContent);
          input.focus({ preventScroll: true });
        }
      }
      return;
    }
    state.talkState = null;
    state.talkLast = null;
    showTalk();
    // Over, whichever way: what was said leaves the screen and the page (erased on the server too).
    clearTalk();
    const say = { closed: 'talk.closed', crowded: 'talk.crowded', blocked: 'talk.blocked', no_answer: 'talk.no-answer',
      handed_back: 'talk.handed-back', person: 'talk.left' }[f.state === 'ended' ? f.reason : f.state] || 'talk.ended';
    const box = h('div', { class: 'msg bot talk-note', lang: state.ui.lang, dir: state.ui.dir }, [h('p', { text: t(say) })]);
    (f.cards || []).forEach(function (c) { box.append(card(c)); });
    log.append(box);
    reveal(box, box.querySelector('a'));
  }
  /** Every line of the talk (both sides' words and cards) out of the page, once the talk is over. */
  function clearTalk() {
    Array.prototype.forEach.call(log.querySelectorAll('.talk-line'), function (x) { x.remove(); });
    if (status) {
      status.textContent = '';   // the last message may still be in the screen reader's line
    }
  }
  /** Danger read in a message to the counsellor: the emergency numbers at once, whoever reads. */
  function dangerNow(f) {
    // Laid out as the dialog's own message is (paragraphs, lines, numbers to call): on a phone,
    // in a panic, the right number must stand on a line of its own.
    const box = h('div', { class: 'msg bot talk-note danger-now', lang: state.ui.lang, dir: state.ui.dir });
    paragraphs(box, f.text);
    (f.cards || []).forEach(function (c) { box.append(card(c)); });
    log.append(box);
    reveal(box, box.querySelector('a'));
    announce(f.text || '');
  }
  function theySay(text) {
    const box = h('div', { class: 'msg them talk-line' }, [
      h('span', { class: 'who', lang: state.ui.lang, text: t('talk.them') + ' ' }),
      h('span', { dir: textDir(text) || 'auto', text: text })
    ]);
    log.append(box);
    reveal(box);
    announce(t('talk.them') + ' ' + text);
  }
  function theySend(c) {
    const box = h('div', { class: 'msg them talk-line', lang: state.ui.lang, dir: state.ui.dir }, [card(c)]);
    log.append(box);
    reveal(box, box.querySelector('a'));
  }

  /**
   * {@code resumed}: the current node shown again after a reconnect. Numbers shown while the connection
   * was gone (with "Not sent") then stay, and keep focus: the text they were shown for is still unsent.
   */
  /**
   * A message of the server. {@code resumed}: the first of a conversation resumed or started; the
   * help-now numbers shown without the server while it could not be reached then stay, below it.
   * {@code above}: a line said just before it, kept in view above it.
   */
  function showMessage(m, resumed, above) {
    const keep = resumed && log.querySelector('.help-only');
    const moveFocus = !keep && mayMoveFocus();
    state.talkOffer = m.talk || null;
    showTalk(state.talkLast);
    state.node = m.node || null;
    // Back only where there is a step to undo: at depth 0 the server would send the start again.
    backBtn.disabled = typeof m.depth === 'number' && m.depth <= 0;
    Array.prototype.forEach.call(log.querySelectorAll(keep ? '.failed' : '.failed, .help-only'), function (x) { x.remove(); });
    // Earlier choices can no longer be taken: their step is gone on the server.
    Array.prototype.forEach.call(log.querySelectorAll('.choices, .checklist, .result-topic'), function (g) { g.remove(); });
    const box = h('div', { class: 'msg bot', lang: m.lang, dir: m.dir === 'rtl' ? 'rtl' : 'ltr' });
    if (m.step) {
      box.append(h('p', { class: 'step', text: m.step }));
    }
    // The choices are named by the message's text, or by the notice when there is no text (the handbook's answer).
    const textId = id('text');
    if (m.notice) {
      box.append(h('p', { class: 'notice', id: m.text ? null : textId, text: m.notice }));
    }
    const cards = m.cards || [];
    // Two or more numbers to call: they lead the message as large buttons, the details follow.
    const callable = cards.filter(function (c) {
      return c.type === 'contact' && c.phone && /^\+?[0-9]{2,15}$/.test(c.tel || '');
    });
    const calls = callable.length >= 2 ? callsCard(callable) : null;
    if (calls) {
      box.append(calls);
    }
    const body = h('div', { id: m.text || !m.notice ? textId : null });
    paragraphs(body, m.text);
    box.append(body);
    if (m.alt && m.alt.text) {
      const alt = h('div', { class: 'alt', lang: m.alt.lang, dir: m.alt.dir === 'rtl' ? 'rtl' : 'ltr' });
      paragraphs(alt, m.alt.text);
      box.append(alt);
    }
    const rendered = cards.map(card);
    // Under the numbers, their details folded; the handbook's answer to what was asked stays in view after
    // them (an independent tester found it as the ninth card of the fold, and nothing said it was there).
    const folded = calls ? h('details', { class: 'more' }, [label(h('summary', { lang: state.ui.lang, dir: state.ui.dir }), 'calls.more')]) : null;
    rendered.forEach(function (c, i) {
      if (folded && cards[i].type !== 'search') {
        folded.append(c);
      }
    });
    if (folded) {
      box.append(folded);
    }
    rendered.forEach(function (c, i) {
      if (!folded || cards[i].type === 'search') {
        box.append(c);
      }
    });
    // Said once per conversation (and in the language menu), not under every message.
    if (DRAFT_MARK && !state.draftShown && (m.draft || (m.alt && m.alt.draft))) {
      state.draftShown = true;
      box.append(h('p', { class: 'draft', lang: state.ui.lang, dir: state.ui.dir, text: t('draft') }));
    }
    if (m.choices && m.choices.length) {
      box.append(m.multi ? checklist(m, textId) : choices(m, textId));
    }
    log.append(box);
    const target = box.querySelector('.calls a, .choices button, .checklist input') || (form.hidden ? null : input);
    // The emergency numbers take focus even from the input: whoever typed "I'm in danger" needs 112
    // focused and in view, not the keyboard (and on a phone the keyboard then closes, giving them room).
    const urgent = !!calls && !!state.help && m.node === state.help.node && state.acted;
    if (keep) {
      // Moved below the message, the numbers keep the focus they had (112, for someone who asked for help).
      const had = keep.contains(shadow.activeElement) ? shadow.activeElement : null;
      log.append(keep);
      reveal(keep, had);
      return;
    }
    // With a line said just above it ("too long"), the line stays in view over the numbers: with 112 at the
    // top, eight call buttons stood alone on a phone's screen, why the text was back out of sight (a tester).
    reveal(above || box, moveFocus || urgent ? target : null);
  }

  /**
   * A letter typed while focus is on a call button (the emergency answer puts it on 112) belongs in the
   * box: focus moves there before the letter lands, so the words are not lost and the Enter after them
   * sends them instead of calling (an independent tester, on a laptop at 200 %). Enter alone still calls.
   */
  function typedOnACall(e) {
    if (e.key && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !form.hidden
        && e.target.closest && e.target.closest('.calls')) {
      input.focus();
    }
  }

  /** The numbers of a message as a short card of large call buttons: number first, then who answers. */
  function callsCard(list) {
    return h('div', { class: 'calls' }, list.map(function (c) {
      return h('a', { class: 'call', href: 'tel:' + c.tel }, [
        h('span', { class: 'num', dir: 'ltr', text: c.phone }),
        h('span', { class: 'who', text: c.title || '' })
      ]);
    }));
  }

  /** Once one answer of a group is taken, the others are off: a second tap must not answer for the person. */
  function take(g, chosen) {
    if (g.classList.contains('taken')) {
      return false;
    }
    g.classList.add('taken');
    Array.prototype.forEach.call(g.querySelectorAll('button, input'), function (b) { b.disabled = true; });
    if (chosen) {
      chosen.classList.add('chosen');
    }
    return true;
  }
  function release(g) {
    g.classList.remove('taken');
    Array.prototype.forEach.call(g.querySelectorAll('button, input'), function (b) {
      b.disabled = false;
      b.classList.remove('chosen');
    });
  }

  function choices(m, textId) {
    const g = h('div', { class: 'choices', role: 'group', 'aria-labelledby': textId });
    // A topic a search result already leads to is taken there, beside its passage.
    const linked = [];
    (m.cards || []).forEach(function (c) {
      (c.type === 'search' ? c.results || [] : []).forEach(function (r) {
        if (r.topic) {
          linked.push(r.topic.id);
        }
      });
    });
    m.choices.filter(function (c) { return linked.indexOf(c.id) < 0; }).forEach(function (c) {
      // The help-now choice works without the server: offline, it shows the numbers the tab keeps.
      const help = state.help && c.id === state.help.choice;
      const b = h('button', {
        type: 'button', class: 'choice', text: c.label, 'data-help': help ? 'true' : null,
        onclick: function () {
          if (state.offline && help) {
            helpNow();
            return;
          }
          if (state.offline || !take(g, b)) {
            return;
          }
          if (step({ type: 'choose', choice: c.id })) {
            userSays(c.label);
          } else {
            release(g);
          }
        }
      });
      g.append(b);
    });
    return g;
  }

  function checklist(m, textId) {
    const selected = m.selected || [];
    const g = h('div', { class: 'checklist', role: 'group', 'aria-labelledby': textId });
    const boxes = m.choices.map(function (c) {
      const cb = h('input', { type: 'checkbox', value: c.id, checked: selected.indexOf(c.id) >= 0 });
      g.append(h('label', { class: 'check' }, [cb, h('span', { text: c.label })]));
      return [cb, c];
    });
    const done = h('button', {
      type: 'button', class: 'primary', lang: state.ui.lang, dir: state.ui.dir, text: t('done'),
      onclick: function () {
        const ticked = boxes.filter(function (b) { return b[0].checked; });
        if (state.offline || !take(g, done)) {
          return;
        }
        if (step({ type: 'choose', choices: ticked.map(function (b) { return b[1].id; }) })) {
          userSays(ticked.length ? ticked.map(function (b) { return b[1].label; }).join(', ') : '–');
        } else {
          release(g);
        }
      }
    });
    g.append(done);
    return g;
  }

  function link(href, text, cls) {
    try {
      const u = new URL(href);
      if (['https:', 'http:', 'tel:'].indexOf(u.protocol) < 0) {
        return h('span', { text: text });
      }
    } catch (e) {
      return h('span', { text: text });
    }
    const external = href.slice(0, 4) !== 'tel:';
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
    const p = h('p', { class: 'src', lang: state.ui.lang });
    if (c.source) {
      p.append(t('source') + ': ', h('bdi', { text: c.source }));
    }
    if (c.checked) {
      p.append(c.source ? h('br') : '', t('checked') + ': ', h('bdi', { dir: 'ltr', class: 'date', text: c.checked }));
    }
    return p;
  }

  function card(c) {
    const el = h('div', { class: 'card card-' + (c.type || 'fact') });
    if (c.title) {
      el.append(h('p', { class: 'card-title', text: c.title }));
    }
    if (c.type === 'contact') {
      if (c.phone) {
        el.append(h('p', {}, [/^\+?[0-9]{2,15}$/.test(c.tel || '') ? link('tel:' + c.tel, c.phone, 'phone')
          : h('span', { class: 'phone', text: c.phone })]));
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
        el.append(h('button', { type: 'button', lang: state.ui.lang, text: t('print'), onclick: function () { printCard(el); } }));
      }
    } else if (c.type === 'search') {
      const linked = [];
      el.append(h('ul', { class: 'results' }, (c.results || []).map(function (r) {
        // The sentences that answer, the question's words marked; the passage is Norwegian, so say so.
        const said = r.excerpt || r.text || '';
        const parts = [];
        let at = 0;
        (r.excerpt ? r.marks || [] : []).forEach(function (m) {
          if (m[0] >= at && m[1] <= said.length) {
            parts.push(said.slice(at, m[0]), h('mark', { text: said.slice(m[0], m[1]) }));
            at = m[1];
          }
        });
        parts.push(said.slice(at));
        const other = r.lang && r.lang !== state.ui.lang;
        // Once per card: two passages of the same part lead there from the first.
        const leads = !!r.topic && linked.indexOf(r.topic.id) < 0;
        if (leads) {
          linked.push(r.topic.id);
        }
        return h('li', {}, [
          other ? h('p', { class: 'result-lang', text: t('norwegian-text') }) : null,
          said ? h('p', { lang: r.lang || null, dir: other ? 'ltr' : null }, parts) : null,
          h('p', { class: 'src' }, [t('source') + ': ', h('bdi', { text: [r.title, r.section].filter(Boolean).join(' – ') })]),
          leads ? topicLink(r.topic) : null
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

  /**
   * A passage's way into the dialog's own answer on its topic: a choice of the message (the server
   * offers it), shown here rather than again among the choices, and gone with them at the next message.
   */
  function topicLink(topic) {
    const b = h('button', {
      type: 'button', class: 'choice', text: topic.label, 'aria-label': t('result-topic') + ' ' + topic.label,
      onclick: function () {
        if (state.offline || b.disabled) {
          return;
        }
        b.disabled = true;
        if (step({ type: 'choose', choice: topic.id })) {
          userSays(topic.label);
        } else {
          b.disabled = false;
        }
      }
    });
    return h('p', { class: 'result-topic' }, [h('span', { lang: state.ui.lang, 'aria-hidden': 'true', text: t('result-topic') + ' ' }), b]);
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

  // ==== events ====
  // ---- quick exit ----
  function quickExit(e) {
    if (e && e.preventDefault) {
      e.preventDefault();
    }
    if (state.exiting) {
      return;
    }
    // Erase first: whatever happens next, this tab keeps nothing.
    forget();
    state.exiting = true;
    // The socket is let go of, not closed: the end frame below still goes out on it.
    const sock = client.detach();
    stopTimers();
    if (state.built) {
      cover.hidden = false;
      dock.hidden = true;
      announce(t('exit.now'));
    }
    if (sock && sock.readyState === 1) {
      try {
        sock.send(JSON.stringify({ type: 'end' }));
      } catch (err) { /* leaving matters more than the goodbye */ }
    }
    const url = exitUrl();
    let waited = 0;
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
  function onKeyUp(e) {
    if (e.key === 'Shift' && !state.lastWasModified && !state.shiftClicked) {
      state.shifts += 1;
      clearTimeout(timers.shift);
      if (state.shifts >= 3) {
        state.shifts = 0;
        quickExit();
        return;
      }
      announce(t(state.shifts === 1 ? 'exit.two' : 'exit.one'));
      timers.shift = setTimeout(resetShifts, 5000);
    } else if (state.shifts) {
      resetShifts();
    }
    // Releasing Shift ends whatever it modified; some browsers still report shiftKey on that keyup.
    state.lastWasModified = e.key === 'Shift' ? false : e.shiftKey;
    state.shiftClicked = false;
    showDots();
  }
  /**
   * Shift held for a click or a tap (selecting a passage to cut, on a laptop) is not a press of Shift: three
   * such clicks left the page, and the text being shortened with them (an independent tester).
   */
  function onPointerDown(e) {
    if (e.shiftKey) {
      state.shiftClicked = true;
      if (state.shifts) {
        resetShifts();
      }
    }
  }
  function resetShifts() {
    state.shifts = 0;
    clearTimeout(timers.shift);
    showDots();
  }
  function showDots() {
    if (!state.built) {
      return;
    }
    exitBtn.classList.toggle('counting', state.shifts > 0);
    Array.prototype.forEach.call(dots.children, function (d, i) { d.classList.toggle('on', i < state.shifts); });
  }

  /** What the box holds, set from here: the box then fits it, as when the person types. */
  function setText(text) {
    input.value = text;
    fitText();
  }
  /**
   * The box as tall as its text, up to a third of the chat (the conversation above keeps the rest, also with
   * a phone's keyboard open: fitted again when the screen changes), the count once the text is longer than the
   * server answers, and the text's own direction.
   */
  function fitText() {
    fitBox();
    const n = counted(input.value.trim());
    count.hidden = n <= MAX_TEXT;
    // Emptied when hidden: the box's description still reads a hidden count (an independent tester).
    count.replaceChildren();
    if (!count.hidden) {
      const f = new Intl.NumberFormat(state.ui.lang);
      // Left to right inside a right-to-left chat too ("1,000 / 1,055" otherwise), at the end of the line either way.
      count.append(h('bdi', { dir: 'ltr', text: f.format(n) + ' / ' + f.format(MAX_TEXT) }));
    }
    const dir = textDir(input.value);
    if (dir) {
      input.setAttribute('dir', dir);
    } else {
      input.removeAttribute('dir');
    }
  }
  function fitBox() {
    input.style.height = '';
    if (input.value && input.scrollHeight > input.clientHeight) {
      const most = Math.max(input.offsetHeight, Math.round(panel.clientHeight / 3));
      input.style.height = Math.min(input.scrollHeight + input.offsetHeight - input.clientHeight, most) + 'px';
    }
  }
  /** Enter sends, as it did in a one-line box; Shift+Enter (and Enter while an input method composes) does not. */
  function enterSends(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      onSend(e);
    }
  }

  /**
   * A text as sent to the questions: a longer one is still sent, its first and last 2,000 characters: the server
   * reads that much of a text too long to answer for danger (a cry comes first or last in a story), and otherwise
   * answers too_long, when the whole text comes back to the box to be shortened.
   */
  function sendable(text) {
    const chars = Array.from(text);
    return chars.length > 4000 ? chars.slice(0, 2000).join('') + '\n…\n' + chars.slice(-2000).join('') : text;
  }
  /** Characters as the server counts them: after compatibility folding (one "ﷺ" is 18), an emoji one. */
  function counted(text) {
    return Array.from(text.normalize('NFKC')).length;
  }
  /**
   * Right to left when most of a text's letters are of a right-to-left script: "dir=auto" takes the first
   * letter's, and a Persian sentence that begins with NAV or UDI was laid out left to right (an independent
   * tester). The first 1,000 characters tell. Null: no letters (digits, emoji), the chat's own direction.
   */
  function textDir(text) {
    const head = text.slice(0, 1000);
    const letters = (head.match(/\p{L}/gu) || []).length;
    if (!letters) {
      return null;
    }
    const rtl = (head.match(/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu) || []).length;
    return rtl * 2 > letters ? 'rtl' : 'ltr';
  }

  function onSend(e) {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    // Talking to a person: what is typed goes to them, not to the questions, at most 1,000 characters
    // as the server counts them; a longer text stays to be shortened.
    const talking = inTalk();
    if (talking && counted(text) > MAX_TEXT) {
      note(t('too-long'));
      return;
    }
    if (!client.isOpen() && !state.ended) {
      // Nothing can be read without the server, and this may be a cry for help: say it was not sent,
      // and show the help-now numbers the tab keeps. The text stays in the box for when we are back.
      // Not open is enough: a socket still dialing (a dead link holds it there) cannot send either.
      if (!talking && !state.token && state.refused < REFUSED) {
        // No conversation yet (the first connection still opening: the server may hold it for its turn):
        // what was typed is sent as the first words of the conversation once it starts, as below. Not once
        // tries have failed time after time (a site the server refuses): that would be a promise; the text
        // then stays in the box, "not sent", below.
        // The whole text is kept: a text too long to answer comes back to the box whole to be shortened.
        state.resend = state.resend ? state.resend + ' ' + text : text;
        setText('');
        helpNow(t('not-sent-yet'));
        return;
      }
      helpNow(t('not-sent'));
      return;
    }
    if (!talking && !state.token && !state.ended) {
      // No conversation yet (none could start: the numbers and "Try again" are on screen): typing is
      // trying again (unless a start is on its way). The text is sent once the conversation has started.
      state.resend = state.resend ? state.resend + ' ' + text : text;
      setText('');
      if (!state.pending) {
        tryAgain();
      }
      return;
    }
    if (!talking && state.readTooLong && text === state.readTooLong.text) {
      // Sent again unchanged (nothing on screen changed, so people tap again): it was read for danger and
      // answered (too long, or the help); said again here, with the numbers in view if they were the answer,
      // it does not spend the conversation's reads nor stand in the log once more (six taps left six copies
      // of a story beside the help: an independent tester).
      if (state.readTooLong.help) {
        showNumbers(t('too-long'), true);
      } else {
        note(t('too-long'));
      }
      return;
    }
    if (step(talking ? { type: 'talk.say', text: text } : { type: 'text', text: sendable(text) })) {
      const line = userSays(text, talking);
      if (!talking) {
        state.unanswered.push({ text: text, line: line });
      }
      setText('');
    }
  }

  // ---- start ----
  document.addEventListener('keyup', onKeyUp, true);
  document.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('pageshow', function (e) {
    // Back-forward cache: if the browser shows this page again, do not show it covered.
    if (e.persisted && state.built && state.exiting) {
      location.reload();
    }
  });
  // /chat's own exit link works from the first paint; with this script it also erases and ends the session.
  const shellExit = shell && shell.querySelector('.exit');
  if (shellExit) {
    shellExit.addEventListener('click', quickExit);
  }

  /** /chat writes what /api/boot would answer into the page, so the first paint needs no request. */
  function inlineBoot() {
    const el = PAGE && document.getElementById('losen-boot');
    if (!el) {
      return null;
    }
    try {
      const b = JSON.parse(el.textContent);
      return b && b.dialog === DIALOG && b.ui && (!state.lang || state.lang === b.ui.lang) ? b : null;
    } catch (e) {
      return null;
    }
  }
  function booted(b) {
    if (state.exiting) {
      return;
    }
    state.languages = (b.languages || []).filter(function (l) { return l && /^[a-z]{2,3}$/.test(l.code); });
    state.lang = b.ui.lang;
    state.kept = b;
    if (state.open || state.token) {
      save(); // a tab that never opened the chat keeps nothing
    }
    state.help = helpOf(b.help);
    applyBoot(b.ui);
    whenBody(function () {
      if (!state.built) {
        build();
      }
      relabel();
      showBanner(state.banner);
      if (state.open) {
        openPanel(false);
      }
      if (state.calm) {
        state.calm = false;
        finish('ended');
      }
    });
  }
  /** The boot answer's help-now, checked: only numbers that can be dialled become links. */
  function helpOf(x) {
    if (!x || !Array.isArray(x.calls)) {
      return null;
    }
    const calls = x.calls.filter(function (c) {
      return c && typeof c.phone === 'string' && /^\+?[0-9]{2,15}$/.test(c.tel || '');
    });
    return calls.length ? { choice: x.choice || null, node: x.node || null, label: x.label || '', calls: calls } : null;
  }
  function boot() {
    const inline = inlineBoot();
    if (inline) {
      booted(inline);
      return;
    }
    getJSON('/api/boot?dialog=' + encodeURIComponent(DIALOG) + '&want=' + wanted().join(',')).then(booted)
      .catch(function () {
        // The server cannot be reached (a reload while it is down): the words this tab kept, in the
        // person's language, so quick exit and "Help now" are there at once; the socket keeps trying.
        const k = state.kept;
        if (!state.ready && k && (!state.lang || state.lang === k.ui.lang)) {
          booted(k);
          return;
        }
        state.bootTries += 1;
        setTimeout(boot, Math.min(30000, 1000 * Math.pow(2, state.bootTries)));
      });
  }
  function whenBody(fn) {
    if (document.body) {
      fn();
    } else {
      document.addEventListener('DOMContentLoaded', fn);
    }
  }
  // The words and the stylesheet load side by side: the frame is built (hidden) as soon as there is a body.
  boot();
  whenBody(function () {
    if (!state.built && !state.exiting) {
      build();
    }
  });
})();
